"""period reads a sentence without its quotation marks and finds a finding's columns in the sentence
from the marks taken out (property test against the table of every character's column it made before)."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.kinds import period

PIECES = st.sampled_from(["“", "”", '"', "‘", "’", "十四五", "八五", "普法", "开局之年", "2025年", "，", "。"])
_UNQUOTED = re.compile(f"[^{period._QUOTES}]+")


def plain_without_quotes(text: str) -> tuple[str, list[int]]:
    """without_quotes as first written: the text without its marks and the column of each character left."""
    kept, where = [], []
    for m in _UNQUOTED.finditer(text):
        kept.append(m.group())
        where.extend(range(m.start(), m.end()))
    where.append(len(text))
    return "".join(kept), where


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=2)), max_size=12).map("".join))
@example("“十四五”开局之年")
@example("“”")
@example('十四五"')
def test_the_columns_are_those_of_the_table(text):
    plain, marks = period.without_quotes(text)
    expected, where = plain_without_quotes(text)
    assert plain == expected
    assert [period.original_column(j, marks) for j in range(len(plain) + 1)] == where
