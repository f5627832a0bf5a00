"""formats.common.display_width (a cached table per character) equals the width summed character by
character from the Unicode table."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.formats import common
from checker.formats.common import display_width


def plain_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from("a 1,，。汉字ｆＡ\u3000\t…—ﾊ한😀\u0301"), st.characters()), max_size=40))
def test_display_width_is_the_sum_of_each_characters_width(text):
    assert display_width(text) == plain_width(text)


def test_wide_and_narrow_characters():
    assert [display_width(t) for t in ("", "ab", "汉字", "a汉，", "ＡＢ", "ﾊ", "\u3000")] == [0, 2, 4, 5, 4, 1, 2]


def test_the_table_stays_bounded(monkeypatch):
    monkeypatch.setattr(common, "_WIDTHS", common._Widths())
    text = "".join(map(chr, range(0x4E00, 0x4E00 + 25000)))
    assert display_width(text) == plain_width(text)
    assert len(common._WIDTHS) <= 20001
