"""Shared helpers of the text-scanning kinds (pattern, pairs, consistent_symbol): which
parts of which lines they read, what they skip, and minimal edits for a replacement.

Not a kind: it has no ``KIND`` and is not in the registry.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Edit, Line

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
ZH_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕…—·"
# Macros a pattern may use inside or outside a character class: [{han}{zhpunct}]
MACROS = {"{han}": HAN, "{zhpunct}": re.escape(ZH_PUNCT)}
# Line kinds a text rule reads by default (META: web-page metadata copied before the title).
DEFAULT_SCOPE = ("TITLE", "SALUTATION", "BODY", "H", "SIGN", "DATE")
# Linear: an e-mail address starts only where a word starts and its parts are bounded (RFC 5321:
# 64 characters before the @, 63 per domain label), so a long run of letters is not rescanned from
# every position in it (that was quadratic: 80 KB of letters took over half a minute).
_URL_RE = re.compile(
    r"(?:https?://|ftp://|www\.)[!-~]+|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}(?![\w-])",
    re.ASCII,
)


def expand_macros(pattern: str) -> str:
    for name, value in MACROS.items():
        pattern = pattern.replace(name, value)
    return pattern


@dataclass(frozen=True, slots=True)
class Region:
    """The part of a line a text rule reads: from ``col`` (0-based, cleaned) to the end."""

    line: Line
    col: int

    @property
    def text(self) -> str:
        return self.line.text


def clean_text(report) -> str:
    """The cleaned lines joined by newlines, once per report: a cheap whole-text pre-check for rules."""
    text = report.__dict__.get("_clean_text")
    if text is None:
        text = report.__dict__["_clean_text"] = "\n".join(line.text for line in report.doc.lines)
    return text


def matching_lines(report, regex) -> set[int]:
    """Numbers of the lines on which ``regex`` matches, from one scan of :func:`clean_text`.  Only for
    a regex that cannot match across a line end (a table of words without newlines): then every line
    holding an occurrence holds a match of the scan, even where matches overlap."""
    text = clean_text(report)
    starts = report.__dict__.get("_line_starts")
    if starts is None:
        starts, at = [], 0
        for line in report.doc.lines:
            starts.append(at)
            at += len(line.text) + 1
        report.__dict__["_line_starts"] = starts
    return {bisect_right(starts, m.start()) for m in regex.finditer(text)}


def regions(report, scope: tuple[str, ...] = DEFAULT_SCOPE) -> Iterator[Region]:
    """Every non-blank line of a kind in ``scope``; a heading is read from its text, not its number
    (the numbering rules own the number and the space after it)."""
    cache = report.__dict__.setdefault("_regions", {})  # many text rules walk the same regions
    found = cache.get(scope)
    if found is None:
        heading_col = {s.line: s.heading_col for s in report.outline.walk()}
        kinds = report.outline.kinds
        found = cache[scope] = tuple(
            Region(line, heading_col.get(line.number, 0) if kinds[line.number - 1] == "H" else 0)
            for line in report.doc.lines
            if kinds[line.number - 1] in scope and line.text.strip()
        )
    return iter(found)


def enclosed_ranges(text: str, pairs: tuple[str, ...]) -> list[tuple[int, int]]:
    """Column ranges strictly inside each closed pair (e.g. the title inside 《…》), nesting-aware.
    An opener without its closer on the line encloses nothing."""
    ranges: list[tuple[int, int]] = []
    for pair in pairs:
        if len(pair) != 2:
            continue
        opener, closer = pair
        stack: list[int] = []
        for i, ch in enumerate(text):
            if ch == opener and opener != closer:
                stack.append(i)
            elif ch == closer and stack:
                start = stack.pop()
                if not stack:
                    ranges.append((start + 1, i))
    return ranges


def url_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _URL_RE.finditer(text)]


def overlaps(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start < r_end and r_start < max(end, start + 1) for r_start, r_end in ranges)


def minimal_edits(offset: int, old: str, new: str) -> tuple[Edit, ...]:
    """The smallest edits turning ``old`` (at ``offset``) into ``new``: unchanged characters are
    never part of an edit, so a fix cannot touch the words around a punctuation mark."""
    if old == new:
        return ()
    import difflib

    edits = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            edits.append(Edit(offset + i1, offset + i2, new[j1:j2]))
    return tuple(edits)


def span_is_plain(line: Line, start: int, end: int) -> bool:
    """True when no leftover was cut out of columns [start, end): an edit there maps 1:1 to the text."""
    return line.offset(end) - line.offset(start) == end - start


def shorten(text: str, limit: int = 16) -> str:
    return text if len(text) <= limit else text[: limit // 2] + "…" + text[-(limit // 2) :]
