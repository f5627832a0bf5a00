"""substitution checks a source's token alignment by cutting only the part of its sentence that jieba
segments apart from the rest (substitution.jieba_window), not the whole sentence.  Property tests:
the window's token boundaries, there, are the sentence's, so every source is kept or left as before."""

from __future__ import annotations

import jieba
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.api import ruleset_for
from checker.config import Config
from checker.kinds import substitution
from checker.kinds._strings import JIEBA_BLOCK

WORDS = ("法制", "法治", "建设", "法制宣传", "党政负责人", "主要负责人", "依法", "行政", "政府", "第一责任人", "推进")
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(list("法制治建设党政负人主要依行府第一责推进，。、（）《》“” \t\r\n-._%+#&a1Zé—")),
)
SENTENCE = st.lists(PIECES, min_size=1, max_size=14).map("".join)


def _segmenter():
    rules = [r for r in ruleset_for(Config()).rules.values() if r.kind == "substitution" and r.params.token_aligned]
    return substitution.compiled(rules[0]).segmenter()


SEGMENTER = _segmenter()


@settings(max_examples=400, deadline=None)
@given(before=SENTENCE, sentence=SENTENCE, after=SENTENCE, data=st.data())
def test_the_window_has_the_sentences_boundaries_there(before, sentence, after, data):
    text = before + sentence + after
    s, e = len(before), len(before) + len(sentence)
    start = data.draw(st.integers(s, e - 1))
    end = data.draw(st.integers(start + 1, e))
    starts, ends = SEGMENTER.boundaries(text[s:e])
    ws, we = substitution.jieba_window(text, s, e, start, end)
    assert s <= ws <= start < end <= we <= e
    w_starts, w_ends = SEGMENTER.boundaries(text[ws:we])
    assert {p + ws for p in w_starts} == {p + s for p in starts if ws <= p + s < we}
    assert {p + ws for p in w_ends} == {p + s for p in ends if ws < p + s <= we}


def test_the_window_stops_at_the_punctuation_around_the_word():
    text = "一是推进法制宣传，二是党政负责人带头。"
    start = text.index("党政")
    assert substitution.jieba_window(text, 0, len(text), start, start + 5) == (text.index("二"), text.index("。"))
    assert substitution.jieba_window(text, 0, len(text), 2, 4) == (0, text.index("，"))


def test_the_block_characters_are_jiebas():
    assert (JIEBA_BLOCK.pattern, JIEBA_BLOCK.flags) == (jieba.re_han_default.pattern, jieba.re_han_default.flags)


@settings(max_examples=500, deadline=None)
@given(before=SENTENCE, sentence=SENTENCE, after=SENTENCE, data=st.data())
def test_the_window_found_by_blocks_is_the_one_found_step_by_step(before, sentence, after, data):
    text = (before + sentence + after).replace("\r", "")  # with a \r the window is found step by step
    s, e = len(before.replace("\r", "")), len(before.replace("\r", "")) + len(sentence.replace("\r", ""))
    if s == e:
        return
    start = data.draw(st.integers(s, e - 1))
    end = data.draw(st.integers(start + 1, e))
    assert substitution.jieba_window(text, s, e, start, end) == substitution._window_by_steps(text, s, e, start, end), (text, s, e, start, end)
