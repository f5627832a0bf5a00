"""positions.LineIndex: span() is line_col() of each end (one search when both lie on one line)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.positions import LineIndex


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\n汉", max_size=30), st.integers(-3, 40), st.integers(-3, 40))
def test_span_is_line_col_of_each_end(text, start, end):
    index = LineIndex(text)
    assert index.span(start, end) == (*index.line_col(start), *index.line_col(end))


def test_line_col_is_one_based_and_clamped():
    index = LineIndex("ab\ncd")
    assert [index.line_col(n) for n in (-1, 0, 2, 3, 5, 9)] == [(1, 1), (1, 1), (1, 3), (2, 1), (2, 3), (2, 3)]
