"""Headings published without numbers are recovered by their shape, calibrated against the numbered ones."""

from checker.ingest import document_from_text
from checker.parse.outline import parse_document

OPEN = "2024年，示例镇深入学习贯彻习近平法治思想，扎实推进法治政府建设，现将有关情况报告如下。"
PARA = "全年开展联合执法检查36次，办理行政处罚案件9件，组织法治培训4次，案卷评查合格率100%。"


def shape(sections):
    return [(s.level, s.heading, s.recovered, shape(s.children)) for s in sections]


def test_unnumbered_part_headings_become_level_one():
    text = f"示例镇2024年法治政府建设年度报告\n{OPEN}\n主要举措和成效\n{PARA}\n存在的不足和原因\n{PARA}\n"
    assert shape(parse_document(document_from_text(text)).sections) == [
        (1, "主要举措和成效", "shape", []),
        (1, "存在的不足和原因", "shape", []),
    ]


def test_unnumbered_sub_headings_under_numbered_parts_become_level_two():
    text = f"示例镇2024年法治政府建设年度报告\n{OPEN}\n一、主要举措和成效\n依法全面履行政府职能\n{PARA}\n严格规范公正文明执法\n{PARA}\n"
    assert shape(parse_document(document_from_text(text)).sections) == [
        (1, "主要举措和成效", "numbered", [(2, "依法全面履行政府职能", "shape", []), (2, "严格规范公正文明执法", "shape", [])]),
    ]


def test_a_single_short_line_is_no_heading_near_miss():
    text = f"示例镇2024年法治政府建设年度报告\n{OPEN}\n一、主要举措和成效\n依法全面履行政府职能\n{PARA}\n{PARA}\n"
    assert shape(parse_document(document_from_text(text)).sections) == [(1, "主要举措和成效", "numbered", [])]


def test_short_lines_of_a_list_are_no_headings_near_miss():
    text = f"示例镇2024年法治政府建设年度报告\n{OPEN}\n一、主要举措和成效\n普法宣传进村居\n法律顾问全覆盖\n执法检查36次\n调解纠纷42件\n"
    assert shape(parse_document(document_from_text(text)).sections) == [(1, "主要举措和成效", "numbered", [])]
