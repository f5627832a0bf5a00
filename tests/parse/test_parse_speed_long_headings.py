"""A long line's heading match kept by its text up to the first sentence end (classify._match_long) is the
match the forms give the whole line (property tests against match_heading as first written)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.parse import classify

from .test_shortcuts import plain_match_heading, text

SETTINGS = settings(max_examples=300, deadline=None)
FILLER = "加强法治政府建设"  # no sentence end, no bracket: a long run-in body or a long heading
HEADS = ["一、总体情况。", "（一）强化领导。", "（二）《条例》学习。", "（三）“放管服”改革", "1.依法决策！", "二、", "三．是", "（四）（试行。）", "五、 总结？"]
TAILS = ["", "。", " ", "\u3000", "（", "》", "一是学习。", "正文。" * 3]
head = st.one_of(st.sampled_from(HEADS), text)
tail = st.lists(st.one_of(st.sampled_from(TAILS), text), max_size=4).map("".join)
long_line = st.builds(lambda h, n, t: h + FILLER * n + t, head, st.integers(min_value=0, max_value=25), tail)


@SETTINGS
@given(st.lists(st.tuples(head, tail, tail), min_size=1, max_size=5), st.integers(min_value=14, max_value=30))
@example([("（一）强化领导。", "", "一是学习。")], 16)
@example([("（一）《条例。", "", "》学习。")], 16)  # the first sentence end in brackets: the heading runs past it
@example([("一、总体情况。", "", "\u3000")], 16)  # only white space after it
@example([("一、总体情况。", "", "")], 16)
def test_long_lines_with_the_same_opening_keep_their_own_match(openings, repeat):
    """Lines opening alike (the same text up to the first sentence end) and ending otherwise."""
    lines = [o + tail_a + FILLER * repeat + tail_b for o, tail_a, tail_b in openings]
    lines += [o + FILLER * repeat for o, _, _ in openings] + [o + "\u3000" * 8 * repeat for o, _, _ in openings]
    for line in [*lines, *reversed(lines)]:
        assert classify.match_heading(line) == plain_match_heading(line)


@SETTINGS
@given(st.lists(long_line, min_size=1, max_size=6))
def test_long_lines_match_as_the_forms_match_them(lines):
    for line in [*lines, *reversed(lines)]:
        assert classify.match_heading(line) == plain_match_heading(line)


def test_a_long_heading_met_again_is_kept_and_a_bracketed_stop_is_not(monkeypatch):
    monkeypatch.setattr(classify, "_KNOWN_LONG", {})
    line = "（一）强化领导。" + FILLER * 20
    assert classify.match_heading(line).heading == "强化领导"
    assert ("（一）强化领导。", False) in classify._KNOWN_LONG
    other = "（一）强化领导。" + "一是学习。" + FILLER * 20
    assert classify.match_heading(other) == plain_match_heading(other)
    bracketed = "（一）《条例。》学习。" + FILLER * 20
    assert classify.match_heading(bracketed).heading == "《条例。》学习"  # the first 。 is in the brackets
    assert not any(key[0].startswith("（一）《") for key in classify._KNOWN_LONG)


def test_the_kept_long_lines_are_bounded(monkeypatch):
    monkeypatch.setattr(classify, "HEADINGS_KEPT", 3)
    monkeypatch.setattr(classify, "_KNOWN_LONG", {})
    for n in range(1, 8):
        classify.match_heading(f"{n}.第{n}项。" + FILLER * 20)
    assert 0 < len(classify._KNOWN_LONG) <= 3
