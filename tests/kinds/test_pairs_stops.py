"""pairs finds the lines its whole-text pass stops on from the text's marks and newlines alone (a
charmap codec leaves the rest out, the simple pairs are then replaced away), not by running the
pass's regex over every character; a heading's own pass is told by the parity of the marks in its
number.  Property tests: on texts made of marks, apostrophes, NULs, plain characters and line ends,
both give exactly what the regex's pass gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.kinds import pairs

DEFAULT = pairs.Params(report="unpaired").pairs
PIECES = st.one_of(
    st.sampled_from(list("（）()“”‘’《》【】〔〕〈〉\n\x00文a")),
    st.sampled_from(["依法行政", "（说明)", "(社区）", "（一）", "《纲要》", "“放管服”", "“《纲要》”", "China’s", "（\n）", "〔2024〕"]),
    st.sampled_from(["《（）》", "【“”】", "(《》)", "〈（）〉", "“（《》）”", "（“”）", "“\x00”"]),  # nested either way
)
TEXT = st.lists(PIECES, max_size=30).map("".join)
PAIRS = st.sampled_from([DEFAULT, ("（）", "“”", "《》"), ("“”", "‘’"), ("()", "《》", "〈〉"), ("（）", "()"), ("（）", "𝄞文")])


def _regex_stops(pairs_: tuple[str, ...], text: str) -> set[int]:
    """The pass as the regex runs it over the whole text."""
    return {index + 1 for index in pairs._pass_stops(pairs._whole_skip(pairs_), text)}


@settings(max_examples=1500, deadline=None)
@given(text=TEXT, pairs_=PAIRS)
def test_the_marks_left_after_the_simple_pairs_are_where_the_pass_stops(text, pairs_):
    assert pairs._stops(pairs_, text) == _regex_stops(pairs_, text)


def test_stops_on_fixed_lines():
    text = "（依法行政）“放管服”\n（说明)\n“《纲要》”\n《纲要》(社区)\n（\n）\n‘引’China’s\n“放\x00管”（）"
    assert pairs._stops(DEFAULT, text) == {2, 3, 5, 6, 7}
    assert pairs.marks_and_line_ends(text, DEFAULT) == "（）“”\n（)\n“《》”\n《》()\n（\n）\n‘’’\n“\x00”（）"


def test_marks_without_a_codec_take_the_regex_pass():
    assert pairs._marks_codec(("（）", "𝄞文")) is None
    assert pairs._stops(("（）", "𝄞文"), "𝄞（文）\n（）") == {1}


HEADING = st.lists(st.sampled_from(["（", "）", "(", ")", "“", "”", "《", "》", "一", "四", "、", "依法"]), max_size=8).map("".join)


def _regex_heading_stops(skip, text: str, col: int) -> bool:
    """The heading's own pass as the regex ran it: over the number, then from the heading's text."""
    return skip.match(text, 0, col).end() != col and skip.match(text, col).end() < len(text)


@settings(max_examples=1500, deadline=None)
@given(number=HEADING, rest=HEADING, pairs_=PAIRS.filter(lambda p: pairs._whole_skip(p) is not None))
def test_a_headings_pass_stops_where_its_number_leaves_a_pair_open(number, rest, pairs_):
    text, col = number + rest, len(number)
    skip = pairs._whole_skip(pairs_)
    if col == 0 or skip.match(text).end() != len(text):
        return  # only a heading on a line the whole pass goes over is asked about
    open_ = pairs._number_leaves_a_pair_open(text, col, pairs._watch_re(pairs_))
    assert open_ == _regex_heading_stops(skip, text, col)
