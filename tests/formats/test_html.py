"""The dashboard: one self-contained HTML file, parsed with html.parser."""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from checker.formats.html import DIAGNOSTIC_FIELDS, PAGE, build_html
from checker.formats.review import finding_dict


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.stack: list[tuple[str, dict]] = []
        self.reports: list[str] = []
        self.rows: list[list[str]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "details" and "report" in attrs.get("class", ""):
            self.reports.append(attrs["id"])
        if tag == "tr" and self._in("tbody"):
            self._row = []
        if tag == "td" and self._row is not None:
            self._cell = []
        self.stack.append((tag, attrs))

    def handle_endtag(self, tag):
        while self.stack and self.stack[-1][0] != tag:
            self.stack.pop()
        if self.stack:
            self.stack.pop()
        if tag == "td" and self._row is not None and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        if tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data):
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)

    def _in(self, tag):
        return any(t == tag for t, _ in self.stack)


@pytest.fixture(scope="module")
def html(county_review):
    outlines = {r.file: r.outline for r in county_review.records}
    return build_html(
        county_review.rows, county_review.diagnostics, county_review.rule_summary(), outlines,
        [finding_dict(f) for f in county_review.findings], subtitle="测试", parts=county_review.parts,
        labels=county_review.labels,
    )


@pytest.fixture(scope="module")
def page(html):
    p = Page()
    p.feed(html)
    p.close()
    return p


def data_of(html: str) -> dict:
    """The drill-downs' JSON block, decoded."""
    block = re.search(r'<script type="application/json" id="fz-data">(.*?)</script>', html, re.S)
    assert block is not None
    return json.loads(block.group(1))


def findings_of(data: dict, i: int) -> list[dict]:
    flat, texts = data["r"][i][1], data["s"]
    n = len(DIAGNOSTIC_FIELDS)
    out = []
    for k in range(0, len(flat), n):
        item = dict(zip(DIAGNOSTIC_FIELDS, flat[k : k + n]))
        item["code"], item["severity"] = divmod(item["code"], 3)  # 3 × code text + severity
        item["severity"] = data["sev"][item["severity"]]
        for key in ("code", "message", "where", "quote", "hint", "basis"):
            item[key] = texts[item[key]]
        out.append(item)
    return out


def rows_of(html: str) -> dict:
    """The table's JSON block, decoded."""
    block = re.search(r'<script type="application/json" id="fz-rows">(.*?)</script>', html, re.S)
    assert block is not None
    return json.loads(block.group(1))


def test_every_report_and_every_diagnostic_is_in_the_data(page, html, county_review):
    assert page.reports == []  # a report's drill-down is created when it is opened …
    assert [r[0] for r in rows_of(html)["rows"]] == [r["file"] for r in county_review.rows]  # … from row i, data["r"][i]
    data = data_of(html)
    by_file = {r.file: r for r in county_review.records}
    for i, row in enumerate(county_review.rows):
        record = by_file[row["file"]]
        found = findings_of(data, i)
        assert [f["code"] for f in found] == [d.code for d in record.diagnostics]
        assert [f["severity"] for f in found] == [d.severity for d in record.diagnostics]
        assert [(f["line"], f["column"]) for f in found] == [(d.location.line, d.location.column) for d in record.diagnostics]
    for d in county_review.diagnostic_rows():
        assert d["message"] in data["s"] and (d["quote"] or "") in data["s"]


def test_each_text_is_stored_once(html, county_review):
    data = data_of(html)
    assert len(data["s"]) == len(set(data["s"]))
    bases = [d.basis for d in county_review.diagnostics if d.basis]
    assert len(bases) > len(set(bases))  # repeated in the findings, once in the page
    for basis in set(bases):
        assert html.count(json.dumps(basis, ensure_ascii=False)) == 1


def test_data_cannot_end_its_script_element(county_review):
    record = next(r for r in county_review.records if r.diagnostics)
    evil = replace(record.diagnostics[0], message="</script><script>alert(1)</script><!-- x")
    rows = [next(r for r in county_review.rows if r["file"] == record.file)]
    out = build_html(rows, [evil], [], parts=county_review.parts, labels=county_review.labels)
    assert "<script>alert(1)" not in out and "<!-- x" not in out
    assert findings_of(data_of(out), 0)[0]["message"] == "</script><script>alert(1)</script><!-- x"


def test_table_rows(page, county_review):
    assert len(page.rows) == 4
    files = [r["file"] for r in county_review.rows]
    # with last year's folder: the 上年安排落实 column (— where a unit has no report of last year)
    assert page.rows[0] == [files[0], "措美县哲古镇", "2024", "✓", "✓", "✓", "✓", "✓", "—", "0", "0", "0", "通过"]
    assert page.rows[3][8] == "1/2"
    assert page.rows[2][-1] == "无法读取" and page.rows[3][-1] == "有警告"


def test_no_external_resource(html, page):
    for tag, attrs in page.tags:
        for key in ("src", "href", "data", "action", "poster", "srcset"):
            value = attrs.get(key) or ""
            assert not re.match(r"\s*(https?:)?//", value, re.I), (tag, key, value)
        assert tag not in ("link", "iframe", "object", "embed", "img", "base")
        if tag == "script":
            assert "src" not in attrs
    assert not re.search(r"https?://", html)
    assert "@import" not in html and "url(" not in html


def test_chart_is_inline_svg(page, county_review):
    bars = [attrs["data-code"] for tag, attrs in page.tags if tag == "g" and "bar" in attrs.get("class", "")]
    assert bars == [r["code"] for r in county_review.rule_summary()]
    assert any(tag == "svg" for tag, _ in page.tags)


