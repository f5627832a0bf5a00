"""End to end in a real browser: Debian's chromium, headless, driven by Playwright, against
``fzcheck serve`` started as a user starts it (a subprocess on a free localhost port).

Skipped, saying why, only where chromium or Playwright is not installed; `.ci/run`
installs both.  ``FZCHECK_SCREENSHOT=docs/screenshot-web.png pytest tests/web -k screenshot``
re-takes the screenshot for the docs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED_FILES = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
CHROMIUM = os.environ.get("FZCHECK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
    pytest.skip(
        f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install -y chromium)", allow_module_level=True
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need Playwright: pip install '.[test,web]'")


def _start_server(cwd: Path, *extra: str):
    """``fzcheck serve --port 0`` as a subprocess; returns (process, base URL) once the page answers."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "checker", "serve", "--port", "0", *extra],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    first = proc.stdout.readline()
    match = re.search(r"(http://127\.0\.0\.1:\d+/)", first)
    if not match:
        proc.kill()
        raise AssertionError(f"fzcheck serve printed no address: {first!r} {proc.stderr.read()!r}")
    base = match.group(1)
    import httpx2

    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx2.get(base + "api/info", timeout=2).status_code == 200:
                break
        except httpx2.HTTPError:
            pass
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            raise AssertionError("fzcheck serve did not answer: " + proc.stderr.read())
        time.sleep(0.1)
    return proc, base


def _stop(proc) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    proc, base = _start_server(tmp_path_factory.mktemp("serve"))
    yield base
    _stop(proc)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)  # never a browser of Playwright's own
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    pg = context.new_page()
    problems: list[str] = []
    elsewhere: list[str] = []
    pg.on("pageerror", lambda exc: problems.append(str(exc)))
    pg.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    pg.on("request", lambda req: None if req.url.startswith((server, "data:", "blob:")) else elsewhere.append(req.url))
    pg.goto(server)
    pg.wait_for_function("() => document.getElementById('server-info').textContent.includes('每次最多上传')")
    pg.problems = problems
    yield pg
    context.close()
    assert elsewhere == [], f"the page fetched from elsewhere: {elsewhere}"
    assert [p for p in problems if "status of 422" not in p] == [], problems


def _check_files(page, *paths) -> None:
    page.set_input_files("#file-input", [str(p) for p in paths])
    page.click("#check")
    page.wait_for_function(
        "() => document.getElementById('status').textContent.startsWith('检查完成')"
        " || !document.getElementById('error').classList.contains('hidden')"
    )


