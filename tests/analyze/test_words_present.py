"""lookalike.words_present (one regex scan for many words) finds exactly the words a search of the
whole text for each finds, overlapping and nested words included (property test)."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.analyze.lookalike import words_present
from checker.wordtrie import trie_pattern

WORDS = ("会议强调", "强调指出", "会议", "议强", "自评", "自评得分", "得分", "分值", "扣分", "记者", "者")
text = st.lists(st.sampled_from([*WORDS, "会", "议", "强", "调", "指", "出", "自", "评", "得", "分", "值", "。", "x"]), max_size=20).map("".join)


@settings(max_examples=500, deadline=None)
@given(text, st.lists(st.sampled_from(WORDS), min_size=1, max_size=8, unique=True).map(tuple))
@example("会议强调指出", ("会议强调", "强调指出"))  # the second overlaps the first match
@example("自评得分", ("自评", "自评得分", "得分"))  # nested in the first, and a prefix of it
def test_the_words_found_are_those_in_the_text(text, words):
    assert words_present(text, words) == {w for w in words if w in text}


def test_a_word_and_a_near_miss():
    assert words_present("会议听取汇报。", ("会议听取", "会议强调")) == {"会议听取"}
    assert words_present("", ("会议",)) == frozenset()
    assert words_present("会议", ("", "会议")) == {"", "会议"}  # an empty word: each searched for


@settings(max_examples=500, deadline=None)
@given(text, st.lists(st.sampled_from([*WORDS, "会议强调指出", "评", "分值分", ".*", "("]), min_size=1, max_size=10, unique=True).map(tuple))
@example("自评得分会议强调", ("自评", "自评得分", "会议", "会议强调"))  # a word ends where a longer one goes on
def test_the_trie_matches_what_the_words_longest_first_match(text, words):
    """The scan's regex (a trie of the words) reports the matches of the plain alternation of the words,
    longest first: the same words at the same columns."""
    plain = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    trie = re.compile(trie_pattern(words))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
