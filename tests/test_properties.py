"""Property tests: parsing and checking never raise on arbitrary text, and every position is valid."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.api import check_bytes, check_text
from checker.ingest import document_from_text
from checker.model import Outline, Section
from checker.parse.outline import parse_document
from checker.positions import LineIndex

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

NUMBERS = [
    "一、", "二、", "十二、", "（一）", "（三）", "(一)", "( 二 )", "（四", "五）", "六)", "一．", "二.", "三 ",
    "1.", "2．", "3、", "（1）", "(2)", "3）", "一是", "二是", "十是", "1.5", "2024年", "二〇二四年",
]  # fmt: skip
WORDS = [
    "法治政府建设", "主要举措和成效", "存在的不足和原因", "第一责任人", "党政主要负责人", "工作计划", "2025年度",
    "下一步工作安排", "究其原因", "《法治政府建设实施纲要》", "情况报告", "工作总结", "人民政府", "乡", "镇",
    "县委、县政府：", "索引号：", "发布机构：", "3.5亿元", "12次", "2025年1月15日",
]  # fmt: skip
PUNCT = ["。", "，", "；", "：", "、", "！", "？", "“", "”", "（", "）", "《", "》", " ", "\u3000", "\u00a0", "\t"]
LEFTOVERS = ["[bookmark: _GoBack]", "错误！未找到引用源。", "{ PAGE }", "\u200b", "\ufeff", "\u00ad"]
NEWLINES = ["\n", "\r\n", "\r"]

piece = st.one_of(
    st.sampled_from(NUMBERS),
    st.sampled_from(WORDS),
    st.sampled_from(PUNCT),
    st.sampled_from(LEFTOVERS),
    st.text(max_size=6),
)
line = st.lists(piece, max_size=12).map("".join)


@st.composite
def report_like(draw) -> str:
    lines = draw(st.lists(line, max_size=30))
    newline = draw(st.sampled_from(NEWLINES))
    return newline.join(lines) + draw(st.sampled_from(["", newline]))


@st.composite
def long_lines(draw) -> str:
    unit = draw(st.sampled_from(["一是加强学习。", "（一）强化领导。", "法治", "2024年", "，", "\u3000"]))
    head = draw(st.sampled_from(["", "一、", "（一）", "1.", "[bookmark: _GoBack]一、"]))
    times = draw(st.integers(min_value=200, max_value=3000))
    return head + unit * times + draw(st.sampled_from(["", "\n二、存在不足\n", "\r\n"]))


def assert_outline_valid(outline: Outline, n_lines: int, text_length: int) -> None:
    assert len(outline.kinds) == n_lines
    for number in (*outline.title_lines, *outline.preamble, *outline.signature):
        assert 1 <= number <= n_lines

    def check(section: Section, lo: int, hi: int) -> None:
        assert lo <= section.line <= section.end_line <= hi
        for span in (section.heading_span, section.marker_span):
            assert 0 <= span.start <= span.end <= text_length
        for item in section.items:
            assert section.line <= item.line <= section.end_line
            assert 0 <= item.span.start <= item.span.end <= text_length
        for child in section.children:
            assert child.parent is section
            assert child.level > section.level
            check(child, section.line + 1, section.end_line)

    previous_end = 0
    for section in outline.sections:
        assert section.parent is None
        assert section.line > previous_end
        check(section, 1, n_lines)
        previous_end = section.end_line


def assert_result_valid(text: str) -> None:
    result = check_text(text, with_roles=True)
    doc = result.document
    assert doc is not None and result.outline is not None
    n = len(doc.text)
    # the outline reads the document's lines, or a flattened report's view: pieces of its lines, in order
    assert result.outline.split or result.outline.lines == doc.lines
    end = 0
    for line in result.outline.lines:
        assert end <= line.start <= line.end <= n
        if not line.shifts:
            assert line.end - line.start == len(line.text)
        end = line.end
    assert_outline_valid(result.outline, len(result.outline.lines), n)
    index = LineIndex(doc.text)
    line_lengths = [len(t) for t in doc.text.split("\n")]
    for d in result.diagnostics:
        assert 0 <= d.span.start <= d.span.end <= n, d
        line, column = index.line_col(d.span.start)
        end_line, end_column = index.line_col(d.span.end)
        assert 1 <= line <= end_line <= index.line_count, d
        assert 1 <= column <= line_lengths[line - 1] + 1, d
        assert 1 <= end_column <= line_lengths[end_line - 1] + 1, d
        assert index.line_start(line) + column - 1 == d.span.start
        assert d.severity in ("error", "warning", "info")
        assert d.message
        if d.fix is not None:
            for edit in d.fix.edits:
                assert 0 <= edit.start <= edit.end <= n, d


@SETTINGS
@given(st.text())
def test_check_never_raises_on_random_unicode(text):
    assert_result_valid(text)


@SETTINGS
@given(report_like())
def test_check_never_raises_on_mixed_heading_forms(text):
    assert_result_valid(text)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(long_lines())
def test_check_never_raises_on_very_long_lines(text):
    assert_result_valid(text)


@SETTINGS
@given(report_like())
def test_parse_never_raises_and_lines_match_the_text(text):
    doc = document_from_text(text)
    outline = parse_document(doc)
    assert_outline_valid(outline, len(doc.lines), len(doc.text))
    for line in doc.lines:
        assert 0 <= line.start <= line.end <= len(doc.text)
        offsets = [line.offset(col) for col in range(len(line.text) + 1)]
        assert all(line.start <= o <= line.end for o in offsets)
        assert offsets == sorted(offsets)


@SETTINGS
@given(st.text(alphabet=" \t\n\r\u3000\u00a0\u2002\u2003\u2009\u202f\u200b\ufeff", max_size=40))
def test_whitespace_only_input_gets_fz902(text):
    result = check_text(text)
    assert [d.code for d in result.diagnostics] == ["FZ902"]
    assert result.diagnostics[0].severity == "error"


def test_empty_input_gets_fz902():
    assert [d.code for d in check_text("").diagnostics] == ["FZ902"]


def test_empty_and_blank_files_are_refused_with_fz902():
    for data in (b"", b"   \n\r\n\t"):
        result = check_bytes(data, "空白.txt")
        assert [d.code for d in result.diagnostics] == ["FZ902"]
        assert result.error == "文件为空，没有可检查的内容"


def test_crlf_cr_and_lf_give_the_same_findings():
    text = "某某乡2024年法治政府建设情况报告\n一、主要举措\n（一）依法履职。一是学法。\n二、存在不足\n"
    expected = [(d.code, d.span.start, d.span.end) for d in check_text(text).diagnostics]
    for newline in ("\r\n", "\r"):
        got = check_text(text.replace("\n", newline)).diagnostics
        assert [(d.code, d.span.start, d.span.end) for d in got] == expected
