"""Offsets ↔ 1-based line/column.  The only place that converts between them."""

from __future__ import annotations

from bisect import bisect_right
from operator import attrgetter


class LineIndex:
    """Maps character offsets in a text to 1-based (line, column)."""

    __slots__ = ("_starts", "_length")

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts
        self._length = len(text)

    @classmethod
    def of(cls, doc) -> LineIndex:
        """The index of ``doc.text``; taken from where its lines start when ``doc`` is the Document a
        reader made last (see :func:`made_by_reader`), a twentieth of the cost of finding the newlines."""
        if doc is not _MADE_BY_READER[0]:
            return cls(doc.text)
        index = object.__new__(cls)
        index._starts = list(map(_START, doc.lines))
        index._length = len(doc.text)
        return index

    def line_col(self, offset: int) -> tuple[int, int]:
        if not 0 <= offset <= self._length:  # clamped (a comparison is cheaper than min/max calls)
            offset = 0 if offset < 0 else self._length
        starts = self._starts
        line = bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end line, end column) of the span ``start``–``end``: ``line_col`` of each
        end, with one search when both lie on the same line (a finding's usual span)."""
        length, starts = self._length, self._starts
        if not 0 <= start <= length:
            start = 0 if start < 0 else length
        if not 0 <= end <= length:
            end = 0 if end < 0 else length
        line = bisect_right(starts, start)
        if start <= end and (line == len(starts) or end < starts[line]):
            end_line = line
        else:
            end_line = bisect_right(starts, end)
        return line, start - starts[line - 1] + 1, end_line, end - starts[end_line - 1] + 1

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    @property
    def line_count(self) -> int:
        return len(self._starts)


_START = attrgetter("start")
_MADE_BY_READER: list = [None]  # the Document a reader made last (only that one: no text kept longer)


def made_by_reader(doc) -> None:
    """Note ``doc`` as a reader's Document (checker/ingest): its lines are its text cut at each newline,
    each starting just after one (a Document is frozen: it stays so), so LineIndex.of takes their starts."""
    _MADE_BY_READER[0] = doc
