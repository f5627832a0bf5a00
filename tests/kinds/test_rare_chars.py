"""The report's rare characters (checker/kinds/_rare_chars.py), read by pairs and whitespace (inside)
before anything else: the codec keeps exactly the characters of KEPT, in order, and a kind's table
exactly those it asks for.  Property test on texts rich in them, in their neighbours (the characters
sharing a low byte, which a search with memchr trips on) and in characters beyond the BMP."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.kinds import _rare_chars
from checker.kinds._rare_chars import KEPT, PAIR_MARKS, encode_rare, holds_any, keep
from checker.kinds._strings import SPECIAL_SPACES

CHARS = KEPT + "\x00\t \u3000\u200b\u2028\u1680。、〈〉「」\ufffe\uffff\u00ff\u0100文a1𝄞\ud800"
TEXT = st.one_of(st.text(alphabet=CHARS, max_size=60), st.text(max_size=60))
WANTED = st.sampled_from(["\n" + PAIR_MARKS, SPECIAL_SPACES, "\n“”", "（）()", "\u00a0"])


@settings(max_examples=1500, deadline=None)
@given(text=TEXT, wanted=WANTED)
def test_the_kept_characters_are_those_of_the_text_in_order(text, wanted):
    rare = encode_rare(text)
    assert keep(rare, wanted) == "".join(ch if ch in wanted else "\x00" for ch in text if ch in KEPT or ch == "\x00")
    assert keep(rare, KEPT).replace("\x00", "") == "".join(ch for ch in text if ch in KEPT)
    assert holds_any(rare, wanted) == any(ch in text for ch in wanted)


def test_nul_is_kept_by_the_codec_and_read_as_nothing():
    assert encode_rare("a\x00“b\u00a0") == b"\x00\x06\x10"
    assert keep(b"\x00\x06\x10", "“") == "\x00“\x00"
    assert not holds_any(b"\x00\x06", SPECIAL_SPACES) and holds_any(b"\x00\x06\x10", SPECIAL_SPACES)


def test_the_codec_is_charmaps_fast_map():
    assert type(_rare_chars._ENCODING).__name__ == "EncodingMap"  # a dict is several times slower
