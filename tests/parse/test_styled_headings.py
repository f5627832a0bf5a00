"""Headings marked by the source's own markup (Word heading styles, Markdown #) without a number."""

from checker.api import check_bytes
from checker.config import Config
from checker.ingest import read_bytes
from checker.parse.outline import parse_document

MD = """# 示例镇2024年法治政府建设年度报告

2024年，示例镇深入推进法治政府建设。

## 一、主要举措和成效

### 带头学法

全年学法12次。

## 二、存在的不足和原因

一是力量不足。究其原因是人员少。
"""


def test_markdown_heading_without_number_becomes_a_sub_part():
    doc = read_bytes(MD.encode("utf-8"), "r.md")
    outline = parse_document(doc)
    assert [(s.level, s.marker, s.heading, s.line) for s in outline.walk()] == [
        (1, "一、", "主要举措和成效", 5),
        (2, "", "带头学法", 7),
        (1, "二、", "存在的不足和原因", 11),
    ]
    assert outline.title_lines == (1,)


def test_unnumbered_heading_is_not_a_numbering_problem():
    result = check_bytes(MD.encode("utf-8"), "r.md", Config(select=("FZ3",)))
    assert result.document.source == "markdown"
    assert [d.code for d in result.diagnostics] == []


def test_plain_text_lines_have_no_style_and_stay_body():
    doc = read_bytes("示例\n\n一、主要举措\n带头学法\n全年学法12次。\n".encode("utf-8"), "r.txt")
    assert doc.style_levels == ()
    assert [s.heading for s in parse_document(doc).walk()] == ["主要举措"]
