"""Normalise newlines and strip Word/conversion leftovers, remembering what was removed.

A leftover such as ``[bookmark: _GoBack]`` in front of ``一、…`` would hide the
heading from the parser, so it is cut out of the line the parser sees and kept
as a :class:`~checker.model.Leftover` that the ``leftover`` rule kind reports.
Offsets stay those of the original text: each line keeps a shift table.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import fields
from itertools import accumulate, count, repeat
from operator import add

from ..limits import MAX_CHARS, MAX_LINE_CHARS, MAX_LINES, LimitExceeded
from ..model import Document, Leftover, Line, unfrozen_twin
from ..positions import made_by_reader
from .script import looks_traditional, to_simplified

# (kind, pattern).  Order matters only for overlapping matches (first wins).
LEFTOVER_PATTERNS: tuple[tuple[str, str], ...] = (
    ("bookmark", r"\[bookmark:[^\]\n]*\]"),
    ("broken-reference", r"错误[！!]\s*(?:未找到引用源|未定义书签|书签未定义|文档中没有指定样式的文字)[。.]?"),
    ("field-code", r"\{\s*(?:PAGE|NUMPAGES|HYPERLINK|REF|PAGEREF|TOC|SEQ|MERGEFORMAT|DATE)\b[^{}\n]*\}"),
    ("field-code", r"\\\*\s*MERGEFORMAT"),
    ("object-placeholder", r"\[(?:image|图片|picture|embedded object)[^\]\n]{0,40}\]"),
    ("control", r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]+"),
)
_LEFTOVER_RE = re.compile("|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(LEFTOVER_PATTERNS)))
# every leftover starts with one of these characters: texts without any skip the per-line search
_LEFTOVER_HINT = re.compile("[\\[{\\\\错\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Lone surrogates cannot be written in any encoding: a reader that let one through would crash every output.
_SURROGATE = re.compile(r"[\ud800-\udfff]")  # escapes, not the characters: the pattern itself stays encodable


def encodable(text: str) -> str:
    """``text`` with any lone surrogate replaced by U+FFFD, so that every output can write it."""
    if text.isascii() or _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub("\ufffd", text)


def check_size(text: str) -> None:
    """Refuse a text past the limits on characters and lines (see checker/limits.py)."""
    if len(text) > MAX_CHARS:
        raise LimitExceeded(f"文字超过 {MAX_CHARS:,} 字（共 {len(text):,} 字），不像一份年度报告，已跳过；请只提供报告本身")
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        raise LimitExceeded(f"超过 {MAX_LINES:,} 行（共 {lines:,} 行），不像一份年度报告，已跳过；请只提供报告本身")


def normalise_newlines(text: str) -> tuple[str, str]:
    if "\r" not in text:
        return text, "\n"
    newline = "\r\n" if "\r\n" in text else "\r"
    return text.replace("\r\n", "\n").replace("\r", "\n"), newline


def build_document(
    text: str,
    *,
    path: str,
    encoding: str = "utf-8",
    bom: bool = False,
    source: str = "text",
    locations: tuple[str, ...] = (),
    decoded: bool = False,
) -> Document:
    """The Document of ``text``; ``decoded``: the text is a strict decoding by a codec that never
    yields a lone surrogate (decode.STRICT_CODECS), so the search for one is skipped."""
    if len(text) > MAX_CHARS:  # before any copy of it is made
        check_size(text)
    if text.startswith("\ufeff"):
        text = text[1:]
        bom = True
    text, newline = normalise_newlines(text if decoded else encodable(text))
    check_size(text)
    traditional = looks_traditional(text[:20000])
    raws = text.split("\n")
    lengths = list(map(len, raws))
    if traditional or max(lengths) > MAX_LINE_CHARS:
        lines, leftovers = lines_one_by_one(text, raws, traditional)
    else:
        lines, leftovers = plain_lines(text, raws, lengths)
    doc = Document(
        path=path,
        text=text,
        lines=tuple(lines),
        encoding=encoding,
        newline=newline,
        bom=bom,
        leftovers=tuple(leftovers),
        source=source,
        locations=locations,
    )
    made_by_reader(doc)
    return doc


def plain_lines(
    text: str, raws: list[str], lengths: list[int], hints: list[int] | None = None
) -> tuple[list[Line], list[Leftover]]:
    """The lines of a text in simplified characters with no line over MAX_LINE_CHARS: each line as it
    is, built in one pass, then the few lines holding a leftover's first character searched and cut
    (every leftover starts with one: _LEFTOVER_HINT; ``hints``: where they are, when already found).
    The same as :func:`lines_one_by_one`."""
    starts = list(map(add, accumulate(lengths, initial=0), count()))  # each line's length and newline before it
    lines = new_lines(starts, raws, lengths)
    leftovers: list[Leftover] = []
    hinted = [m.start() for m in _LEFTOVER_HINT.finditer(text)] if hints is None else hints
    k, n = 0, len(hinted)
    while k < n:  # the lines holding a hint, each with its hints' columns
        i = bisect_right(starts, hinted[k]) - 1
        start = starts[i]
        stop = start + lengths[i]
        cols = []
        while k < n and hinted[k] < stop:
            cols.append(hinted[k] - start)
            k += 1
        if not cols:  # a hint at the newline after the line (no hint character is one; the test's "." is)
            k += 1
            continue
        clean, shifts, found = _strip_at(raws[i], start, cols)
        if found:
            lines[i] = Line(number=i + 1, start=start, text=clean, raw_length=lengths[i], shifts=shifts)
            leftovers.extend(found)
    return lines, leftovers


_LINE_FIELDS = ("number", "start", "text", "raw_length", "shifts")
# Line is frozen: its __init__ sets each field through object.__setattr__, a Python call per field and
# line; new_lines fills a twin of its slots instead (only while Line has exactly these fields)
_LINES_TWINNED = tuple(f.name for f in fields(Line)) == _LINE_FIELDS and getattr(Line, "__slots__", None) == _LINE_FIELDS


_LineSlots = unfrozen_twin(Line) if _LINES_TWINNED else None


def new_lines(starts: list[int], raws: list[str], lengths: list[int]) -> list[Line]:
    """``[Line(n, start, raw, length) for each line]``, numbered from 1, without leftovers: each made
    as a _LineSlots and turned into a Line, half the cost of setting a frozen Line's slots through
    their descriptors (tests/ingest/test_cleanup_prefilter.py holds the two equal)."""
    if not _LINES_TWINNED:
        return list(map(Line, count(1), starts, raws, lengths, repeat(())))
    lines = []
    append = lines.append
    for number, start, raw, length in zip(count(1), starts, raws, lengths):
        line = _LineSlots()
        line.number = number
        line.start = start
        line.text = raw
        line.raw_length = length
        line.shifts = ()
        line.__class__ = Line  # type: ignore[assignment]
        append(line)
    return lines  # type: ignore[return-value]


def lines_one_by_one(text: str, raws: list[str], traditional: bool) -> tuple[list[Line], list[Leftover]]:
    """The lines of any text: each cut to MAX_LINE_CHARS (the rules read no more; the file gets one
    FZ906 saying so), its leftovers cut out, then read as simplified characters if ``traditional``."""
    hints = [m.start() for m in _LEFTOVER_HINT.finditer(text)]  # only lines holding one are searched
    hints.append(len(text) + 1)
    next_hint = 0
    lines: list[Line] = []
    leftovers: list[Leftover] = []
    start = 0
    for number, raw in enumerate(raws, start=1):
        end = start + len(raw)
        while hints[next_hint] < start:
            next_hint += 1
        seen = raw if end - start <= MAX_LINE_CHARS else raw[:MAX_LINE_CHARS]
        if hints[next_hint] < end:
            seen, shifts, found = _strip_leftovers(seen, start)
            leftovers.extend(found)
        else:
            shifts = ()
        text_seen = to_simplified(seen) if traditional else seen
        lines.append(Line(number=number, start=start, text=text_seen, raw_length=end - start, shifts=shifts))
        start = end + 1
    return lines, leftovers


def _strip_at(raw: str, line_start: int, cols: list[int]) -> tuple[str, tuple[tuple[int, int], ...], list[Leftover]]:
    """:func:`_strip_leftovers` of a line whose hint characters are at ``cols`` (ascending): a leftover
    is tried only where one can start (every leftover starts with a hint character), not at each
    column from the first on as a search of _LEFTOVER_RE does (its alternatives open with groups, so
    sre has no first-character set to skip by)."""
    parts: list[str] = []
    shifts: list[tuple[int, int]] = []
    found: list[Leftover] = []
    last = 0
    clean_len = 0
    match = _LEFTOVER_RE.match
    for col in cols:
        if col < last:  # inside the leftover just cut
            continue
        m = match(raw, col)
        if m is None:
            continue
        at, end = m.span()
        parts.append(raw[last:at])
        clean_len += at - last
        shifts.append((clean_len, end - at))
        found.append(Leftover(line_start + at, line_start + end, m.group(), LEFTOVER_PATTERNS[int(m.lastgroup[1:])][0]))
        last = end
    if not found:
        return raw, (), []
    parts.append(raw[last:])
    return "".join(parts), tuple(shifts), found


def _strip_leftovers(raw: str, line_start: int) -> tuple[str, tuple[tuple[int, int], ...], list[Leftover]]:
    """``raw`` without its leftovers, the shifts that map it back, and the leftovers."""
    if not raw or _LEFTOVER_RE.search(raw) is None:
        return raw, (), []
    parts: list[str] = []
    shifts: list[tuple[int, int]] = []
    found: list[Leftover] = []
    last = 0
    clean_len = 0
    for m in _LEFTOVER_RE.finditer(raw):
        parts.append(raw[last : m.start()])
        clean_len += m.start() - last
        kind = LEFTOVER_PATTERNS[int(m.lastgroup[1:])][0]
        shifts.append((clean_len, m.end() - m.start()))
        found.append(Leftover(line_start + m.start(), line_start + m.end(), m.group(), kind))
        last = m.end()
    parts.append(raw[last:])
    return "".join(parts), tuple(shifts), found
