"""The flattened-report test's shortcut (split._many_lines) never passes over a document whose long
line the plain measure of every line finds (property test)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.model import Line
from checker.parse import split

LONG = "加强法治政府建设，" * 40 + "一、主要举措。"
PIECES = ["", " ", "\u3000", "\u00a0", "某镇2024年法治政府建设年度报告", "县委、县政府：", "某镇人民政府", "2025年1月10日", "一、主要举措", "正文。", LONG]
lines = st.lists(st.sampled_from(PIECES), min_size=1, max_size=12)


def plain_flattened_line(texts: list[str]) -> int | None:
    """split._flattened_line without its shortcut: every line measured."""
    line_objects = tuple(Line(n + 1, 0, t, len(t)) for n, t in enumerate(texts))
    sizes = [len(t.strip(split._WS)) for t in texts]
    longest = max(range(len(sizes)), key=sizes.__getitem__)
    size = sizes[longest]
    others = [line for i, line in enumerate(line_objects) if i != longest and sizes[i]]
    if not others:
        return longest if size > split.TITLE_MAX else None
    if size < split.FLAT_MIN_CHARS or size < split.FLAT_SHARE * sum(sizes) or len(others) > split.FLAT_OTHER_LINES:
        return None
    headings = sum(1 for line in others if (h := split.match_heading(line.text)) is not None and h.level <= 2)
    return None if headings >= 2 else longest


@settings(max_examples=400, deadline=None)
@given(lines)
@example(["某镇2024年法治政府建设年度报告", "县委、县政府：", LONG, "某镇人民政府", "2025年1月10日", "正文。", "正文。", "正文。"])
@example(["正文。"] * 8 + [LONG])
def test_the_shortcut_finds_the_long_line_the_plain_measure_finds(texts):
    got = split._flattened_line(tuple(Line(n + 1, 0, t, len(t)) for n, t in enumerate(texts)))
    assert got == plain_flattened_line(texts)


def test_eight_ended_lines_are_too_many_and_seven_are_not():
    assert split._many_lines(tuple(Line(n + 1, 0, "正文。", 3) for n in range(8)))
    assert not split._many_lines(tuple(Line(n + 1, 0, "正文。 ", 4) for n in range(8)))  # each ends in white space
    assert not split._many_lines(tuple(Line(n + 1, 0, "正文。", 3) for n in range(7)))
