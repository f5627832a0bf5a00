"""Normalise newlines and strip Word/conversion leftovers, remembering what was removed.

A leftover such as ``[bookmark: _GoBack]`` in front of ``一、…`` would hide the
heading from the parser, so it is cut out of the line the parser sees and kept
as a :class:`~checker.model.Leftover` that the ``leftover`` rule kind reports.
Offsets stay those of the original text: each line keeps a shift table.
"""

from __future__ import annotations

import re

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
    if text.startswith("\ufeff"):
        text = text[1:]
        bom = True
    text, newline = normalise_newlines(text)
    traditional = looks_traditional(text[:20000])
    maybe_leftovers = _LEFTOVER_HINT.search(text) is not None
    lines: list[Line] = []
    leftovers: list[Leftover] = []
    start = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        clean, shifts, found = _strip_leftovers(raw, start) if maybe_leftovers else (raw, (), ())
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
