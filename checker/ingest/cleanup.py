"""Normalise newlines and strip Word/conversion leftovers, remembering what was removed.

A leftover such as ``[bookmark: _GoBack]`` in front of ``一、…`` would hide the
heading from the parser, so it is cut out of the line the parser sees and kept
as a :class:`~checker.model.Leftover` that the ``leftover`` rule kind reports.
Offsets stay those of the original text: each line keeps a shift table.
"""

from __future__ import annotations

import re

from ..limits import MAX_CHARS, MAX_LINE_CHARS, MAX_LINES, LimitExceeded
from ..model import Document, Leftover, Line
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
) -> Document:
    if len(text) > MAX_CHARS:  # before any copy of it is made
        check_size(text)
    if text.startswith("\ufeff"):
        text = text[1:]
        bom = True
    text, newline = normalise_newlines(encodable(text))
    check_size(text)
    traditional = looks_traditional(text[:20000])
    maybe_leftovers = _LEFTOVER_HINT.search(text) is not None
    lines: list[Line] = []
    leftovers: list[Leftover] = []
    start = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        # the rules read at most MAX_LINE_CHARS of a line (the file gets one FZ904 saying so)
        seen = raw if len(raw) <= MAX_LINE_CHARS else raw[:MAX_LINE_CHARS]
        clean, shifts, found = _strip_leftovers(seen, start) if maybe_leftovers else (seen, (), ())
        if traditional:
            clean = to_simplified(clean)
        leftovers.extend(found)
        lines.append(Line(number=number, start=start, text=clean, raw_length=len(raw), shifts=shifts))
        start += len(raw) + 1
    return Document(
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


def _strip_leftovers(raw: str, line_start: int) -> tuple[str, tuple[tuple[int, int], ...], list[Leftover]]:
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