def _api(server, *paths) -> dict:
    import httpx2

    files = [("file", (p.name, p.read_bytes())) for p in paths]
    return httpx2.post(server + "api/check", files=files, timeout=30).json()


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.name[:3] for p in SEED_FILES])
def test_seed_shows_facts_checklist_outline_and_every_finding_in_place(page, server, path, seed_checklists):
    _check_files(page, path)
    expected = _api(server, path)["files"][0]
    assert page.inner_text("#file-title") == path.name
    facts = page.inner_text("#facts")
    assert expected["facts"]["entity"] in facts and str(expected["facts"]["year"]) in facts
    assert expected["facts"]["title"] in facts.replace("\n", "")

    statuses = page.eval_on_selector_all("#checklist li", "els => els.map(e => [e.dataset.key, e.dataset.status])")
    assert dict(statuses) == seed_checklists[path.name[:3]]
    marks = page.eval_on_selector_all("#checklist li .mark", "els => els.map(e => e.textContent)")
    assert marks == [{"ok": "✓", "warn": "✓", "missing": "✗"}[s] for _, s in statuses]

    nodes = page.eval_on_selector_all("#tree .node", "els => els.map(e => e.textContent)")

    def walk(sections):
        for s in sections:
            yield s["marker"] + s["heading"]
            yield from walk(s["children"])

    assert nodes == list(walk(expected["outline"]["sections"]))
    # each part's badge is its short name from the packs' [roles.*] (/api/info), not a table in the page
    import httpx2

    labels = httpx2.get(server + "api/info", timeout=30).json()["roles"]
    assert labels["measures"] == "举措成效" and labels["plan"] == "下年安排"

    def badges(sections):
        for s in sections:
            if s["role_evidence"] != "parent":
                yield from (labels[r] for r in s["role"] if r != "other")
            yield from badges(s["children"])

    shown = page.eval_on_selector_all("#tree .role", "els => els.map(e => e.textContent)")
    assert shown == list(badges(expected["outline"]["sections"])) and shown

    diagnostics = expected["diagnostics"]
    listed = page.eval_on_selector_all("#findings li", "els => els.map(e => e.dataset.code)")
    assert listed == [d["code"] for d in diagnostics]
    text = expected["text"]
    for i, d in enumerate(diagnostics):
        marked = page.eval_on_selector_all(
            "#doc mark", f"els => els.filter(m => m.dataset.ids.split(' ').includes('{i}')).map(m => m.textContent)"
        )
        if "part" in d:  # a missing part: a banner where it should be, nothing marked on the text
            assert marked == [], d["code"]
            banner = page.locator(f"#missing-{d['part']}")
            assert str(i) in banner.get_attribute("data-ids").split(), d["code"]
            expected_before = next(c["expected_before"] for c in expected["checklist"] if c["key"] == d["part"])
            following = banner.evaluate(
                "b => { let n = b.nextElementSibling; while (n && !n.dataset.n) n = n.nextElementSibling; return n && n.dataset.n; }"
            )
            assert following == (str(expected_before) if expected_before <= text.count("\n") + 1 else None)
        elif d["end"] > d["start"]:
            assert "".join(marked) == text[d["start"] : d["end"]].replace("\n", ""), d["code"]
        else:
            assert marked == ["⚑"], d["code"]
    counts = [page.inner_text(f"#n-{s}") for s in ("error", "warning", "info")]
    assert counts == [str(expected["counts"][k]) for k in ("errors", "warnings", "infos")]


def test_clicking_a_highlight_shows_message_hint_basis_and_the_place_in_words(page, server):
    seed = SEED_FILES[0]
    _check_files(page, seed)
    expected = _api(server, seed)["files"][0]
    i, d = next((i, d) for i, d in enumerate(expected["diagnostics"]) if d["code"] == "FZ501")
    mark = page.locator("#doc mark").filter(has_text="法制宣传").first
    assert i in [int(x) for x in mark.get_attribute("data-ids").split()]
    assert d["message"] in mark.get_attribute("title")  # on hover
    mark.click()
    pop = page.locator("#pop")
    assert pop.is_visible()
    body = pop.inner_text()
    assert d["message"] in body and d["hint"] in body and d["basis"] in body
    assert "旧提法（FZ501）" in body  # the rule's Chinese name, not its English id
    assert d["name"] not in body
    assert "位置：第10行第434字" in body
    assert (d["line"], d["column"]) == (10, 434)
    page.keyboard.press("Escape")
    assert not pop.is_visible()


def test_no_english_rule_name_anywhere_a_user_reads(page, server):
    _check_files(page, *SEED_FILES)
    names = {d["name"] for f in _api(server, *SEED_FILES)["files"] for d in f["diagnostics"]}
    for k in range(len(SEED_FILES)):
        page.locator("#files button").nth(k).click()
        page.wait_for_function("() => document.querySelectorAll('#doc .line').length > 0")
        shown = page.inner_text("#result") + " ".join(
            page.eval_on_selector_all("#doc mark, #doc .missing-part", "els => els.map(e => (e.title || '') + (e.getAttribute('aria-label') || ''))")
        )
        page.locator("#findings .finding").first.click()
        shown += page.inner_text("#pop")
        page.keyboard.press("Escape")
        assert not [n for n in names if n in shown]


