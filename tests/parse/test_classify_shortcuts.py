"""classify's cheap tests before its shaped-heading and title judgements never change a verdict (property
tests against the tests as first written): a line with a sentence end or a colon has no heading's shape,
a title line has no sentence end or comma."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.ingest import document_from_text
from checker.parse import classify as c

PIECES = [
    "", "一、总体情况", "加强领导", "强化组织保障夯实法治根基", "第三部分　主要举措", "2025年1月10日", "县委、县政府：",
    "正文一段，办件3100件。", "正文" * 25, "。", "；", "：", ":", "，", ",", "！", "?", " ", "\u3000", "某镇人民政府",
]  # fmt: skip
line = st.lists(st.sampled_from(PIECES), min_size=1, max_size=4).map("".join)
report = st.lists(line, min_size=1, max_size=14).map("\n".join)


def plain_shaped(lines, kinds, i: int) -> bool:
    """classify._shaped as first written: the stripped line measured, then searched for a sentence end."""
    text = c.strip_ws(lines[i].text)
    longest = c.SHAPE_MAX * 2 if c._PART_WORD.match(text) else c.SHAPE_MAX
    if not (4 <= len(text) <= longest) or any(ch in text for ch in c._SENTENCE_END + "：:"):
        return False
    if c.is_date(text) or c._SALUTATION_RE.match(text):
        return False
    j = i + 1
    while j < len(lines) and kinds[j] == "BLANK":
        j += 1
    if j >= len(lines) or kinds[j] not in ("BODY", "H"):
        return False
    if kinds[j] == "H":
        return True
    following = c.strip_ws(lines[j].text)
    return len(following) >= c.SHAPE_PARAGRAPH or following[-1:] in c._SENTENCE_END


def plain_title_line(text: str) -> bool:
    t = c.strip_ws(text)
    if not t or len(t) > 45 or any(ch in t for ch in c._SENTENCE_END) or "，" in t or "," in t or t.endswith(("：", ":")):
        return False
    return c.match_heading(t) is None and not c.is_date(t)


@settings(max_examples=300, deadline=None)
@given(report)
@example("加强领导\n" + "正文" * 25 + "。\n强化组织保障\n" + "正文" * 25 + "。\n正文。\n正文。")
def test_the_shape_tests_judge_as_first_written(text):
    doc = document_from_text(text)
    kinds, _ = c.classify(doc.lines)
    plain_kinds = [k if k in ("BLANK", "H") else "BODY" for k in kinds]
    for i, k in enumerate(plain_kinds):
        if k == "BODY":
            assert c._shaped(doc.lines, plain_kinds, i) == plain_shaped(doc.lines, plain_kinds, i)
        assert c.looks_like_title_line(doc.lines[i].text) == plain_title_line(doc.lines[i].text)


@settings(max_examples=200, deadline=None)
@given(report)
@example("加强领导\n" + "正文" * 25 + "。\n强化组织保障\n" + "正文" * 25 + "。\n正文。\n正文。")
def test_the_shaped_headings_are_those_found_without_the_last_character_test(text):
    doc = document_from_text(text)
    fast = c.classify(doc.lines)
    saved = c._SHAPE_STOPS
    c._SHAPE_STOPS = frozenset()  # every body line judged by _shaped itself
    try:
        assert c.classify(doc.lines) == fast
    finally:
        c._SHAPE_STOPS = saved
