"""Scans of the checker's own that look for ASCII digits run on the `regex` engine (_regex.digit_scan:
twice as fast as ``re`` there).  Each must find exactly what the ``re`` pattern it replaced found, on
random and fixed texts; the whitespace class written out for it is ``re``'s ``\\s``."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.kinds import personal_data
from checker.kinds._regex import SPACE_CLASS

# (what the scan was with ``re``, what it is now)
REWRITES = [
    ("[0-9](?:" + "[0-9]" * 10 + r"|(?<=1)[3-9][0-9][-\s]" + "[0-9]" * 4 + ")", personal_data._CANDIDATE),
]
ALPHABET = "0123456789１３-+ \t\n\x1c\x1f\x85\u00a0\u2002\u3000\u180e号元年a"


def _spans(regex, text: str, pos: int = 0) -> list[tuple[int, int]]:
    return [m.span() for m in regex.finditer(text, pos)]


def test_the_space_class_is_what_re_calls_a_space():
    spaces = re.compile(f"[{SPACE_CLASS}]")
    assert [c for c in range(0x110000) if spaces.match(chr(c))] == [c for c in range(0x110000) if re.match(r"\s", chr(c))]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40), st.integers(0, 5))
def test_each_digit_scan_finds_what_the_re_pattern_found(text, pos):
    for old, new in REWRITES:
        assert _spans(new, text, pos) == _spans(re.compile(old), text, pos), (old, text)


@pytest.mark.parametrize(
    "text",
    ["13812345678", "138-1234-5678", "138 1234 5678", "138\x1c1234", "138\u30001234", "128 1234", "1381234567",
     "x13812345678901", "110101199003071234", "+86 139 1234 5678", "138\u180e1234"],
)
def test_each_digit_scan_on_fixed_texts(text):
    for old, new in REWRITES:
        assert _spans(new, text) == _spans(re.compile(old), text), (old, text)