def test_severity_filter_hides_and_restores_findings(page, server):
    seed = SEED_FILES[0]
    _check_files(page, seed)
    expected = _api(server, seed)["files"][0]["diagnostics"]
    infos = [i for i, d in enumerate(expected) if d["severity"] == "info"]
    assert infos, "seed 000 has an info finding (FZ108)"
    page.uncheck("input[data-sev=info]")
    assert page.locator("#findings li[data-severity=info]").count() == 0
    ids = page.eval_on_selector_all("#doc mark", "els => els.flatMap(m => m.dataset.ids.split(' ').map(Number))")
    assert not set(ids) & set(infos)
    assert page.locator("#findings li").count() == len(expected) - len(infos)
    page.check("input[data-sev=info]")
    assert page.locator("#findings li").count() == len(expected)


def test_outline_tree_collapses_and_its_nodes_lead_to_the_text(page):
    _check_files(page, next(p for p in SEED_FILES if p.name.startswith("003")))
    branch = page.locator("#tree li.branch").first
    toggle = branch.locator(":scope > button.toggle")
    child = branch.locator(":scope > ul .node").first
    assert child.is_visible() and toggle.get_attribute("aria-expanded") == "true"
    toggle.click()
    assert not child.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    toggle.press("Enter")
    assert child.is_visible()
    line = child.get_attribute("data-line")
    child.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => document.getElementById('L{line}').classList.contains('flash')")


@pytest.mark.parametrize(
    "name,needle",
    [("zipbomb.docx", "压缩炸弹"), ("xxe.docx", "实体声明"), ("corrupt.docx", "已损坏"), ("image.txt", "")],
)
def test_corrupt_file_shows_the_chinese_message(page, name, needle):
    from checker.api import check_path

    path = ROOT / "fixtures" / "broken" / name
    _check_files(page, path)
    error = page.locator("#error")
    assert error.is_visible()
    text = error.inner_text()
    assert text == f"{name}：{check_path(path, discover=False).error}"
    assert needle in text
    assert "Traceback" not in page.content()
    assert page.inner_text("#checklist") == "—\n文件无法读取，未检查"


def test_a_file_over_the_cap_is_refused_before_sending(browser, tmp_path):
    proc, base = _start_server(tmp_path, "--max-upload-mb", "0.01")  # 10 KB
    try:
        context = browser.new_context()
        pg = context.new_page()
        pg.goto(base)
        pg.wait_for_function("() => document.getElementById('server-info').textContent.includes('每次最多上传')")
        big = next(p for p in SEED_FILES if p.name.startswith("003"))  # 11.6 kB
        _check_files(pg, big)
        assert pg.inner_text("#error") == (
            "上传的内容过大（12 KB），上限为 11 KB。请删去报告中的图片后再试，或分批上传；"
            "管理员可用 fzcheck serve --max-upload-mb 调高上限。"
        )
        assert pg.inner_text("#status") == "已选择 1 个文件，请按“检查”"  # nothing was sent
        context.close()
    finally:
        _stop(proc)


def test_pasted_text(page, report):
    page.click("#tab-text")
    page.fill("#paste", report)
    page.click("#check")
    page.wait_for_selector("#result:not(.hidden)")
    assert page.inner_text("#file-title") == "粘贴的文本"
    statuses = page.eval_on_selector_all("#checklist li", "els => els.map(e => e.dataset.status)")
    assert statuses == ["ok"] * 5


def test_dropping_a_file_on_the_page_chooses_it(page):
    text = SEED_FILES[0].read_text(encoding="utf-8")
    page.evaluate(
        """text => {
            const dt = new DataTransfer();
            dt.items.add(new File([text], '拖入的报告.txt', {type: 'text/plain'}));
            document.getElementById('drop').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true}));
        }""",
        text,
    )
    assert page.inner_text("#chosen").startswith("拖入的报告.txt")
    page.click("#check")
    page.wait_for_selector("#result:not(.hidden)")
    assert page.inner_text("#file-title") == "拖入的报告.txt"


