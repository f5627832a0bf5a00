"""The parse trees kept by their token types (outline.tree_shape): a kept shape is the one lark gives the
tokens in hand, and an outline built from a kept shape is the one built from a fresh parse."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.ingest import document_from_text
from checker.model import Outline, Section
from checker.parse import outline as outline_module
from checker.parse.classify import classify
from checker.parse.outline import Tokens, _parser, _shape_of, _trim_end, parse_document, tree_shape
from checker.parse.runins import line_items

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


def plain_outline(doc) -> Outline:
    """The outline as parse_document built it before its flat plan: the fresh lark tree walked
    recursively, each section made by keyword, each line's run-in items read alone."""
    kinds, headings = classify(doc.lines, doc.style_levels)
    tokens = Tokens(kinds, headings)
    outline = Outline(lines=doc.lines, kinds=tuple(kinds))
    signature = []
    for part in fresh_shape(tokens.tokens):
        if isinstance(part, tuple):
            outline.sections.append(plain_section(doc, kinds, headings, tokens, part, None))
            continue
        token = tokens.tokens[part]
        if token.type == "TITLE":
            outline.title_lines = tokens.lines(token)
        elif token.type == "BODY":
            outline.preamble = tokens.lines(token)
            for n in outline.preamble:
                outline.preamble_items.extend(line_items(doc.lines[n - 1], n - 1, 0))
        elif token.type == "ATTACH":
            outline.attachments = tokens.lines(token)
        elif token.type in ("SIGN", "DATE"):
            signature.extend(tokens.lines(token))
    outline.signature = tuple(signature)
    return outline


def plain_section(doc, kinds, headings, tokens, node, parent) -> Section:
    i = tokens.tokens[node[0]].value
    h, line = headings[i], doc.lines[i]
    section = Section(
        level=h.level, number=h.number, value=h.value, marker=line.text[h.marker_start : h.marker_end], form=h.form,
        canonical=h.canonical, heading=h.heading, line=i + 1, end_line=_trim_end(kinds, tokens.closes[i], i + 1),
        heading_offsets=(line.offset(h.heading_start), line.offset(h.heading_end)),
        marker_offsets=(line.offset(h.marker_start), line.offset(h.marker_end)),
        heading_col=h.heading_start, body_start_col=h.body_start, recovered=h.how, parent=parent,
    )  # fmt: skip
    if h.body_start >= 0:
        section.items.extend(line_items(line, i, h.body_start))
    for child in node[1:]:
        if isinstance(child, tuple):
            section.children.append(plain_section(doc, kinds, headings, tokens, child, section))
        else:
            for n in tokens.runs[tokens.tokens[child].value]:
                section.items.extend(line_items(doc.lines[n], n, 0))
    return section


def fields(section: Section) -> tuple:
    """A section's fields, its parent's line for its parent, its children's fields for its children."""
    own = tuple(getattr(section, f) for f in Section.__dataclass_fields__ if f not in ("children", "parent"))
    return (*own, section.parent.line if section.parent else 0, tuple(fields(c) for c in section.children))


@settings(max_examples=300, deadline=None)
@given(report)
@example("一、主要举措\n（一）依法决策。一是学习。二是执法。\n正文，三是。\n1.完善制度\n二、不足\n一是人员少。")
def test_an_outline_from_the_flat_plan_is_the_one_built_from_the_tree(text):
    doc = document_from_text(text)
    built, plain = parse_document(doc), plain_outline(doc)
    assert len({s.line for s in built.walk()}) == len(list(built.walk()))  # one section per line (roles keys them so)
    assert [fields(s) for s in built.sections] == [fields(s) for s in plain.sections]
    assert built == plain


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
