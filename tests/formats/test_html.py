"""The dashboard: one self-contained HTML file, parsed with html.parser."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from checker.formats.html import build_html
from checker.formats.review import finding_dict


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.stack: list[tuple[str, dict]] = []
        self.report = None
        self.diagnostics: dict[str, list[str]] = {}
        self.rows: list[list[str]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "details" and "report" in attrs.get("class", ""):
            self.report = attrs["data-file"]
            self.diagnostics[self.report] = []
        if tag == "li" and "diag" in attrs.get("class", "").split():
            self.diagnostics[self.report].append(attrs["data-code"])
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
    )


@pytest.fixture(scope="module")
def page(html):
    p = Page()
    p.feed(html)
    p.close()
    return p


def test_every_report_and_every_diagnostic(page, county_review):
    assert list(page.diagnostics) == [r["file"] for r in county_review.rows]
    for record in county_review.records:
        assert page.diagnostics[record.file] == [d.code for d in record.diagnostics]
    text = "".join(page.text)
    for d in county_review.diagnostic_rows():
        assert d["message"] in text
        assert d["quote"] in text


def test_table_rows(page, county_review):
    assert len(page.rows) == 4
    files = [r["file"] for r in county_review.rows]
    # with last year's folder: the 上年安排落实 column (— where a unit has no report of last year)
    assert page.rows[0] == [files[0], "措美县哲古镇", "2024", "✓", "✓", "✓", "✓", "—", "0", "0", "0", "通过"]
    assert page.rows[3][7] == "1/2"
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


def test_drill_down_has_outline_and_marked_quote(html, county_review):
    xinji = next(r for r in county_review.records if r.file.endswith("辛集乡.txt"))
    for section in xinji.outline:
        assert section["heading"] in html
    assert "平台定期推送法律知识，为<mark>多玛乡</mark>" in html


def test_markup_in_data_is_escaped(county_review):
    row = dict(county_review.rows[0], file="<script>alert(1)</script>.txt", entity="a&b")
    out = build_html([row], [], [], parts=county_review.parts)
    assert "<script>alert(1)" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;.txt" in out
    assert "a&amp;b" in out


def test_sortable_and_filterable(page):
    ids = {attrs.get("id") for _, attrs in page.tags}
    assert {"reports", "filter", "status-filter", "shown"} <= ids
    scripts = [attrs for tag, attrs in page.tags if tag == "script"]
    assert len(scripts) == 1
