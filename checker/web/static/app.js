/* fzcheck page: plain JavaScript, no libraries, nothing fetched from elsewhere.
 * The page keeps the chosen files in memory only to send them again for the downloads. */
"use strict";

(function () {
  const SEV = { error: "错误", warning: "警告", info: "提示" };
  const SEV_RANK = { info: 1, warning: 2, error: 3 };
  const DOC_TYPE = { report: "报告", summary: "总结", other: "其他" };
  const EVIDENCE = { heading: "按标题识别", position: "按位置推断", content: "按内容推断" };
  const MARK = { ok: "✓", warn: "✓", missing: "✗", unchecked: "—", na: "—" };

  const $ = (id) => document.getElementById(id);
  const state = {
    info: null,
    mode: "file", // file | text
    chosen: [], // File objects
    sent: null, // what the last check sent: {files: [File], text, name}
    data: null, // the last /api/check answer
    current: 0, // index of the file shown
    show: { error: true, warning: true, info: true },
  };

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  }

  // Same wording as the server (checker/web/uploads.py format_size).
  function formatSize(bytes) {
    if (bytes < 1048576) return Math.max(1, Math.ceil(bytes / 1024)) + " KB";
    const mb = bytes / 1048576;
    return (mb < 10 ? String(Math.round(mb * 10) / 10) : String(Math.round(mb))) + " MB";
  }

  function showError(message) {
    const box = $("error");
    box.textContent = message;
    box.classList.toggle("hidden", !message);
  }

  function setStatus(text) {
    $("status").textContent = text;
  }

  /* ---------- server settings ---------- */
  // a part's short name from the packs the server uses ([roles.*]; /api/info), a county's own roles included
  function roleLabel(role) {
    return (state.info && state.info.roles && state.info.roles[role]) || role;
  }

  async function loadInfo() {
    try {
      const res = await fetch("api/info");
      state.info = await res.json();
      const parts = [`本页在本机检查报告，不保存任何上传内容；每次最多上传 ${formatSize(state.info.max_upload_bytes)}`];
      parts.push(`启用规则 ${state.info.rules} 条`);
      if (state.info.config) parts.push(`配置：${state.info.config}`);
      $("server-info").textContent = parts.join("；") + "。";
    } catch (e) {
      /* the check itself reports a dead server */
    }
  }

  /* ---------- input ---------- */
  function setMode(mode) {
    state.mode = mode;
    for (const m of ["file", "text"]) {
      $("tab-" + m).classList.toggle("active", m === mode);
      $("tab-" + m).setAttribute("aria-selected", String(m === mode));
      $("pane-" + m).classList.toggle("hidden", m !== mode);
    }
  }

  function choose(files) {
    const list = Array.from(files || []);
    if (!list.length) return;
    state.chosen = list;
    setMode("file");
    drawChosen();
    showError("");
  }

  function chosenStatus() {
    const n = state.chosen.length;
    return n ? `已选择 ${n} 个文件，请按“检查”` : "未选择文件";
  }

  function drawChosen() {
    const ul = $("chosen");
    ul.replaceChildren();
    state.chosen.forEach((f, i) => {
      ul.append(
        el("li", {}, `${f.name}（${f.size < 1024 ? f.size + " 字节" : Math.ceil(f.size / 1024) + " KB"}）`,
          el("button", { type: "button", title: "移除", "aria-label": "移除 " + f.name, onclick: () => {
            state.chosen.splice(i, 1);
            drawChosen();
            // keep the keyboard where it was: on the next file's remove button, else on the file input
            const buttons = ul.querySelectorAll("button");
            (buttons[Math.min(i, buttons.length - 1)] || $("file-input")).focus();
          } }, "×"))
      );
    });
    setStatus(chosenStatus());
  }

  function currentInput() {
    if (state.mode === "text") {
      const text = $("paste").value;
      if (!text.trim()) return { problem: "请先粘贴报告全文" };
      return { files: [], text: text, name: "粘贴的文本" };
    }
    if (!state.chosen.length) return { problem: "请先选择或拖入报告文件（.docx、.txt、.md）" };
    return { files: state.chosen.slice(), text: null, name: null };
  }

  function tooLarge(input) {
    if (!state.info) return "";
    const size = input.files.reduce((n, f) => n + f.size, 0) + (input.text ? new Blob([input.text]).size : 0);
    if (size <= state.info.max_upload_bytes) return "";
    return `上传的内容过大（${formatSize(size)}），上限为 ${formatSize(state.info.max_upload_bytes)}。` +
      "请删去报告中的图片后再试，或分批上传；管理员可用 fzcheck serve --max-upload-mb 调高上限。";
  }

  function formFor(input, only) {
    const form = new FormData();
    const files = only === undefined ? input.files : [input.files[only]].filter(Boolean);
    for (const f of files) form.append("file", f, f.name);
    if (input.text !== null && (only === undefined || !input.files.length)) {
      form.append("text", input.text);
      form.append("name", input.name);
    }
    return form;
  }

  async function post(url, form) {
    let res;
    try {
      res = await fetch(url, { method: "POST", body: form });
    } catch (e) {
      throw new Error("无法连接检查服务。请确认运行 fzcheck serve 的窗口没有关闭，然后刷新本页重试。");
    }
    return res;
  }

  async function errorOf(res) {
    try {
      const body = await res.json();
      if (body && body.error) return body.error;
    } catch (e) { /* not JSON */ }
    if (res.status === 413) return "上传的内容过大，请删去图片或分批上传。";
    return `检查服务返回错误（${res.status}），请重试。`;
  }

  async function runCheck() {
    showError("");
    const input = currentInput();
    if (input.problem) return showError(input.problem);
    const big = tooLarge(input);
    if (big) return showError(big);
    const button = $("check");
    button.disabled = true;
    setStatus("正在检查…");
    const started = performance.now();
    try {
      const res = await post("api/check", formFor(input));
      await state.infoLoaded; // the parts' names come with the server's settings
      let data = null;
      try { data = await res.json(); } catch (e) { data = null; }
      if (!res.ok && !(res.status === 422 && data && data.files)) {
        throw new Error((data && data.error) || (await errorOf(res)));
      }
      state.sent = input;
      state.data = data;
      state.current = 0;
      if (data.error) showError(data.error);
      setStatus("正在显示结果…");
      const drawn = await drawAll();
      if (!drawn) return; // a newer check or a click replaced this drawing
      const secs = ((performance.now() - started) / 1000).toFixed(2);
      const s = data.summary || {};
      const totals = s.files > 1 ? `；${s.files} 份报告共 ${countsText(s)}` : data.files[0].error ? "" : `；${countsText(data.files[0].counts)}`;
      setStatus(`检查完成，用时 ${secs} 秒${totals}`);
      // On a phone the results start below the input: bring the summary or the checklist up.
      if (window.matchMedia("(max-width: 960px)").matches) {
        $(data.files.length > 1 && data.review ? "review" : "result").scrollIntoView({ block: "start" });
      }
    } catch (e) {
      setStatus("");
      showError(e.message);
    } finally {
      button.disabled = false;
    }
  }

  /* ---------- results ---------- */
  const LIMIT = 500; // findings listed and highlighted at most; the workbook has them all
  const CHUNK = 300; // text lines drawn per frame, so a long report never freezes the page
  let renderToken = 0;

  function countsText(c) {
    return `错误 ${c.errors} · 警告 ${c.warnings} · 提示 ${c.infos}`;
  }

  // "第10行第434字"; Word: "第16段（第17行）" (the text pane is numbered by line).
  function where(d) {
    if (d.part) return "缺少此部分";
    if (d.location) return `${d.location}（第${d.line}行）`;
    return `第${d.line}行第${d.column}字`;
  }

  function ruleName(d) {
    return `${d.title || d.name}（${d.code}）`;
  }

  function drawAll() {
    const data = state.data;
    const many = data.files.length > 1;
    drawReview(data);
    const nav = $("files");
    nav.classList.toggle("hidden", !many);
    nav.replaceChildren();
    if (many) {
      data.files.forEach((f, i) => {
        const label = f.error ? "无法读取" : countsText(f.counts);
        nav.append(el("button", { type: "button", class: i === state.current ? "current" : "", "aria-current": i === state.current ? "true" : null,
          "aria-label": `${f.path}：${label}`, onclick: () => pick(i) }, f.path, el("span", { class: "cnt muted" }, label)));
      });
    }
    return drawFile();
  }

  function pick(i) {
    state.current = i;
    drawAll();
    $("result").scrollIntoView({ behavior: "smooth", block: "start" });
    const title = $("file-title");
    title.setAttribute("tabindex", "-1");
    title.focus({ preventScroll: true });
  }

  function drawReview(data) {
    const box = $("review");
    const review = data.review;
    box.classList.toggle("hidden", !(data.files.length > 1 && review));
    if (!review) return;
    $("review-note").textContent = `（${data.files.length} 份，选择文件名查看该报告）`;
    const table = $("review-table");
    table.replaceChildren();
    table.append(el("thead", {}, el("tr", {}, ...review.columns.map((c) => el("th", { scope: "col", text: c.label })))));
    const tbody = el("tbody");
    const cell = (c, v, i) => {
      const label = { "data-label": c.label };
      if (c.key === "file") {
        return el("td", label, el("button", { type: "button", class: "linkish", onclick: () => pick(Math.max(0, i)) }, String(v)));
      }
      if (c.key === "status") return el("td", { ...label, class: "st-" + v, text: review.status_labels[v] || v });
      if (v === true) return el("td", { ...label, class: "yes" }, el("span", { "aria-label": "有" }, "✓"));
      if (v === false) return el("td", { ...label, class: "no" }, el("span", { "aria-label": "无" }, "✗"));
      return el("td", { ...label, text: v === null || v === undefined || v === "" ? "—" : String(v) });
    };
    for (const row of review.rows) {
      const i = data.files.findIndex((f) => f.path === row.file);
      tbody.append(el("tr", { class: "pick" + (i === state.current ? " current" : ""), "data-file": row.file,
        onclick: (ev) => { if (!ev.target.closest("button")) pick(Math.max(0, i)); } },
        ...review.columns.map((c) => cell(c, row[c.key], i))));
    }
    table.append(tbody);
  }

  function drawFile() {
    const file = state.data.files[state.current];
    $("result").classList.remove("hidden");
    $("file-title").textContent = file.path;
    drawFacts(file);
    drawChecklist(file);
    drawTree(file);
    const done = drawFindings(file);
    const features = (state.info && state.info.features) || {};
    $("dl-xlsx").disabled = features.xlsx === false;
    $("dl-xlsx").title = features.xlsx === false ? "此版本尚不能导出 XLSX" : "";
    $("dl-fixed").disabled = !!file.error || features.fixed === false || file.fixable === 0;
    $("dl-fixed").title = file.error ? "文件无法读取" : features.fixed === false ? "此版本尚不能自动修正"
      : file.fixable === 0 ? "没有可以自动修正的问题" : `自动修正 ${file.fixable} 处（只改确定无误的地方）`;
    return done;
  }

  function drawFacts(file) {
    const dl = $("facts");
    dl.replaceChildren();
    const f = file.facts;
    const rows = f ? [
      ["单位", f.entity || "（未识别）"],
      ["年度", f.year ? String(f.year) : "（未识别）"],
      ["标题", f.title || "（未识别）"],
      ["文种", (DOC_TYPE[f.doc_type] || "（未识别）") + (f.lookalike ? `；疑似${f.lookalike}` : "")],
    ] : [["文件", file.error || "无法读取"]];
    for (const [k, v] of rows) dl.append(el("dt", { text: k }), el("dd", { text: v }));
  }

  const STATUS_WORDS = { ok: "已写", warn: "已写，有问题", missing: "缺少", unchecked: "未检查", na: "不适用" };

  function drawChecklist(file) {
    const ul = $("checklist");
    ul.replaceChildren();
    if (!file.checklist.length) {
      ul.append(el("li", { class: "na" }, el("span", { class: "mark", "aria-hidden": "true" }, "—"), el("span", {}, file.error ? "文件无法读取，未检查" : "无")));
      return;
    }
    for (const item of file.checklist) {
      const li = el("li", { class: item.status, "data-key": item.key, "data-status": item.status },
        el("span", { class: "mark", "aria-hidden": "true" }, MARK[item.status]),
        el("span", { class: "label" }, item.label, el("span", { class: "sr-only" }, "：" + STATUS_WORDS[item.status])));
      if (item.status === "missing" || item.status === "warn") {
        for (const note of item.notes) li.append(el("span", { class: "note" }, (item.status === "warn" ? "⚠ " : "") + note));
      } else if (item.status === "unchecked") {
        li.append(el("span", { class: "note" }, "该项规则已被配置关闭"));
      } else if (item.status === "na") {
        li.append(el("span", { class: "note" }, "不是法治政府建设年度报告，未逐项检查"));
      }
      if (item.status === "missing" && item.expected_before) {
        li.append(el("span", { class: "where" }, el("button", { type: "button", class: "linkish", onclick: () => gotoBanner(item.key) },
          "查看应写的位置")));
      } else if (item.status !== "missing" && item.sections.length) {
        const shown = item.sections.slice(0, 3);
        const span = el("span", { class: "where" });
        shown.forEach((s, k) => {
          if (k) span.append("；");
          span.append(el("button", { type: "button", class: "linkish", onclick: () => gotoLine(s.line) }, `第${s.line}行 ${s.marker}${s.heading}`));
        });
        if (item.sections.length > 3) span.append(" 等");
        li.append(span);
      }
      ul.append(li);
    }
  }

  function drawTree(file) {
    const box = $("tree");
    box.replaceChildren();
    const o = file.outline;
    if (!o) return box.append(el("p", { class: "special" }, "（无）"));
    const top = el("ul");
    if (o.title_lines.length) top.append(el("li", { class: "leaf special" }, `标题（第${o.title_lines[0]}行）`));
    if (o.preamble_lines.length) top.append(el("li", { class: "leaf special" }, `开头（第${o.preamble_lines[0]}行起）`));
    const node = (s) => {
      const label = el("button", { type: "button", class: "node", "data-line": s.line, onclick: () => gotoLine(s.line) }, s.marker + s.heading);
      // Sub-parts that only inherit their parent's role get no badge of their own.
      const roles = s.role_evidence === "parent" ? [] : s.role.filter((r) => r !== "other");
      const extra = roles.map((r) => el("span", { class: "role r-" + r, title: EVIDENCE[s.role_evidence] || "" }, roleLabel(r)));
      extra.push(el("span", { class: "lines" }, s.line === s.end_line ? `第${s.line}行` : `第${s.line}–${s.end_line}行`));
      if (s.items.length) extra.push(el("span", { class: "lines" }, `${s.items.length} 个分项`));
      if (!s.canonical) extra.push(el("span", { class: "bad" }, "⚠ 序号不规范"));
      if (!s.children.length) return el("li", { class: "leaf" }, label, ...extra);
      const sub = el("ul", {}, ...s.children.map(node));
      const toggle = el("button", { type: "button", class: "toggle", "aria-expanded": "true", "aria-label": "收起 " + s.marker + s.heading });
      toggle.addEventListener("click", () => {
        const open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", String(open));
        toggle.setAttribute("aria-label", (open ? "收起 " : "展开 ") + s.marker + s.heading);
        sub.classList.toggle("hidden", !open);
      });
      return el("li", { class: "branch" }, toggle, label, ...extra, sub);
    };
    for (const s of o.sections) top.append(node(s));
    if (!o.sections.length) top.append(el("li", { class: "leaf special" }, "未识别到“一、”“（一）”等层次标题"));
    if (o.signature_lines.length) top.append(el("li", { class: "leaf special" }, `落款（第${o.signature_lines[0]}行）`));
    box.append(top);
  }

  function visible(file) {
    return file.diagnostics.map((d, i) => Object.assign({ i }, d)).filter((d) => state.show[d.severity]);
  }

  function drawFindings(file) {
    const c = file.counts;
    $("n-error").textContent = c.errors;
    $("n-warning").textContent = c.warnings;
    $("n-info").textContent = c.infos;
    const list = $("findings");
    list.replaceChildren();
    const all = visible(file);
    const shown = all.slice(0, LIMIT);
    const prev = list.previousElementSibling;
    if (prev && prev.classList.contains("none")) prev.remove();
    if (!file.diagnostics.length) list.before(el("p", { class: "none" }, "✓ 没有发现问题"));
    const cap = $("cap");
    cap.classList.toggle("hidden", all.length <= LIMIT);
    cap.textContent = all.length > LIMIT ? `共 ${all.length} 处问题，只显示前 ${LIMIT} 处，下载清单查看全部` : "";
    const frag = document.createDocumentFragment();
    for (const d of shown) {
      frag.append(el("li", { "data-i": d.i, "data-code": d.code, "data-severity": d.severity },
        el("button", { type: "button", class: "finding", "aria-describedby": null, onclick: (ev) => focusFinding(d.i, ev) },
          el("span", { class: "pos" }, where(d)),
          el("span", { class: "sev sev-" + d.severity }, SEV[d.severity]),
          el("span", { class: "msg" }, d.message, el("span", { class: "code" }, ruleName(d))))));
    }
    list.append(frag);
    return drawText(file, shown);
  }

  function tooltip(d) {
    return [`${SEV[d.severity]}：${d.message}（${d.title || d.name}，${d.code}）`, d.hint ? "修改：" + d.hint : "", d.basis ? "依据：" + d.basis : ""]
      .filter(Boolean).join("\n");
  }

  function lineStarts(chars) {
    const starts = [0];
    for (let k = 0; k < chars.length; k++) if (chars[k] === "\n") starts.push(k + 1);
    return starts;
  }

  function lineOf(starts, offset) { // 0-based index of the line holding offset
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /* The report text, one row per line, every shown finding highlighted where it is, and a banner
   * where a missing part should stand.  Offsets are Unicode code points (Array.from(text)).
   * Drawn CHUNK lines per frame; resolves when the last line is drawn. */
  function drawText(file, shown) {
    const token = ++renderToken;
    const box = $("doc");
    box.replaceChildren();
    const chars = Array.from(file.text || "");
    const n = chars.length;
    const starts = lineStarts(chars);
    const perLine = new Map(); // line index -> {ranged: [], points: []}
    const bucket = (k) => perLine.get(k) || perLine.set(k, { ranged: [], points: [] }).get(k);
    const banners = new Map(); // line number -> [checklist items]
    const partIds = new Map(); // part key -> [finding ids]
    for (const d of shown) {
      if (d.part) { (partIds.get(d.part) || partIds.set(d.part, []).get(d.part)).push(d); continue; }
      const s = Math.max(0, Math.min(d.start, n));
      const e = Math.max(s, Math.min(d.end, n));
      if (e > s) {
        const last = lineOf(starts, e - 1);
        for (let k = lineOf(starts, s); k <= last; k++) bucket(k).ranged.push({ d, s, e });
      } else bucket(lineOf(starts, s)).points.push(d);
    }
    for (const item of file.checklist) {
      if (item.status !== "missing" || !item.expected_before || !partIds.has(item.key)) continue;
      const at = Math.min(item.expected_before, starts.length + 1);
      (banners.get(at) || banners.set(at, []).get(at)).push(item);
    }
    const banner = (item) => {
      const ds = partIds.get(item.key);
      const worst = ds.reduce((w, d) => (SEV_RANK[d.severity] > SEV_RANK[w] ? d.severity : w), "info");
      return el("div", { class: "missing-part sev-" + worst, id: "missing-" + item.key, tabindex: "0", role: "button",
        "data-ids": ds.map((d) => d.i).join(" "), "aria-label": `此处缺少：${item.label}。按回车查看说明` },
        el("span", { class: "missing-label" }, `此处应有“${item.label}”部分，报告中没有找到`));
    };
    let lineNo = 1;
    return new Promise((resolve) => {
      const step = () => {
        if (token !== renderToken) return resolve(false); // another file or filter took over
        const frag = document.createDocumentFragment();
        const stop = Math.min(starts.length, lineNo - 1 + CHUNK);
        for (; lineNo <= stop; lineNo++) {
          for (const item of banners.get(lineNo) || []) frag.append(banner(item));
          const from = starts[lineNo - 1];
          const to = lineNo < starts.length ? starts[lineNo] - 1 : n;
          frag.append(drawLine(chars, from, to, lineNo, perLine.get(lineNo - 1)));
        }
        box.append(frag);
        if (lineNo <= starts.length) return requestAnimationFrame(step);
        for (const [at, items] of banners) if (at > starts.length) for (const item of items) box.append(banner(item));
        resolve(true);
      };
      step();
    });
  }

  function worstOf(ds) {
    return ds.reduce((w, d) => (SEV_RANK[d.severity] > SEV_RANK[w] ? d.severity : w), "info");
  }

  function markFor(ds, text, point) {
    const worst = worstOf(ds);
    const label = ds.map((d) => `${SEV[d.severity]}：${d.message}`).join("；");
    return el("mark", { class: (point ? "point " : "") + "sev-" + worst, tabindex: "0", role: "button", "aria-label": (point ? "" : text + "，") + label,
      "data-ids": ds.map((d) => d.i).join(" "), title: ds.map(tooltip).join("\n\n") }, point ? "⚑" : text);
  }

  function drawLine(chars, from, to, lineNo, here) {
    const row = el("div", { class: "line", "data-n": lineNo, id: "L" + lineNo });
    if (!here) {
      row.append(from < to ? chars.slice(from, to).join("") : "\u200b");
      return row;
    }
    const edges = new Set([from, to]);
    for (const r of here.ranged) { if (r.s > from && r.s < to) edges.add(r.s); if (r.e > from && r.e < to) edges.add(r.e); }
    const points = new Map();
    for (const d of here.points) { const p = Math.max(from, Math.min(d.start, to)); edges.add(p); (points.get(p) || points.set(p, []).get(p)).push(d); }
    const sorted = Array.from(edges).sort((a, b) => a - b);
    for (let k = 0; k < sorted.length; k++) {
      const a = sorted[k];
      if (points.has(a)) row.append(markFor(points.get(a), "", true));
      if (k === sorted.length - 1) break;
      const b = sorted[k + 1];
      if (b <= a) continue;
      const piece = chars.slice(a, b).join("");
      const over = here.ranged.filter((r) => r.s <= a && r.e >= b).map((r) => r.d);
      row.append(over.length ? markFor(over, piece, false) : piece);
    }
    if (!row.childNodes.length) row.append("\u200b");
    return row;
  }

  function flash(node) {
    node.scrollIntoView({ behavior: "smooth", block: "center" });
    node.classList.add("flash");
    setTimeout(() => node.classList.remove("flash"), 1200);
  }

  function gotoLine(line) {
    const row = $("L" + line);
    if (!row) return;
    flash(row);
    const mark = row.querySelector("mark");
    if (mark) mark.focus({ preventScroll: true });
  }

  function gotoBanner(key) {
    const node = $("missing-" + key);
    if (!node) return;
    flash(node);
    node.focus({ preventScroll: true });
  }

  function focusFinding(i, ev) {
    const file = state.data.files[state.current];
    const d = file.diagnostics[i];
    const targets = d.part ? [$("missing-" + d.part)].filter(Boolean)
      : Array.from(document.querySelectorAll("#doc mark")).filter((m) => m.dataset.ids.split(" ").includes(String(i)));
    document.querySelectorAll("#doc .active").forEach((m) => m.classList.remove("active"));
    targets.forEach((m) => m.classList.add("active"));
    if (targets.length) targets[0].scrollIntoView({ behavior: "smooth", block: "center" });
    openPop([i], ev, targets[0], ev && ev.currentTarget);
  }

  let popReturn = null; // where the keyboard goes back to when the popup closes

  function openPop(ids, ev, anchor, returnTo) {
    const file = state.data.files[state.current];
    const body = $("pop-body");
    body.replaceChildren();
    for (const i of ids) {
      const d = file.diagnostics[i];
      const item = el("div", { class: "item" },
        el("div", { class: "head" }, el("span", { class: "sev-label sev-" + d.severity }, `【${SEV[d.severity]}】`), ruleName(d)),
        el("p", {}, d.message),
        el("p", { class: "where" }, el("span", { class: "k" }, "位置："), where(d)));
      if (d.hint) item.append(el("p", { class: "hint" }, el("span", { class: "k" }, "修改："), d.hint));
      if (d.basis) item.append(el("p", { class: "basis" }, el("span", { class: "k" }, "依据："), d.basis));
      body.append(item);
    }
    const pop = $("pop");
    pop.classList.remove("hidden");
    const keyboard = !ev || ev.detail === 0 || ev.clientX === undefined;
    let x = ev && !keyboard ? ev.clientX : window.innerWidth / 2;
    let y = ev && !keyboard ? ev.clientY : window.innerHeight / 3;
    const near = anchor || returnTo;
    if (keyboard && near && near.getBoundingClientRect) {
      const r = near.getBoundingClientRect();
      x = r.left;
      y = r.bottom;
    }
    const w = pop.offsetWidth;
    const h = pop.offsetHeight;
    pop.style.left = Math.max(8, Math.min(x + 12, window.innerWidth - w - 12)) + "px";
    pop.style.top = Math.max(8, y + 16 + h > window.innerHeight ? y - h - 12 : y + 16) + "px";
    popReturn = returnTo || anchor || null;
    $("pop-close").focus({ preventScroll: true });
  }

  function closePop() {
    const pop = $("pop");
    if (pop.classList.contains("hidden")) return;
    pop.classList.add("hidden");
    if (popReturn && document.contains(popReturn)) popReturn.focus({ preventScroll: true });
    popReturn = null;
  }

  /* ---------- downloads ---------- */
  function nameFrom(res, fallback) {
    const cd = res.headers.get("content-disposition") || "";
    const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
    if (star) { try { return decodeURIComponent(star[1]); } catch (e) { /* fall through */ } }
    const plain = /filename="([^"]+)"/i.exec(cd);
    return plain ? plain[1] : fallback;
  }

  async function download(url, form, fallback, button, done) {
    showError("");
    button.disabled = true;
    try {
      const res = await post(url, form);
      if (!res.ok) throw new Error(await errorOf(res));
      const blob = await res.blob();
      const a = el("a", { href: URL.createObjectURL(blob), download: nameFrom(res, fallback) });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
      if (done) done(res);
    } catch (e) {
      showError(e.message);
    } finally {
      button.disabled = false;
    }
  }

  /* ---------- wiring ---------- */
  function init() {
    state.infoLoaded = loadInfo();
    $("tab-file").addEventListener("click", () => setMode("file"));
    $("tab-text").addEventListener("click", () => setMode("text"));
    $("file-input").addEventListener("change", (ev) => { choose(ev.target.files); ev.target.value = ""; });
    const drop = $("drop");
    // A file dropped anywhere is taken as the choice (and never opened by the browser).
    document.addEventListener("dragover", (ev) => { ev.preventDefault(); drop.classList.add("over"); });
    document.addEventListener("dragleave", (ev) => { if (!ev.relatedTarget) drop.classList.remove("over"); });
    document.addEventListener("drop", (ev) => {
      ev.preventDefault();
      drop.classList.remove("over");
      if (ev.dataTransfer && ev.dataTransfer.files.length) choose(ev.dataTransfer.files);
    });
    $("check").addEventListener("click", runCheck);
    $("paste").addEventListener("keydown", (ev) => { if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) runCheck(); });
    $("filters").addEventListener("change", (ev) => {
      const sev = ev.target.dataset.sev;
      if (!sev) return;
      state.show[sev] = ev.target.checked;
      if (state.data) drawFindings(state.data.files[state.current]);
    });
    const openFrom = (ev) => {
      const mark = ev.target.closest("mark, .missing-part");
      if (!mark) return;
      document.querySelectorAll("#doc .active").forEach((m) => m.classList.remove("active"));
      mark.classList.add("active");
      openPop(mark.dataset.ids.split(" ").map(Number), ev, mark, mark);
    };
    $("doc").addEventListener("click", openFrom);
    $("doc").addEventListener("keydown", (ev) => {
      if (ev.key !== "Enter" && ev.key !== " ") return;
      if (!ev.target.closest("mark, .missing-part")) return;
      ev.preventDefault();
      openFrom(ev);
    });
    $("pop-close").addEventListener("click", closePop);
    document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") closePop(); });
    document.addEventListener("click", (ev) => {
      if (!ev.target.closest("#pop, #doc mark, #doc .missing-part, #findings li")) closePop();
    });
    $("dl-xlsx").addEventListener("click", () => {
      if (!state.sent) return;
      download("api/xlsx", formFor(state.sent), "fzcheck-检查结果.xlsx", $("dl-xlsx"));
    });
    $("dl-fixed").addEventListener("click", () => {
      if (!state.sent) return;
      const file = state.data.files[state.current];
      download("api/fixed", formFor(state.sent, state.current), file.path.replace(/\.[^.]*$/, "") + "-修正.txt", $("dl-fixed"),
        (res) => setStatus(`已下载修正后的文件：自动修正 ${res.headers.get("x-fzcheck-applied") || 0} 处，其余问题请按提示手工修改`));
    });
  }

  document.addEventListener("DOMContentLoaded", init);
})();
