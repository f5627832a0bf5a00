"""ingest/cleanup.build_document searches for Word leftovers only in the lines that hold one of the
characters every leftover starts with (_LEFTOVER_HINT): the shortcut never skips a real leftover.
Each text is read twice — with the shortcut, and with every line searched — and must give the same
Document (lines, shifts, leftovers).  The lines of a plain text (no traditional characters, no
overlong line) are built in one pass (plain_lines): the same as the general loop (lines_one_by_one)."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.ingest import cleanup
from checker.ingest.cleanup import LEFTOVER_PATTERNS, build_document, lines_one_by_one, plain_lines

FRAGMENTS = [
    "[bookmark: _GoBack]", "[bookmark:", "]", "[", "{", "}", "\\", "\\* MERGEFORMAT", "{ PAGE }", "{PAGEREF _Toc1 \\h}",
    "{ HYPERLINK \"x\" }", "错误！未找到引用源。", "错误!", "错", "错误！\n未找到引用源", "错误！ 书签未定义.", "[图片1]",
    "[image: a.png]", "[embedded object]", "\u200b", "\u200c\u200d", "\u2060", "\ufeff", "\u00ad", "一、", "法治政府建设",
    "。", "，", " ", "\t", "\n", "\n\n", "\r\n", "PAGE", "MERGEFORMAT", "們個這為與說時國會", "錯誤！未找到引用源",
]  # fmt: skip
text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=40).map("".join)


def _every_line_searched(value: str):
    hint, cleanup._LEFTOVER_HINT = cleanup._LEFTOVER_HINT, re.compile(".", re.S)
    try:
        return build_document(value, path="x.txt")
    finally:
        cleanup._LEFTOVER_HINT = hint


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text)
def test_the_hinted_lines_are_all_that_hold_leftovers(value):
    assert build_document(value, path="x.txt") == _every_line_searched(value)


def test_every_leftover_pattern_starts_with_a_hint_character():
    """What the shortcut rests on, per pattern: a match always begins with a _LEFTOVER_HINT character."""
    samples = ["[bookmark: a]", "错误！未找到引用源", "{ PAGE }", "\\* MERGEFORMAT", "[图片]", "\u200b\u00ad"]
    for (kind, pattern), sample in zip(LEFTOVER_PATTERNS, samples):
        match = re.search(pattern, "正文" + sample + "正文")
        assert match is not None, kind
        assert cleanup._LEFTOVER_HINT.match(match.group()), kind


def test_a_line_with_a_leftover_is_cleaned_and_one_without_is_kept():
    doc = build_document("一、工作[bookmark: _GoBack]情况\n错字更正不是残留\n", path="x.txt")
    assert [line.text for line in doc.lines] == ["一、工作情况", "错字更正不是残留", ""]
    assert [(f.kind, f.text) for f in doc.leftovers] == [("bookmark", "[bookmark: _GoBack]")]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text)
def test_plain_lines_are_the_general_loops_lines(value):
    raws = value.split("\n")
    assert plain_lines(value, raws, [len(r) for r in raws]) == lines_one_by_one(value, raws, False)


def test_lines_start_with_the_fields_plain_lines_gives_in_order():
    from dataclasses import fields

    from checker.model import Line

    assert [f.name for f in fields(Line)][:5] == ["number", "start", "text", "raw_length", "shifts"]


def test_leftovers_are_tried_at_each_hint_of_a_line_and_only_there():
    """plain_lines tries _LEFTOVER_RE only at a line's hint characters (cleanup._strip_at): several
    leftovers on one line, hint characters inside a leftover, before it and after it, a hint that
    starts none, give what the search from column 0 gives (lines_one_by_one)."""
    for value in [
        "一、[bookmark: a]情况{ PAGE }二\\* MERGEFORMAT三[图片2]\u200b\u200c尾",
        "[bookmark: [x]错误！未找到引用源。[",  # a '[' inside the bookmark, another after it
        "{ REF a \\h }错字\\{[image: 错]",
        "前[后{ PAGE }\n错误！书签未定义\n[\n\u00ad\u2060",
        "[[bookmark: a][bookmark: b]]",
    ]:
        raws = value.split("\n")
        assert plain_lines(value, raws, [len(r) for r in raws]) == lines_one_by_one(value, raws, False), value
