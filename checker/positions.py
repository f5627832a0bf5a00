"""Offsets ↔ 1-based line/column.  The only place that converts between them."""

from __future__ import annotations

from bisect import bisect_right


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

    def line_col(self, offset: int) -> tuple[int, int]:
        if not 0 <= offset <= self._length:  # clamped (a comparison is cheaper than min/max calls)
            offset = 0 if offset < 0 else self._length
        starts = self._starts
        line = bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    @property
    def line_count(self) -> int:
        return len(self._starts)