def test_several_files_give_the_review_table(page, server):
    _check_files(page, *SEED_FILES)
    expected = _api(server, *SEED_FILES)
    if "review" not in expected:
        pytest.fail("several files gave no review table")
    rows = page.locator("#review-table tbody tr")
    assert rows.count() == len(SEED_FILES)
    header = page.eval_on_selector_all("#review-table th", "els => els.map(e => e.textContent)")
    assert header == [c["label"] for c in expected["review"]["columns"]]
    for k, row in enumerate(expected["review"]["rows"]):
        cells = rows.nth(k).locator("td").all_inner_texts()
        assert cells[0] == row["file"]
        assert cells[header.index("错误")] == str(row["errors"])
        assert cells[header.index("警告")] == str(row["warnings"])
        assert cells[header.index("结论")] == expected["review"]["status_labels"][row["status"]]
    rows.nth(2).click()
    assert page.inner_text("#file-title") == expected["review"]["rows"][2]["file"]


def test_download_the_workbook_and_read_it_back(page, server, tmp_path):
    openpyxl = pytest.importorskip("openpyxl", reason="the XLSX download needs openpyxl (the [web] extra)")
    _check_files(page, SEED_FILES[0])
    expected = _api(server, SEED_FILES[0])["files"][0]
    with page.expect_download() as info:
        page.click("#dl-xlsx")
    download = info.value
    assert download.suggested_filename == SEED_FILES[0].stem + "-检查结果.xlsx"
    target = tmp_path / "out.xlsx"
    download.save_as(target)
    wb = openpyxl.load_workbook(target, read_only=True)
    overview = list(wb.worksheets[0].iter_rows(values_only=True))
    assert overview[1][0] == SEED_FILES[0].name
    assert overview[1][1] == expected["entity"]
    findings = list(wb.worksheets[1].iter_rows(values_only=True))
    header = list(findings[0])
    got = [(r[header.index("行")], r[header.index("列")], r[header.index("代码")]) for r in findings[1:]]
    assert got == [(d["line"], d["column"], d["code"]) for d in expected["diagnostics"]]


def test_download_the_fixed_word_file(page, server, tmp_path):
    fixable = ROOT / "fixtures" / "docx" / "fixable.docx"
    _check_files(page, fixable)
    button = page.locator("#dl-fixed")
    assert button.is_enabled()
    with page.expect_download() as info:
        button.click()
    download = info.value
    assert download.suggested_filename == "fixable-修正.docx"
    target = tmp_path / "fixed.docx"
    download.save_as(target)
    from checker.api import check_path

    before = check_path(fixable, discover=False)
    after = check_path(target, discover=False)
    assert after.document.source == "docx"
    assert sum(1 for d in before.diagnostics if d.fix and d.fix.applicability == "safe") > 0
    assert not [d for d in after.diagnostics if d.fix and d.fix.applicability == "safe"]


def test_a_typical_report_answers_within_a_second_on_the_page(page):
    seed = next(p for p in SEED_FILES if p.name.startswith("003"))
    _check_files(page, seed)  # warm
    page.set_input_files("#file-input", [str(seed)])
    started = time.perf_counter()
    page.click("#check")
    page.wait_for_function("() => document.getElementById('status').textContent.startsWith('检查完成')")
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0, elapsed


def test_county_config_in_the_working_folder_applies(browser, tmp_path):
    (tmp_path / "fzcheck.toml").write_text('ignore = ["FZ104"]\n', encoding="utf-8")
    proc, base = _start_server(tmp_path)
    try:
        pg = browser.new_page()
        pg.goto(base)
        pg.wait_for_function("() => document.getElementById('server-info').textContent.includes('fzcheck.toml')")
        _check_files(pg, SEED_FILES[0])
        statuses = dict(
            pg.eval_on_selector_all("#checklist li", "els => els.map(e => [e.dataset.key, e.dataset.status])")
        )
        assert statuses["first_responsible"] == "unchecked"
        assert pg.locator("#findings li[data-code=FZ104]").count() == 0
        pg.close()
    finally:
        _stop(proc)


