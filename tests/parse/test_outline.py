"""The outline parser (classified lines + lark grammar) on hand-written variants."""

from __future__ import annotations

import os
import subprocess
import sys

from checker.ingest import document_from_text
from checker.model import Outline, Section
from checker.parse.outline import parse_document


def parse(text: str) -> Outline:
    return parse_document(document_from_text(text))


def tree(sections: list[Section]) -> list[tuple]:
    """(level, marker, heading, line, end_line, children) for each section."""
    return [(s.level, s.marker, s.heading, s.line, s.end_line, tree(s.children)) for s in sections]


def text_of(outline: Outline, span) -> str:
    starts = [line.start for line in outline.lines]
    line = outline.lines[max(i for i, s in enumerate(starts) if s <= span.start)]
    return line.text[span.start - line.start : span.end - line.start]


FULL = """\
索引号：11530000/2025-00012
发布机构：某某镇人民政府

某某镇人民政府
关于2024年法治政府建设情况的报告

县委、县政府：
2024年，我镇深入学习贯彻习近平法治思想，现将有关情况报告如下。
一、2024年度推进法治政府建设的主要举措和成效
（一）依法全面履行政府职能。一是梳理权责清单。二是推进政务服务。
（二）深化普法宣传
全年开展普法活动12次。
二、存在的不足和原因
一是普法形式单一。二是执法力量不足。究其原因，主要是专业人才缺乏。
三、党政主要负责人履行推进法治建设第一责任人职责情况
镇党委书记亲自部署重大法治工作。
四、2025年度工作安排
1.持续深化依法行政
2.加强执法队伍建设

某某镇人民政府
2025年1月15日
"""


def test_full_report():
    o = parse(FULL)
    assert o.title_lines == (4, 5)
    assert o.title == "某某镇人民政府关于2024年法治政府建设情况的报告"
    assert o.kinds[:3] == ("META", "META", "BLANK")
    assert o.kinds[6] == "SALUTATION"
    assert o.preamble == (8,)
    assert o.signature == (21, 22)
    assert tree(o.sections) == [
        (
            1,
            "一、",
            "2024年度推进法治政府建设的主要举措和成效",
            9,
            12,
            [(2, "（一）", "依法全面履行政府职能", 10, 10, []), (2, "（二）", "深化普法宣传", 11, 12, [])],
        ),
        (1, "二、", "存在的不足和原因", 13, 14, []),
        (1, "三、", "党政主要负责人履行推进法治建设第一责任人职责情况", 15, 16, []),
        (
            1,
            "四、",
            "2025年度工作安排",
            17,
            19,
            [(3, "1.", "持续深化依法行政", 18, 18, []), (3, "2.", "加强执法队伍建设", 19, 19, [])],
        ),
    ]


def test_parents_and_spans():
    o = parse(FULL)
    first = o.sections[0]
    child = first.children[0]
    assert child.parent is first and first.parent is None
    assert text_of(o, first.heading_span) == "2024年度推进法治政府建设的主要举措和成效"
    assert text_of(o, first.marker_span) == "一、"
    assert text_of(o, child.heading_span) == "依法全面履行政府职能"
    assert (child.heading_col, child.body_start_col) == (3, 14)


def test_run_in_items_on_the_heading_line_and_in_the_body():
    o = parse(FULL)
    measures, shortcomings = o.sections[0], o.sections[1]
    assert [(i.number, i.value, i.line, text_of(o, i.span)) for i in measures.children[0].items] == [
        ("一", 1, 10, "一是"),
        ("二", 2, 10, "二是"),
    ]
    assert [(i.number, i.line, text_of(o, i.span)) for i in shortcomings.items] == [
        ("一", 14, "一是"),
        ("二", 14, "二是"),
    ]
    assert measures.items == []


def test_run_in_items_need_a_sentence_boundary_before_them():
    o = parse("一、问题\n存在的问题：一是人员不足；二是经费短缺，三是宣传不够。\n")
    assert [(i.number, text_of(o, i.span)) for i in o.sections[0].items] == [("一", "一是"), ("二", "二是")]


def test_run_in_items_in_the_preamble():
    o = parse("2024年，我乡做了以下工作：一是抓学习。二是抓落实。\n一、主要举措\n")
    assert [(i.number, i.line) for i in o.preamble_items] == [("一", 1), ("二", 1)]


def test_title_across_a_blank_line_and_no_signature():
    o = parse(
        "安多县某某乡2024年度法治政府建设\n\n情况报告\n\n2024年度，某某乡坚持依法行政。\n一、工作开展情况\n正文。\n"
    )
    assert o.title_lines == (1, 3)
    assert o.title == "安多县某某乡2024年度法治政府建设情况报告"
    assert o.preamble == (5,)
    assert o.signature == ()
    assert tree(o.sections) == [(1, "一、", "工作开展情况", 6, 7, [])]


