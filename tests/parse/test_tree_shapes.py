"""The parse trees kept by their token types (outline.tree_shape): a kept shape is the one lark gives the
tokens in hand, and an outline built from a kept shape is the one built from a fresh parse."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.ingest import document_from_text
from checker.parse import outline as outline_module
from checker.parse.classify import classify
from checker.parse.outline import Tokens, _parser, _shape_of, parse_document, tree_shape

LINES = [
    "某镇2024年法治政府建设年度报告", "", "开头一段。", "正文一段，办件3100件。", "一、主要举措", "二、存在的不足",
    "（一）依法决策", "（二）严格执法。一是梳理清单。二是推进执法。", "1.完善制度", "2．加强监督", "（1）细化措施",
    "三、2025年工作安排", "附件：1.清单", "某镇人民政府", "2025年1月10日", "来源：某镇政府网", "各村（社区）：",
]  # fmt: skip
report = st.lists(st.sampled_from(LINES), min_size=1, max_size=16).map("\n".join)


def fresh_shape(tokens: list) -> tuple:
    from lark import Token

    parsed = [Token(t.type, t.value) for t in tokens]
    return _shape_of(_parser().parse(parsed), {id(t): k for k, t in enumerate(parsed)})


@settings(max_examples=300, deadline=None)
@given(report)
@example("某镇2024年法治政府建设年度报告\n一、主要举措\n（一）依法决策\n正文一段，办件3100件。\n二、存在的不足\n某镇人民政府\n2025年1月10日")
def test_a_kept_shape_is_the_one_lark_gives(text):
    doc = document_from_text(text)
    kinds, headings = classify(doc.lines, doc.style_levels)
    tokens = Tokens(kinds, headings).tokens
    assert tree_shape(tokens) == fresh_shape(tokens)  # kept from an earlier example with the same types, or new
    kept = parse_document(doc)
    outline_module._SHAPES.clear()
    assert parse_document(doc) == kept


def test_the_same_types_on_other_lines_reuse_the_shape_and_a_near_miss_does_not():
    outline_module._SHAPES.clear()
    first = parse_document(document_from_text("一、主要举措\n正文一。\n（一）依法决策\n正文二。\n二、存在的不足\n正文三。"))
    second_doc = document_from_text("一、工作举措\n\n正文甲。\n正文乙。\n（一）严格执法\n正文丙。\n二、不足\n正文丁。")
    second = parse_document(second_doc)
    assert len(outline_module._SHAPES) == 1  # one sequence of token types, one shape
    assert [(s.line, s.end_line, [c.line for c in s.children]) for s in second.sections] == [(1, 6, [5]), (7, 8, [])]
    assert [(s.line, s.end_line) for s in first.sections] == [(1, 4), (5, 6)]
    parse_document(document_from_text("一、主要举措\n正文一。\n二、存在的不足\n（一）依法决策\n正文二。"))
    assert len(outline_module._SHAPES) == 2  # other types: parsed anew


def test_the_kept_shapes_are_bounded(monkeypatch):
    monkeypatch.setattr(outline_module, "SHAPES_KEPT", 3)
    outline_module._SHAPES.clear()
    for n in range(1, 7):
        parse_document(document_from_text("\n".join(f"{k}.第{k}项\n正文。" for k in range(1, n + 1))))
    assert len(outline_module._SHAPES) == 3