def test_screenshot(page):
    """Writes the docs screenshot when FZCHECK_SCREENSHOT names a file; always checks the layout."""
    page.set_viewport_size({"width": 1400, "height": 1250})
    _check_files(page, SEED_FILES[0])
    box = page.locator("#result").bounding_box()
    assert box and box["width"] > 900
    assert page.evaluate("() => getComputedStyle(document.querySelector('#result')).display") == "grid"
    banner = page.locator("#missing-causes")
    banner.scroll_into_view_if_needed()
    banner.click()
    assert "未分析原因" in page.inner_text("#pop")
    target = os.environ.get("FZCHECK_SCREENSHOT")
    if target:
        page.keyboard.press("Escape")
        page.evaluate("() => window.scrollTo(0, 0)")
        page.locator("#findings .finding").first.click()  # FZ104: the missing 第一责任人 part, shown where it belongs
        page.evaluate("() => window.scrollTo(0, 0)")
        page.screenshot(path=target, full_page=False)


# ---------- what a clerk sees: words for positions, missing parts in place, keyboard, phone, axe ----------

WIDTHS = [1366, 390]
AXE_JS = None


def _page_at(browser, server, width: int):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
    pg = context.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda exc: problems.append(str(exc)))
    pg.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    pg.goto(server)
    pg.wait_for_function("() => document.getElementById('server-info').textContent.includes('每次最多上传')")
    pg.problems = problems
    return context, pg


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def sized(request, browser, server):
    context, pg = _page_at(browser, server, request.param)
    pg.width = request.param
    yield pg
    context.close()
    assert [p for p in pg.problems if "status of 422" not in p] == [], pg.problems


def _tab_to(page, selector: str, limit: int = 300, back: bool = False) -> None:
    """Press Tab (Shift+Tab) until the focused element matches ``selector``: the keyboard's only way there."""
    for _ in range(limit):
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Shift+Tab" if back else "Tab")
    raise AssertionError(f"{selector} is not reachable with the Tab key")


def _focus_ring(page) -> str:
    """The focused element's outline (or, for the hidden file input, its drop zone's)."""
    return page.evaluate(
        """() => { let e = document.activeElement; if (e.id === 'file-input') e = e.closest('.drop');
                   const cs = getComputedStyle(e); return cs.outlineStyle + ' ' + cs.outlineWidth; }"""
    )


def test_positions_in_words_and_word_paragraphs_with_their_line(sized, server):
    docx = ROOT / "fixtures" / "docx" / "seed_000.docx"
    _check_files(sized, docx)
    expected = _api(server, docx)["files"][0]
    shown = sized.eval_on_selector_all("#findings li .pos", "els => els.map(e => e.textContent)")
    want = ["缺少此部分" if "part" in d else f"{d['location']}（第{d['line']}行）" for d in expected["diagnostics"]]
    assert shown == want
    assert "第7段（第10行）" in shown  # paragraph 7 of the Word file is line 10 of the text pane
    fz501 = next(d for d in expected["diagnostics"] if d["code"] == "FZ501")
    assert sized.locator("#L10 mark").filter(has_text="法制宣传").count() == 1
    assert expected["text"][fz501["start"] : fz501["end"]] == "法制宣传"
    _check_files(sized, SEED_FILES[0])  # plain text: line and character
    assert "第10行第434字" in sized.eval_on_selector_all("#findings li .pos", "els => els.map(e => e.textContent)")


def test_a_missing_part_is_a_banner_where_it_belongs_not_a_red_title(sized, server):
    _check_files(sized, SEED_FILES[0])
    title = sized.inner_text("#L1") + sized.inner_text("#L2")
    assert "湟中区群加藏族乡" in title
    assert sized.locator("#L1 mark, #L2 mark").count() == 0  # the title is not painted red
    banner = sized.locator("#missing-first_responsible")
    assert banner.inner_text() == "此处应有“党政主要负责人履行第一责任人职责情况”部分，报告中没有找到"
    assert "sev-error" in banner.get_attribute("class")
    # after 四、存在的问题及2025年度工作计划 (lines 15–19), before line 20
    assert banner.evaluate("b => b.nextElementSibling.dataset.n") == "20"
    item = sized.locator("#checklist li[data-key=first_responsible]")
    assert item.get_attribute("data-status") == "missing" and item.locator(".mark").inner_text() == "✗"
    item.locator("button", has_text="查看应写的位置").click()
    assert sized.evaluate("() => document.activeElement.id") == "missing-first_responsible"
    sized.locator("#findings li[data-code=FZ104] .finding").click()
    body = sized.inner_text("#pop")
    assert "缺少第一责任人履职情况（FZ104）" in body and "位置：缺少此部分" in body


