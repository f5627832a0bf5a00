"""classify's first pass (blank lines and numbered headings) judges every line as the regexes it replaces
did (property tests): the white space at a line's start measured by str.lstrip instead of a regex match,
and a Chinese numeral's mark told from the character after it before the mark regex is asked."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.model import Line
from checker.parse import classify as c

SETTINGS = settings(max_examples=400, deadline=None)
# dense in what the tests look at: numerals, their marks, every kind of white space (what \s and
# str.isspace accept beyond _WS: line ends, \x1c, \x85, U+2028), words that follow a numeral
PIECES = [
    "一", "二", "十", "百", "零", "两", "〇", "十二", "一百零五", "）", ")", "、", "．", ".", "，", ",", ":", "：",
    " ", "\t", "\u3000", "\u00a0", "\u2002", "\u2003", "\u2009", "\u202f", "\u2028", "\x1c", "\x85", "\r", "\n", "\x0b",
    "是", "年", "方面", "来", "（", "(", "1", "12", "2024", "。", "总体情况", "加强领导",
]  # fmt: skip
text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=2)), max_size=10).map("".join)


@SETTINGS
@given(text, st.integers(min_value=0, max_value=4))
@example("一、", 0)
@example("一\u2028", 0)  # white space to str.isspace and to \s, not in _WS
@example("十二、", 0)
@example("二十是", 0)
@example("一", 0)
@example("一二", 0)
def test_a_numerals_mark_is_the_regexs(line, at):
    at = min(at, max(0, len(line) - 1))
    if not line or line[at] not in c._CN_FIRST:
        return  # _cn_marked is asked only at a numeral character
    assert c._cn_marked(line, at) == (c._CN_MARKED.match(line, at) is not None)


def plain_first_pass(lines):
    """classify's first pass as first written: the white space before the first character measured by
    the regex of _WS, then match_heading on every line that holds something else, a numeral's mark
    read by the mark regex alone."""
    kinds = ["BODY"] * len(lines)
    headings = {}
    fast = c._cn_marked
    c._cn_marked = lambda line, at: c._CN_MARKED.match(line, at) is not None
    try:
        for i, line in enumerate(lines):
            if c._WS_RUN.match(line.text).end() == len(line.text):
                kinds[i] = "BLANK"
                continue
            h = c.match_heading(line.text)
            if h is not None:
                kinds[i], headings[i] = "H", h
    finally:
        c._cn_marked = fast
    return kinds, headings


@SETTINGS
@given(st.lists(text, min_size=1, max_size=8))
@example(["", " ", "\u3000\u3000", "\u3000\u3000一、总体", "\u2028一、", "一\u2028总体", "十二 ．其他", "一是加强"])
def test_the_first_pass_judges_each_line_as_first_written(texts):
    lines = tuple(Line(n + 1, 0, t, len(t)) for n, t in enumerate(texts))
    assert c._blank_and_numbered(lines) == plain_first_pass(lines)
