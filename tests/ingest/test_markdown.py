"""Markdown reports: # headings and bold sub-headings are seen as headings, positions stay in the file."""

from __future__ import annotations

from pathlib import Path

from checker.api import check_bytes, check_path
from checker.ingest import read_bytes
from checker.positions import LineIndex

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "fixtures" / "seeds" / "001_e08a30d98d0b93f2.txt"
MD = ROOT / "fixtures" / "encodings" / "seed.md"


def _shape(result):
    return [(s.level, s.marker, s.heading, s.line, s.end_line) for s in result.outline.walk()]


def test_markdown_report_has_the_outline_of_the_text():
    md = check_path(MD, discover=False)
    txt = check_path(SEED, discover=False)
    assert md.document.source == "markdown"
    assert _shape(md) == _shape(txt)
    assert [d.code for d in md.diagnostics] == [d.code for d in txt.diagnostics]


def test_columns_point_into_the_markdown_file():
    md = check_path(MD, discover=False)
    index = LineIndex(md.document.text)
    fz108 = next(d for d in md.diagnostics if d.code == "FZ108")
    # "# 二、主要做法和存在问题": the heading text starts after "# 二、"
    assert index.line_col(fz108.span.start) == (21, 5)
    assert md.document.text[fz108.span.start : fz108.span.end] == "主要做法和存在问题"


def test_bold_sub_heading_markers_are_hidden_from_the_parser():
    doc = read_bytes("# 一、主要举措\n**（一）加强领导**\n正文。\n".encode(), "r.md")
    assert [line.text for line in doc.lines] == ["一、主要举措", "（一）加强领导", "正文。", ""]
    assert doc.lines[1].offset(0) == doc.text.index("（一）")
    assert doc.lines[1].offset(6) == doc.text.index("导")


def test_standard_input_markdown_is_recognised_by_content():
    result = check_bytes(
        "某镇2024年法治政府建设年度报告\n\n# 一、主要举措和成效\n全年开展培训3次。\n".encode(), "<stdin>"
    )
    assert result.document.source == "markdown"
    assert _shape(result) == [(1, "一、", "主要举措和成效", 3, 4)]


def test_near_miss_a_hash_without_space_is_text():
    doc = read_bytes("#1号文件\n一、主要举措\n".encode(), "r.txt")
    assert doc.source == "text"
    assert doc.lines[0].text == "#1号文件"


def test_closing_hashes_and_setext_underlines():
    doc = read_bytes("## （二）规范执法 ##\n标题\n====\n".encode(), "r.md")
    assert [line.text for line in doc.lines] == ["（二）规范执法", "标题", "", ""]