def test_drill_down_is_drawn_in_a_browser_when_opened(html, county_review, tmp_path):
    """Chromium opens the page from disk, offline; opening a report draws its outline and findings."""
    page_file = tmp_path / "审查结果.html"
    page_file.write_text(html, encoding="utf-8")
    xinji = next(r for r in county_review.records if r.file.endswith("辛集乡.txt"))
    with _opened_in_chromium(page_file) as (tab, errors):
        row = [r["file"] for r in county_review.rows].index(xinji.file)
        details = tab.locator(f"details#r{row}.report")
        assert details.locator("li.diag").count() == 0  # nothing drawn before it is opened
        tab.locator(f'a.open:text-is("{xinji.file}")').click()
        codes = details.locator("li.diag").evaluate_all("els => els.map(e => e.dataset.code)")
        assert codes == [d.code for d in xinji.diagnostics]
        assert details.locator("mark", has_text="多玛乡").count() >= 1
        outline = details.locator(".outline li").all_inner_texts()
        assert [s["heading"] in t for s, t in zip(xinji.outline, outline)] == [True] * len(xinji.outline)
        details.locator("summary").click()  # closed and opened again: drawn once
        details.locator("summary").click()
        assert details.locator("li.diag").count() == len(xinji.diagnostics)
        finding = county_review.findings[0]
        places = tab.locator('details.places[data-f="0"]')
        assert places.locator("li").count() == 0
        places.locator("summary").click()
        places.locator("li").first.wait_for()  # drawn on the toggle event, which comes after the click
        assert places.locator("li").count() == len(finding.places)
        assert finding.places[0].excerpt in places.locator("li").first.inner_text()
        assert errors == []


def test_markup_in_data_is_escaped(county_review):
    row = dict(county_review.rows[0], file="<script>alert(1)</script>.txt", entity="a&b")
    out = build_html([row], [], [], parts=county_review.parts, labels=county_review.labels)
    assert "<script>alert(1)" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;.txt" in out
    assert "a&amp;b" in out


def test_sortable_and_filterable(page):
    ids = {attrs.get("id") for _, attrs in page.tags}
    assert {"reports", "filter", "status-filter", "shown"} <= ids
    scripts = [attrs for tag, attrs in page.tags if tag == "script"]
    assert [a.get("type") for a in scripts] == ["application/json", "application/json", None]


def test_only_the_first_page_of_rows_is_html(county_review):
    rows = [dict(county_review.rows[0], file=f"r{i:04}.txt") for i in range(PAGE + 50)]
    p = Page()
    p.feed(build_html(rows, [], [], parts=county_review.parts, labels=county_review.labels))
    assert [r[0] for r in p.rows] == [f"r{i:04}.txt" for i in range(PAGE)]
    assert f"只列出前 {PAGE} 份" in "".join(p.text)  # said to a reader without JavaScript


def test_a_long_table_in_a_browser(county_review, tmp_path):
    """More reports than one page: the rows beyond it are drawn on demand; sorting and filtering
    work over every report; a report beyond the first page opens with its drill-down."""
    base = county_review.rows[3]  # has a warning and a follow-through column
    n = 2 * PAGE + 30
    rows = [dict(base, file=f"d/r{i:04}.txt", entity=f"乙{i}乡", errors=i % 7, status="fail" if i % 7 else "warn")
            for i in range(n)]
    rows[n - 1] = dict(rows[n - 1], entity="最后一个乡")
    page_file = tmp_path / "long.html"
    page_file.write_text(build_html(rows, [], [], parts=county_review.parts, labels=county_review.labels), encoding="utf-8")
    with _opened_in_chromium(page_file) as (tab, errors):
        body = tab.locator("#reports tbody tr")
        static = body.nth(5).inner_html()
        assert body.count() == PAGE and tab.locator("#shown").inner_text() == str(n)
        tab.locator("#more").click()
        assert body.count() == 2 * PAGE
        assert body.nth(5).inner_html() == static  # the script draws a row as the page writes it
        tab.locator("#more").click()
        assert body.count() == n and tab.locator("#more").is_hidden()
        tab.locator("#filter").fill("最后一个")
        assert body.count() == 1 and tab.locator("#shown").inner_text() == "1"
        tab.locator("#filter").fill("")
        tab.locator("#status-filter").select_option("warn")
        assert tab.locator("#shown").inner_text() == str(len([r for r in rows if r["status"] == "warn"]))
        tab.locator("#status-filter").select_option("")
        tab.locator("#reports th", has_text="错误").click()  # ascending, then descending
        tab.locator("#reports th", has_text="错误").click()
        assert body.first.locator("td").nth(-4).inner_text() == "6"
        assert body.count() == PAGE  # sorted over every report, first page shown
        tab.locator("#filter").fill("r0421")
        tab.locator('a.open:text-is("d/r0421.txt")').click()
        details = tab.locator("details#r421.report")
        assert details.get_attribute("open") is not None
        assert "乙421乡" in details.locator("summary").inner_text()
        assert details.locator(".cols").inner_text().strip() != ""  # drawn
        assert errors == []


CHROMIUM = "/usr/bin/chromium"


@contextlib.contextmanager
def _opened_in_chromium(page_file: Path):
    """The page opened from disk in headless chromium: (tab, the page's script errors so far)."""
    if not Path(CHROMIUM).exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            tab = browser.new_page()
            errors: list[str] = []
            tab.on("pageerror", lambda exc: errors.append(str(exc)))
            tab.goto(page_file.as_uri())
            yield tab, errors
        finally:
            browser.close()