def test_file_buttons_and_status_give_labelled_counts(sized, server):
    _check_files(sized, *SEED_FILES[:3])
    files = _api(server, *SEED_FILES[:3])["files"]
    labels = sized.eval_on_selector_all("#files button .cnt", "els => els.map(e => e.textContent)")
    c = [f["counts"] for f in files]
    assert labels == [f"错误 {x['errors']} · 警告 {x['warnings']} · 提示 {x['infos']}" for x in c]
    assert labels[0] == "错误 1 · 警告 4 · 提示 2"  # seed 000: FZ512 截止目前 and FZ205 no 落款 (issue 12)
    total = {k: sum(x[k] for x in c) for k in ("errors", "warnings", "infos")}
    assert sized.inner_text("#status").endswith(
        f"3 份报告共 错误 {total['errors']} · 警告 {total['warnings']} · 提示 {total['infos']}"
    )
    assert sized.get_attribute("#status", "role") == "status"


def test_status_stays_true_when_chosen_files_are_removed(sized):
    sized.set_input_files("#file-input", [str(p) for p in SEED_FILES[:3]])
    assert sized.inner_text("#status") == "已选择 3 个文件，请按“检查”"
    sized.locator("#chosen button").first.click()
    assert sized.inner_text("#status") == "已选择 2 个文件，请按“检查”"
    assert sized.locator("#chosen li").count() == 2
    sized.keyboard.press("Enter")  # focus moved to the next remove button
    sized.keyboard.press("Enter")
    assert sized.locator("#chosen li").count() == 0
    assert sized.inner_text("#status") == "未选择文件"
    sized.click("#check")
    assert sized.inner_text("#error") == "请先选择或拖入报告文件（.docx、.txt、.md）"


def test_keyboard_only_reaches_and_operates_findings_highlights_and_outline(sized, server):
    sized.set_input_files("#file-input", [str(SEED_FILES[0])])
    sized.evaluate("() => document.body.focus()")
    _tab_to(sized, "#file-input")
    assert _focus_ring(sized).startswith("solid")  # the drop zone shows the focus
    _tab_to(sized, "#check")
    sized.keyboard.press("Enter")
    sized.wait_for_function("() => document.getElementById('status').textContent.startsWith('检查完成')")
    expected = _api(server, SEED_FILES[0])["files"][0]["diagnostics"]

    # a finding: Enter opens its explanation, Escape closes it and gives the keyboard back
    _tab_to(sized, "#findings li[data-code=FZ501] .finding")
    assert _focus_ring(sized).startswith("solid")
    sized.keyboard.press("Enter")
    assert sized.locator("#pop").is_visible()
    assert sized.evaluate("() => document.activeElement.id") == "pop-close"
    assert next(d["message"] for d in expected if d["code"] == "FZ501") in sized.inner_text("#pop")
    sized.keyboard.press("Escape")
    assert not sized.locator("#pop").is_visible()
    assert sized.evaluate("() => document.activeElement.closest('li').dataset.code") == "FZ501"

    # a highlight in the text
    _tab_to(sized, "#doc mark")
    ids = sized.evaluate("() => document.activeElement.dataset.ids").split()
    assert _focus_ring(sized).startswith("solid")
    sized.keyboard.press("Enter")
    assert expected[int(ids[0])]["message"] in sized.inner_text("#pop")
    sized.keyboard.press("Escape")

    # the banner of a missing part
    _tab_to(sized, "#doc .missing-part")
    sized.keyboard.press("Enter")
    assert "未分析原因" in sized.inner_text("#pop") or "第一责任人" in sized.inner_text("#pop")
    sized.keyboard.press("Escape")

    # an outline node takes the reader to its line
    _tab_to(sized, "#tree .node[data-line='9']", back=True)
    sized.keyboard.press("Enter")
    sized.wait_for_function("() => document.getElementById('L9').classList.contains('flash')")