def test_title_over_three_lines():
    o = parse("湟中区某某乡\n2024年法治政府建设\n情况报告\n正文。\n一、主要举措\n")
    assert o.title_lines == (1, 2, 3)
    assert o.title == "湟中区某某乡2024年法治政府建设情况报告"


def test_no_title():
    o = parse("2024年，我乡法治政府建设工作情况报告如下。\n一、主要举措\n正文。\n")
    assert (o.title_lines, o.title, o.preamble) == ((), "", (1,))
    assert tree(o.sections) == [(1, "一、", "主要举措", 2, 3, [])]


def test_arabic_items_directly_under_a_first_level_heading_and_a_skipped_level():
    o = parse("一、主要举措\n1.学法用法\n（1）集中学法\n（2）个人自学\n2.普法宣传\n二、存在不足\n（1）人员不足\n")
    assert tree(o.sections) == [
        (
            1,
            "一、",
            "主要举措",
            1,
            5,
            [
                (3, "1.", "学法用法", 2, 4, [(4, "（1）", "集中学法", 3, 3, []), (4, "（2）", "个人自学", 4, 4, [])]),
                (3, "2.", "普法宣传", 5, 5, []),
            ],
        ),
        (1, "二、", "存在不足", 6, 7, [(4, "（1）", "人员不足", 7, 7, [])]),
    ]


def test_malformed_numbers_are_sections_marked_not_canonical():
    o = parse("一、主要举措\n(一)学法\n（二普法\n三）执法\n二．存在不足\n")
    got = [(s.level, s.form, s.canonical, s.number, s.value, s.heading, s.line) for s in o.walk()]
    assert got == [
        (1, "一、", True, "一", 1, "主要举措", 1),
        (2, "(一)", False, "一", 1, "学法", 2),
        (2, "（一", False, "二", 2, "普法", 3),
        (2, "一）", False, "三", 3, "执法", 4),
        (1, "一．", False, "二", 2, "存在不足", 5),
    ]


def test_heading_running_into_its_body():
    o = parse("一、主要举措\n（一）强化组织领导，抓好责任落实。成立领导小组，召开会议4次。\n")
    child = o.sections[0].children[0]
    assert child.heading == "强化组织领导，抓好责任落实"
    assert (child.line, child.end_line, child.heading_col, child.body_start_col) == (2, 2, 3, 17)


def test_figures_and_years_are_body_not_headings():
    o = parse("一、主要举措\n3.5亿元资金用于项目建设。\n2024年是关键之年。\n10.8万人次参与普法。\n")
    assert tree(o.sections) == [(1, "一、", "主要举措", 1, 4, [])]
    assert o.kinds == ("H", "BODY", "BODY", "BODY", "BLANK")


def test_section_end_skips_trailing_blank_lines():
    o = parse("一、主要举措\n正文。\n\n\n二、存在不足\n正文。\n\n")
    assert [(s.line, s.end_line) for s in o.sections] == [(1, 2), (5, 6)]


def test_signature_closes_the_last_section():
    o = parse("标题报告\n一、工作安排\n1.深化依法行政\n\n某某乡人民政府\n2025年2月1日\n")
    assert o.signature == (5, 6)
    assert tree(o.sections) == [(1, "一、", "工作安排", 2, 3, [(3, "1.", "深化依法行政", 3, 3, [])])]


def test_leftover_before_a_heading_keeps_offsets_into_the_original_text():
    text = "标题报告\n[bookmark: _GoBack]一、主要举措\n正文。\n"
    o = parse(text)
    section = o.sections[0]
    assert (section.line, section.heading) == (2, "主要举措")
    assert text[section.marker_span.start : section.marker_span.end] == "一、"
    assert text[section.heading_span.start : section.heading_span.end] == "主要举措"


def test_one_line_report_with_everything_run_together():
    o = parse("一、主要举措。一是学法。二是普法。\n")
    s = o.sections[0]
    assert (s.heading, s.line, s.end_line, s.body_start_col) == ("主要举措", 1, 1, 7)
    assert [(i.number, i.value) for i in s.items] == [("一", 1), ("二", 2)]


def test_empty_and_blank_documents():
    for text in ("", "\n\n", "　　\n \n"):
        o = parse(text)
        assert (o.title_lines, o.preamble, o.sections, o.signature) == ((), (), [], ())


