/* fzcheck page: plain JavaScript, no libraries, nothing fetched from elsewhere.
 * The page keeps the chosen files in memory only to send them again for the downloads. */
"use strict";

(function () {
  const SEV = { error: "错误", warning: "警告", info: "提示" };
  const SEV_RANK = { info: 1, warning: 2, error: 3 };
  const ROLE = { measures: "举措成效", shortcomings: "不足原因", first_responsible: "第一责任人", plan: "下年安排", other: "其他" };
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
    setStatus("已选择 " + list.length + " 个文件，请按“检查”");
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
          } }, "×"))
      );
    });
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
      let data = null;
      try { data = await res.json(); } catch (e) { data = null; }
      if (!res.ok && !(res.status === 422 && data && data.files)) {
        throw new Error((data && data.error) || (await errorOf(res)));
      }
      state.sent = input;
      state.data = data;
      state.current = 0;
      const secs = ((performance.now() - started) / 1000).toFixed(2);
      setStatus(`检查完成，用时 ${secs} 秒`);
      if (data.error) showError(data.error);
      drawAll();
    } catch (e) {
      setStatus("");
      showError(e.message);
    } finally {
      button.disabled = false;
    }
  }

  /* ---------- results ---------- */
  function drawAll() {
    const data = state.data;
    const many = data.files.length > 1;
    drawReview(data);
    const nav = $("files");
    nav.classList.toggle("hidden", !many);
    nav.replaceChildren();
    if (many) {
      data.files.forEach((f, i) => {
        const c = f.counts;
        nav.append(el("button", { type: "button", class: i === state.current ? "current" : "", onclick: () => pick(i) },
          f.path, el("span", { class: "cnt muted" }, f.error ? "无法读取" : `${c.errors}/${c.warnings}/${c.infos}`)));
      });
    }
    drawFile();
  }

  function pick(i) {
    state.current = i;
    drawAll();
    $("result").scrollIntoView({ behavior: "smooth", block: "start" });
  }

  function drawReview(data) {
    const box = $("review");
    const review = data.review;
    box.classList.toggle("hidden", !(data.files.length > 1 && review));
    if (!review) return;
    $("review-note").textContent = `（${data.files.length} 份，点击一行查看该报告）`;
    const table = $("review-table");
    table.replaceChildren();
    table.append(el("thead", {}, el("tr", {}, ...review.columns.map((c) => el("th", { text: c.label })))));
    const tbody = el("tbody");
    const cell = (key, v) => {
      if (key === "status") return el("td", { class: "st-" + v, text: review.status_labels[v] || v });
      if (v === true) return el("td", { class: "yes", text: "✓" });
      if (v === false) return el("td", { class: "no", text: "✗" });
      return el("td", { text: v === null || v === undefined ? "—" : String(v) });
    };
    for (const row of review.rows) {
      const i = data.files.findIndex((f) => f.path === row.file);
      tbody.append(el("tr", { class: "pick" + (i === state.current ? " current" : ""), "data-file": row.file, onclick: () => pick(Math.max(0, i)) },
        ...review.columns.map((c) => cell(c.key, row[c.key]))));
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
    drawFindings(file);
    const features = (state.info && state.info.features) || {};
    $("dl-xlsx").disabled = features.xlsx === false;
    $("dl-xlsx").title = features.xlsx === false ? "此版本尚不能导出 XLSX" : "";
    $("dl-fixed").disabled = !!file.error || features.fixed === false || file.fixable === 0;
    $("dl-fixed").title = file.error ? "文件无法读取" : features.fixed === false ? "此版本尚不能自动修正"
      : file.fixable === 0 ? "没有可以自动修正的问题" : `自动修正 ${file.fixable} 处（只改确定无误的地方）`;
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

  function drawChecklist(file) {
    const ul = $("checklist");
    ul.replaceChildren();
    if (!file.checklist.length) {
      ul.append(el("li", { class: "na" }, el("span", { class: "mark" }, "—"), el("span", {}, file.error ? "文件无法读取，未检查" : "无")));
      return;
    }
    for (const item of file.checklist) {
      const li = el("li", { class: item.status, "data-key": item.key, "data-status": item.status },
        el("span", { class: "mark", "aria-label": item.status }, MARK[item.status]), el("span", { class: "label" }, item.label));
      if (item.status === "missing" || item.status === "warn") {
        for (const note of item.notes) li.append(el("span", { class: "note" }, (item.status === "warn" ? "⚠ " : "") + note));
      } else if (item.status === "unchecked") {
        li.append(el("span", { class: "note" }, "该项规则已被配置关闭"));
      } else if (item.status === "na") {
        li.append(el("span", { class: "note" }, "不是法治政府建设年度报告，未逐项检查"));
      }
      if (item.status !== "missing" && item.sections.length) {
        const where = item.sections.slice(0, 3).map((s) => `第${s.line}行 ${s.marker}${s.heading}`).join("；");
        li.append(el("span", { class: "where" }, where + (item.sections.length > 3 ? " 等" : "")));
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
      const label = el("span", { class: "node", "data-line": s.line, onclick: (ev) => { ev.preventDefault(); gotoLine(s.line); } },
        s.marker + s.heading);
      // Sub-parts that only inherit their parent's role get no badge of their own.
      const roles = s.role_evidence === "parent" ? [] : s.role.filter((r) => r !== "other");
      const extra = roles.map((r) => el("span", { class: "role r-" + r, title: EVIDENCE[s.role_evidence] || "" }, ROLE[r] || r));
      extra.push(el("span", { class: "lines" }, s.line === s.end_line ? `第${s.line}行` : `第${s.line}–${s.end_line}行`));
      if (s.items.length) extra.push(el("span", { class: "lines" }, `${s.items.length} 个分项`));
      if (!s.canonical) extra.push(el("span", { class: "bad" }, "⚠ 序号不规范"));
      if (!s.children.length) return el("li", { class: "leaf" }, label, ...extra);
      return el("li", {}, el("details", { open: true }, el("summary", {}, label, ...extra), el("ul", {}, ...s.children.map(node))));
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
    const shown = visible(file);
    const prev = list.previousElementSibling;
    if (prev && prev.classList.contains("none")) prev.remove();
    if (!file.diagnostics.length) list.before(el("p", { class: "none" }, "✓ 没有发现问题"));
    for (const d of shown) {
      list.append(el("li", { "data-i": d.i, "data-code": d.code, "data-severity": d.severity, onclick: (ev) => focusFinding(d.i, ev) },
        el("span", { class: "pos" }, d.location || `${d.line}:${d.column}`),
        el("span", { class: "sev sev-" + d.severity }, SEV[d.severity]),
        el("span", { class: "msg" }, d.message, el("span", { class: "code" }, d.code))));
    }
    drawText(file, shown);
  }

  function tooltip(d) {
    return [`${d.code} ${SEV[d.severity]}：${d.message}`, d.hint ? "修改：" + d.hint : "", d.basis ? "依据：" + d.basis : ""]
      .filter(Boolean).join("\n");
  }

  /* The report text, one row per line, every finding highlighted where it is.
   * Offsets are Unicode code points, so the text is indexed as Array.from(text). */
  function drawText(file, shown) {
    const box = $("doc");
    box.replaceChildren();
    const chars = Array.from(file.text || "");
    const n = chars.length;
    const ranged = [];
    const points = new Map(); // offset -> [diagnostics with an empty span]
    for (const d of shown) {
      const s = Math.max(0, Math.min(d.start, n));
      const e = Math.max(s, Math.min(d.end, n));
      if (e > s) ranged.push({ d, s, e });
      else (points.get(s) || points.set(s, []).get(s)).push(d);
    }
    const cuts = new Set();
    for (const r of ranged) { cuts.add(r.s); cuts.add(r.e); }
    const frag = document.createDocumentFragment();
    let lineNo = 1;
    let start = 0;
    for (let pos = 0; pos <= n; pos++) {
      if (pos < n && chars[pos] !== "\n") continue;
      frag.append(drawLine(chars, start, pos, lineNo, ranged, cuts, points));
      lineNo += 1;
      start = pos + 1;
    }
    box.append(frag);
  }

  function drawLine(chars, from, to, lineNo, ranged, cuts, points) {
    const row = el("div", { class: "line", "data-n": lineNo, id: "L" + lineNo });
    const edges = [from, to, ...Array.from(cuts).filter((c) => c > from && c < to), ...Array.from(points.keys()).filter((p) => p >= from && p <= to)];
    const sorted = Array.from(new Set(edges)).sort((a, b) => a - b);
    for (let k = 0; k < sorted.length; k++) {
      const a = sorted[k];
      const here = points.get(a);
      if (here) {
        points.delete(a);
        const worst = here.reduce((w, d) => (SEV_RANK[d.severity] > SEV_RANK[w] ? d.severity : w), "info");
        row.append(el("mark", { class: "point sev-" + worst, "data-ids": here.map((d) => d.i).join(" "), title: here.map(tooltip).join("\n\n") }, "⚑"));
      }
      if (k === sorted.length - 1) break;
      const b = sorted[k + 1];
      if (b <= a) continue;
      const piece = chars.slice(a, b).join("");
      const over = ranged.filter((r) => r.s <= a && r.e >= b).map((r) => r.d);
      if (!over.length) { row.append(piece); continue; }
      const worst = over.reduce((w, d) => (SEV_RANK[d.severity] > SEV_RANK[w] ? d.severity : w), "info");
      row.append(el("mark", { class: "sev-" + worst, "data-ids": over.map((d) => d.i).join(" "), title: over.map(tooltip).join("\n\n") }, piece));
    }
    if (!row.childNodes.length) row.append("\u200b");
    return row;
  }

  function gotoLine(line) {
    const row = $("L" + line);
    if (!row) return;
    row.scrollIntoView({ behavior: "smooth", block: "center" });
    row.classList.add("flash");
    setTimeout(() => row.classList.remove("flash"), 1200);
  }

  function focusFinding(i, ev) {
    const marks = Array.from(document.querySelectorAll("#doc mark")).filter((m) => m.dataset.ids.split(" ").includes(String(i)));
    document.querySelectorAll("#doc mark.active").forEach((m) => m.classList.remove("active"));
    marks.forEach((m) => m.classList.add("active"));
    if (marks.length) marks[0].scrollIntoView({ behavior: "smooth", block: "center" });
    openPop([i], ev);
  }

  function openPop(ids, ev) {
    const file = state.data.files[state.current];
    const body = $("pop-body");
    body.replaceChildren();
    for (const i of ids) {
      const d = file.diagnostics[i];
      const item = el("div", { class: "item" },
        el("div", { class: "head" }, el("span", { class: "sev-label sev-" + d.severity }, `【${SEV[d.severity]}】`), `${d.code} ${d.name}`),
        el("p", {}, d.message),
        el("p", { class: "where" }, el("span", { class: "k" }, "位置："), d.location || `第${d.line}行第${d.column}列`));
      if (d.hint) item.append(el("p", { class: "hint" }, el("span", { class: "k" }, "修改："), d.hint));
      if (d.basis) item.append(el("p", { class: "basis" }, el("span", { class: "k" }, "依据："), d.basis));
      body.append(item);
    }
    const pop = $("pop");
    pop.classList.remove("hidden");
    const x = ev && ev.clientX !== undefined ? ev.clientX : window.innerWidth / 2;
    const y = ev && ev.clientY !== undefined ? ev.clientY : window.innerHeight / 3;
    const w = pop.offsetWidth;
    const h = pop.offsetHeight;
    pop.style.left = Math.max(8, Math.min(x + 12, window.innerWidth - w - 12)) + "px";
    pop.style.top = Math.max(8, y + 16 + h > window.innerHeight ? y - h - 12 : y + 16) + "px";
  }

  function closePop() {
    $("pop").classList.add("hidden");
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
    loadInfo();
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
    $("doc").addEventListener("click", (ev) => {
      const mark = ev.target.closest("mark");
      if (!mark) return;
      openPop(mark.dataset.ids.split(" ").map(Number), ev);
    });
    $("pop-close").addEventListener("click", closePop);
    document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") closePop(); });
    document.addEventListener("click", (ev) => {
      if (!ev.target.closest("#pop, #doc mark, #findings li")) closePop();
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