def test_a_report_with_very_many_findings_is_capped_in_words_and_never_freezes_the_page(sized, server):
    # several kinds of finding on every line: fzcheck itself lists at most 200 of one rule and 1,000 of
    # one file (docs/limits.md, then one FZ905), so the page's own cap of 500 needs several rules firing
    line = "一是开展法制宣传,发放资料；；接受咨询（解答问题,开展活动，覆盖群众 效果良好,持续推进。。"
    text = "某乡2024年法治政府建设年度报告\n一、主要举措和成效\n" + "\n".join([line] * 800) + "\n"
    sized.evaluate(
        """() => { window.__longest = 0;
           new PerformanceObserver(l => { for (const e of l.getEntries()) __longest = Math.max(__longest, e.duration); })
             .observe({type: 'longtask', buffered: false}); }"""
    )
    sized.click("#tab-text")
    sized.fill("#paste", text)
    sized.click("#check")
    sized.wait_for_function(
        "() => document.getElementById('status').textContent.startsWith('检查完成')", timeout=120_000
    )
    total = sum(sized.eval_on_selector_all("#filters b", "els => els.map(e => Number(e.textContent))"))
    assert total > 500
    cap = sized.inner_text("#cap")
    assert cap == f"共 {total} 处问题，只显示前 500 处，下载清单查看全部"
    assert sized.locator("#findings li").count() == 500
    assert sized.locator("#doc .line").count() == text.count("\n") + 1
    marked = sized.eval_on_selector_all("#doc mark", "els => new Set(els.flatMap(m => m.dataset.ids.split(' '))).size")
    assert marked <= 500
    # drawing is split into frames: no single task blocks the page for long (the 100k-finding tab froze 88 s)
    assert sized.evaluate("() => window.__longest") < 3000


def test_on_a_phone_the_checklist_and_findings_come_first_and_nothing_scrolls_sideways(browser, server):
    context, pg = _page_at(browser, server, 390)
    try:
        _check_files(pg, *SEED_FILES)
        tops = {
            k: pg.evaluate(f"() => document.getElementById('{k}').getBoundingClientRect().top + window.scrollY")
            for k in ("card-checklist", "card-findings", "card-doc", "card-facts", "card-tree")
        }
        assert tops["card-checklist"] < tops["card-findings"] < tops["card-doc"]
        assert tops["card-findings"] < tops["card-facts"] and tops["card-findings"] < tops["card-tree"]
        assert pg.evaluate("() => document.documentElement.scrollWidth") <= 390
        table = pg.evaluate("() => { const w = document.querySelector('#review .table-wrap'); return [w.scrollWidth, w.clientWidth]; }")
        assert table[0] <= table[1]  # the summary table does not scroll sideways
        # the page brought the summary up after the check
        assert pg.evaluate("() => document.getElementById('review').getBoundingClientRect().top") < 50
    finally:
        context.close()


def _axe(page) -> list[dict]:
    global AXE_JS
    if AXE_JS is None:
        import axe_playwright_python

        AXE_JS = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
    page.evaluate(AXE_JS)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_axe_finds_no_serious_violation(sized):
    assert _axe(sized) == []  # the empty page
    _check_files(sized, *SEED_FILES)
    assert _axe(sized) == []  # summary table, findings, text with highlights and banners, outline
    sized.locator("#findings .finding").first.click()
    assert _axe(sized) == []  # with the explanation open
    sized.keyboard.press("Escape")
    sized.click("#tab-text")
    assert _axe(sized) == []