def cache_name() -> str:
    import hashlib

    from checker.parse.outline import grammar_text

    digest = hashlib.sha256(grammar_text().encode("utf-8")).hexdigest()[:16]
    return "outline-parser-py{}{}-{}.lark".format(*sys.version_info[:2], digest)


def test_parser_cache_goes_to_the_user_cache_folder(tmp_path, monkeypatch):
    from checker.parse.outline import cache_file, grammar_text

    name = cache_name()
    grammar = grammar_text()
    monkeypatch.setenv("FZCHECK_CACHE_DIR", str(tmp_path / "c"))
    assert cache_file(grammar) == str(tmp_path / "c" / name)
    assert (tmp_path / "c").is_dir()
    monkeypatch.setenv("FZCHECK_CACHE_DIR", "")
    assert cache_file(grammar) is False
    (tmp_path / "file").write_text("x")
    monkeypatch.setenv("FZCHECK_CACHE_DIR", str(tmp_path / "file"))
    assert cache_file(grammar) is False  # not a folder: no cache, no error
    if sys.platform not in ("win32", "darwin"):
        monkeypatch.delenv("FZCHECK_CACHE_DIR")
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
        assert cache_file(grammar) == str(tmp_path / "xdg" / "fzcheck" / name)


def test_a_fresh_process_writes_and_then_uses_the_parser_cache(tmp_path):
    code = "from checker.parse.outline import _parser; _parser().parse_interactive('')"
    env = {**os.environ, "FZCHECK_CACHE_DIR": str(tmp_path)}
    for _ in range(2):
        subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)
    cached = list(tmp_path.iterdir())
    assert [p.name for p in cached] == [cache_name()]
    assert cached[0].stat().st_size > 1000


def test_the_plan_part_ends_where_the_attachment_list_begins():
    outline = parse(
        "示例乡2024年法治政府建设年度报告\n一、主要举措和成效\n正文。\n四、2025年度工作安排\n一是开展培训。\n"
        "附件：1.2024年度工作台账\n2.责任清单\n\n示例乡人民政府\n2025年1月10日\n"
    )
    assert tree(outline.sections) == tree(parse("示例乡2024年法治政府建设年度报告\n一、主要举措和成效\n正文。\n四、2025年度工作安排\n一是开展培训。\n").sections)
    assert outline.sections[-1].end_line == 5
    assert outline.attachments == (6, 7)
    assert outline.signature == (9, 10)


def test_one_token_per_run_of_lines_and_headings_named_by_their_depth():
    from checker.parse.classify import classify
    from checker.parse.outline import Tokens

    doc = document_from_text(
        "某镇2024年法治政府建设年度报告\n\n开头一段。\n开头二段。\n一、主要举措\n1.依法决策\n正文一。\n\n正文二。\n"
        "（二）严格执法\n正文三。\n二、存在的不足\n正文四。\n某镇人民政府\n2025年1月10日\n"
    )
    kinds, headings = classify(doc.lines, doc.style_levels)
    tokens = Tokens(kinds, headings)
    # 1. skips a level under 一、 (depth 2); （二） closes 1. (same depth, a higher level: level 2 < 3)
    assert [(t.type, t.value) for t in tokens.tokens] == [
        ("TITLE", 0), ("BODY", 2), ("HEAD1", 4), ("HEAD2", 5), ("BODY", 6), ("HEAD2", 9), ("BODY", 10),
        ("HEAD1", 11), ("BODY", 12), ("SIGN", 13), ("DATE", 14),
    ]  # fmt: skip
    assert tokens.runs[2] == [2, 3] and tokens.runs[6] == [6, 8]  # the blank line 7 belongs to no run
    assert tokens.closes == {5: 9, 9: 11, 4: 11, 11: 13}
    outline = parse_document(doc)
    assert tree(outline.sections) == [
        (1, "一、", "主要举措", 5, 11, [(3, "1.", "依法决策", 6, 9, []), (2, "（二）", "严格执法", 10, 11, [])]),
        (1, "二、", "存在的不足", 12, 13, []),
    ]


def test_a_parsed_outline_walks_from_the_tuple_made_when_done_a_hand_made_one_walks_live():
    o = parse(FULL)
    assert o._walked is not None and list(o.walk()) == list(o._walk())
    assert [s.line for s in o.walk()] == [9, 10, 11, 13, 15, 17, 18, 19]
    hand = Outline(lines=o.lines, kinds=o.kinds)
    hand.sections.append(o.sections[0])
    assert [s.line for s in hand.walk()] == [9, 10, 11]  # not done: the sections as they are now
    hand.sections.append(o.sections[1])
    assert [s.line for s in hand.walk()] == [9, 10, 11, 13]
