"""A document's lines' text joined, each line after a \\n, made once per document.

Several parts of the parse and analyze stages read every line's text (the run-in items' scan, the
attachment pass's 附, the look-alike documents' body words): each would join the lines anew, which
for a report of a few thousand characters costs as much as the scan that follows.  The joined text
of the latest lines asked for is kept (one report's worth of memory), with whether it holds one
\\n per line (no line's text holds one), which the run-in scan counts on."""

from __future__ import annotations

from ..model import Line

# (the lines, their joined text, whether no line's text holds a \n); None: no lines asked for yet
_LATEST: tuple[object, str, bool] = (None, "", True)


def joined_text(lines: tuple[Line, ...]) -> str:
    """``"\\n" + "\\n".join(line.text for line in lines)``: each line's text after a \\n (a line that holds
    a \\n itself makes more \\n than lines: callers that count on one per line ask :func:`one_break_per_line`)."""
    latest = _LATEST  # read once: another thread may replace it, never change it
    if latest[0] is lines:
        return latest[1]
    return _join(lines)[1]


def one_break_per_line(lines: tuple[Line, ...]) -> bool:
    """Whether no line's text holds a \\n (then ``joined_text(lines)`` holds one per line, before it).
    Found when the lines are joined, by a search of their texts put together for a \\n (a character
    search costs less than counting the joined text's \\n)."""
    latest = _LATEST
    if latest[0] is lines:
        return latest[2]
    return _join(lines)[2]


def _join(lines: tuple[Line, ...]) -> tuple[object, str, bool]:
    global _LATEST
    texts = [line.text for line in lines]
    entry = _LATEST = (lines, "\n" + "\n".join(texts), "\n" not in "".join(texts))
    return entry
