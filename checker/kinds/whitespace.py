"""Whitespace — invisible spaces where a finished document has none.

## What it checks
- ``where = "trailing"``: spaces, tabs, full-width spaces or NBSP at the end of
  a line with text (and, with ``blank_lines = true``, lines of nothing but spaces).
- ``where = "leading"``: spaces at the start of a line, unless they are one of
  ``allowed_indents`` (two full-width spaces, the plain-text form of a 2-character
  first-line indent) or the indentation most lines of the report share
  (``majority`` of the indented-or-not lines): consistent indentation is a style,
  a few lines indented differently are copy-and-paste debris.
- ``where = "inside"``: special space characters inside a line — NBSP, en/em
  and thin spaces — which look like nothing or like an ordinary space but break
  search, line wrapping and conversion.  Ordinary and full-width spaces between
  words are the punctuation rules' business.

Every finding carries a safe fix: delete the run (``inside``: a special space
between two Latin letters or digits becomes an ordinary space).

## Why it matters
Invisible characters survive into the published text and into the county's
systems; they are the typical remains of copying from a web page or a PDF.

## Parameters
- ``where``: ``trailing``, ``leading`` or ``inside``.
- ``blank_lines`` (default false): also report lines containing only spaces (``trailing``).
- ``allowed_indents`` (default two full-width spaces): accepted indentation (``leading``).
- ``majority`` (default 0.6): share of lines above which an indentation counts as the report's style.

## Placeholders
``{chars}``: what the run is made of (半角空格×4、不间断空格（NBSP）×1).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Diagnostic, Edit, Fix, Span
from ._strings import ALL_SPACES, SPECIAL_SPACES, describe_spaces
from .base import diagnostic

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "whitespace"
PLACEHOLDERS = ("chars",)

_SPACE_CLASS = "[" + re.escape(ALL_SPACES) + "]"
_TRAILING = re.compile(_SPACE_CLASS + "+$")
_LEADING = re.compile("^" + _SPACE_CLASS + "+")
_INSIDE = re.compile("[" + re.escape(SPECIAL_SPACES) + "]+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ZH_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕…—·"


@dataclass(frozen=True)
class Params:
    where: str = "trailing"
    blank_lines: bool = False
    allowed_indents: tuple[str, ...] = ("\u3000\u3000",)
    majority: float = 0.6


def validate(params: Params, ruleset) -> str:
    if params.where not in ("trailing", "leading", "inside"):
        return "where 只能是 trailing、leading 或 inside"
    if not 0.5 <= float(params.majority) <= 1.0:
        return "majority 应在 0.5 到 1 之间"
    return ""


def _fix(start: int, end: int, replacement: str = "") -> Fix:
    return Fix((Edit(start, end, replacement),), "safe", "删除多余空白" if not replacement else "改为普通空格")


def check(report: Report, rule: Rule[Params]) -> Iterator[Diagnostic]:
    p = rule.params
    lines = report.doc.lines
    if p.where == "trailing":
        for line in lines:
            text = line.text
            end = len(text.rstrip(ALL_SPACES))  # where the trailing run starts: search only there
            m = _TRAILING.search(text, end) if end < len(text) else None
            if m is None or (m.start() == 0 and not p.blank_lines):
                continue
            start, end = line.offset(m.start()), line.offset(m.end())
            yield diagnostic(rule, Span(start, end), fix=_fix(start, end), chars=describe_spaces(m.group()))
        return
    if p.where == "leading":
        texts = [line.text for line in lines if line.text.strip(ALL_SPACES)]
        indents = Counter(_indent(t) for t in texts)
        style = {i for i, n in indents.items() if texts and n / len(texts) >= p.majority}
        allowed = {"", *p.allowed_indents, *style}
        for line in lines:
            if not line.text.strip(ALL_SPACES):
                continue
            indent = _indent(line.text)
            if indent in allowed:
                continue
            start, end = line.offset(0), line.offset(len(indent))
            yield diagnostic(rule, Span(start, end), fix=_fix(start, end), chars=describe_spaces(indent))
        return
    for line in lines:
        text = line.text
        core = text.strip(ALL_SPACES)
        if not core:
            continue
        first = len(text) - len(text.lstrip(ALL_SPACES))
        last = first + len(core)
        for m in _INSIDE.finditer(text, first, last):
            before, after = text[m.start() - 1], text[m.end()] if m.end() < len(text) else ""
            if _stray_space_context(m.group(), before, after):
                continue
            latin = before.isascii() and before.isalnum() and after.isascii() and after.isalnum()
            start, end = line.offset(m.start()), line.offset(m.end())
            yield diagnostic(rule, Span(start, end), fix=_fix(start, end, " " if latin else ""), chars=describe_spaces(m.group()))


def _cjk(ch: str) -> bool:
    return bool(_HAN.match(ch)) or ch in _ZH_PUNCT


def _stray_space_context(run: str, before: str, after: str) -> bool:
    """NBSP where the punctuation rule FZ406 (stray-space) already reports it: between
    Chinese characters or punctuation, or between a Chinese character and a digit."""
    if set(run) != {"\u00a0"} or not before or not after:
        return False
    if _cjk(before) and _cjk(after):
        return True
    return (_HAN.match(before) is not None and after.isdigit()) or (before.isdigit() and _HAN.match(after) is not None)


def _indent(text: str) -> str:
    m = _LEADING.match(text)
    return m.group() if m else ""
