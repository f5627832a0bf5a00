"""A document's lines' text joined, each line after a \\n, made once per document.

Several parts of the parse and analyze stages read every line's text (the run-in items' scan, the
attachment list's first character, the look-alike documents' body words): each would join the lines
anew, which for a report of a few thousand characters costs as much as the scan that follows. The
joined text of the latest lines asked for is kept (one report's worth of memory)."""

from __future__ import annotations

from ..model import Line

_LATEST: tuple[object, str] = (None, "")  # (the lines, their joined text); None: no lines asked for yet


def joined_text(lines: tuple[Line, ...]) -> str:
    """``"\\n" + "\\n".join(line.text for line in lines)``: each line's text after a \\n (a line that holds
    a \\n itself makes more \\n than lines: callers that count on one per line check the count)."""
    latest = _LATEST  # read once: another thread may replace it, never change it
    if latest[0] is lines:
        return latest[1]
    joined = "\n" + "\n".join([line.text for line in lines])
    _remember((lines, joined))
    return joined


def _remember(entry: tuple[object, str]) -> None:
    global _LATEST
    _LATEST = entry
