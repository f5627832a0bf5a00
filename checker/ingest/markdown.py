"""Markdown reports: hide the markup that would hide a heading from the parser.

``# 一、主要举措`` and ``**（一）加强领导**`` are headings to a reader; the parser
sees ``一、`` only at the start of a line.  The markers are removed from the
cleaned line text (``Line.text``) through the line's shift table, exactly as
leftovers are, so ``Document.text`` stays the file as written and every
column still points into the original file.

Removed: ATX heading markers (up to three spaces, 1–6 ``#``, then a space; and
a closing ``#`` run), bold/underline markers wrapping the start of a line
(``**…**``, ``__…__``), and setext underlines (``===`` / ``---`` lines).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Document, Line

_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-{3,})[ \t]*$")
_STRONG = re.compile(r"^(\*\*|__)(?=\S)")


def looks_like_markdown(text: str) -> bool:
    """A text with at least one ATX heading line (``# …``): a plain report never starts a line so."""
    return any(_ATX.match(line) and line.strip("# \t") for line in text.split("\n"))


def strip_markdown(doc: Document) -> Document:
    lines = tuple(_strip_line(line) for line in doc.lines)
    raw = doc.text.split("\n")
    # ATX heading depth per line: an unnumbered "## 带头学法述法" is still a heading to the parser
    levels = tuple(_atx_level(raw[line.number - 1]) for line in doc.lines)
    return replace(doc, lines=lines, source="markdown", style_levels=levels if any(levels) else ())


def _atx_level(text: str) -> int:
    m = _ATX.match(text)
    return text.lstrip(" ").count("#", 0, m.end()) if m and text.strip("# \t") else 0


def _strip_line(line: Line) -> Line:
    text = line.text
    shifts = list(line.shifts)
    if _SETEXT.match(text):
        return replace(line, text="", shifts=tuple(_remove(shifts, 0, len(text))))
    m = _ATX.match(text)
    if m:
        shifts = _remove(shifts, 0, m.end())
        text = text[m.end() :]
        close = _ATX_CLOSE.search(text)
        if close:
            text = text[: close.start()]
    m = _STRONG.match(text)
    if m:
        marker = m.group(1)
        end = text.find(marker, 2)
        if end != -1:
            shifts = _remove(shifts, 0, 2)
            shifts = _remove(shifts, end - 2, 2)
            text = text[2:end] + text[end + 2 :]
    if text == line.text:
        return line
    return replace(line, text=text, shifts=tuple(sorted(shifts)))


def _remove(shifts: list[tuple[int, int]], at: int, count: int) -> list[tuple[int, int]]:
    """Shift table after removing ``count`` cleaned characters at cleaned column ``at``.

    ``Line.offset`` adds every ``removed`` whose column is at or before the
    asked column; entries after the cut move left by ``count`` (never before it).
    """
    out = [(a, r) if a < at else (max(a - count, at), r) for a, r in shifts]
    out.append((at, count))
    return sorted(out)
