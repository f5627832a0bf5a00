"""coverage looks for the ignored phrases around a word it found only when the word shares a character
with a phrase (property test against :func:`coverage.covered`): a phrase's occurrence that overlaps a
word's holds the characters where they overlap."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.kinds import coverage

# words that share a character with the phrases (执, 法, 公, 开, 栏 …) and words that share none (调解, 信访)
AREAS = (
    {"name": "执法", "words": ["执法", "行政执法"]},
    {"name": "调解", "words": ["调解", "人民调解"]},
    {"name": "公开", "words": ["政务公开", "信访"]},
    {"name": "普法", "words": ["普法", "宣传"]},
)
PHRASES = st.sampled_from([("谁执法谁普法",), ("公开栏", "调解室"), ("人民",), ("解",), ("宣传栏", "法宣")])
TEXT = st.lists(
    st.sampled_from(["行政", "执法", "调解", "人民", "政务", "公开", "栏", "室", "信访", "谁", "普法", "宣传", "法", "解", "，"]),
    max_size=12,
).map("".join)


def _rule(phrases: tuple[str, ...], enough: int):
    return type("R", (), {"params": coverage.Params(areas=AREAS, min_areas=enough, ignore_words=phrases)})()


@settings(max_examples=1500, deadline=None)
@given(TEXT, PHRASES, st.integers(1, 4), st.permutations(range(len(AREAS))))
@example("人民调解", ("调解室",), 1, [1, 0, 2, 3])  # a word that shares no character with the phrase: no search
@example("人民调解室", ("调解室",), 1, [1, 0, 2, 3])  # the phrase overlaps the word found: searched again
@example("调解", ("解",), 1, [1, 0, 2, 3])  # a one-character phrase inside the word
@example("谁执法谁普法", ("谁执法谁普法",), 1, [0, 3, 1, 2])
def test_shows_enough_counts_what_covered_counts(text, phrases, enough, order):
    rule = _rule(phrases, enough)
    coverage.search_order(rule).areas[:] = order
    assert coverage.shows_enough(text, rule) == (len(coverage.covered(text, coverage.area_res(rule), phrases)) >= enough)


def test_the_words_that_may_be_overlapped_share_a_character_with_a_phrase():
    assert coverage.may_overlap_ignored(_rule(("调解室",), 1)) == frozenset({"调解", "人民调解"})
    assert coverage.may_overlap_ignored(_rule(("谁执法谁普法",), 1)) == frozenset({"执法", "行政执法", "普法"})
