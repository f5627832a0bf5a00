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
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Diagnostic, Edit, Fix, Span
from ._rare_chars import holds_any, rare_chars
from ._strings import ALL_SPACES, SPECIAL_SPACES, describe_spaces
from ._textscan import clean_text, line_starts, lines_touched
from .base import diagnostic

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "whitespace"
PLACEHOLDERS = ("chars",)

_SPACE_CLASS = "[" + re.escape(ALL_SPACES) + "]"
_TRAILING = re.compile(_SPACE_CLASS + "+$")
_INDENT = re.compile(_SPACE_CLASS + "+")
# In the lines joined by newlines: a line end after a space, and the spaces after a line start.  A
# scan for the newline character is ten times faster than one for a class of characters.
_SPACE_THEN_NEWLINE = re.compile(r"\n(?<=" + _SPACE_CLASS + r"\n)")
_NEWLINE_THEN_SPACES = re.compile(r"\n(" + _SPACE_CLASS + "+)")
# In the lines joined by newlines: the spaces a line opens with and the character after them (none
# at the end, a newline for a line of spaces only).  It opens with the newline character (a fast
# scan; ``^`` with MULTILINE is tried at every position) for the lines after the first;
# the first line's is matched at the text's start.
_INDENT_AND_NEXT = re.compile(f"\n({_SPACE_CLASS}+)(?=(.?))", re.DOTALL)
_FIRST_INDENT_AND_NEXT = re.compile(f"({_SPACE_CLASS}+)(?=(.?))", re.DOTALL)  # the first line's, matched at 0
_INSIDE = re.compile(f"[{re.escape(SPECIAL_SPACES)}][{re.escape(SPECIAL_SPACES)}]*")  # a class first: a fast scan
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ZH_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕…—·"


@dataclass(frozen=True)
class Params:
    """What a rule of the ``whitespace`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
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


def check(report: Report, rule: Rule[Params]) -> list[Diagnostic] | tuple[()]:
    """The findings as a list (or () for none): no generator made and resumed for a rule that finds
    nothing, the common case."""
    if rule.params.where == "trailing":
        return _trailing(report, rule)
    if rule.params.where == "leading":
        return _leading(report, rule)
    return _inside(report, rule)


def _trailing(report: Report, rule: Rule[Params]) -> list[Diagnostic]:
    lines = report.doc.lines
    found = []
    for number in _ending_in_space(report):
        line = lines[number - 1]
        text = line.text
        end = len(text.rstrip(ALL_SPACES))  # where the trailing run starts: search only there
        m = _TRAILING.search(text, end) if end < len(text) else None
        if m is None or (m.start() == 0 and not rule.params.blank_lines):
            continue
        start, end = line.offset(m.start()), line.offset(m.end())
        found.append(diagnostic(rule, Span(start, end), fix=_fix(start, end), chars=describe_spaces(m.group())))
    return found


def _leading(report: Report, rule: Rule[Params]) -> list[Diagnostic] | tuple[()]:
    p = rule.params
    lines = report.doc.lines
    indents, blank_lines = _indent_counts(report)
    if all(indent in p.allowed_indents for indent in indents):  # no line with text indented otherwise
        return ()
    written = len(lines) - [line.text for line in lines].count("") - blank_lines
    indents[""] = written - sum(indents.values())  # lines with text and no indent
    style = {i for i, n in indents.items() if written and n / written >= p.majority}
    allowed = {"", *p.allowed_indents, *style}
    if all(indent in allowed for indent in indents):  # every indent of a line with text is allowed
        return ()
    indented = [(n, indent, len(indent) == len(lines[n - 1].text)) for n, indent in _indents(report)]  # blank?
    found = []
    for number, indent, blank in indented:
        if blank or indent in allowed:
            continue
        line = lines[number - 1]
        start, end = line.offset(0), line.offset(len(indent))
        found.append(diagnostic(rule, Span(start, end), fix=_fix(start, end), chars=describe_spaces(indent)))
    return found


def _ending_in_space(report: Report) -> list[int]:
    """Numbers of the lines that end with a space, from one scan of the whole text."""
    text = clean_text(report)
    first = _SPACE_THEN_NEWLINE.search(text)  # most reports have none: no generator made
    found = [] if first is None else lines_touched(report, _SPACE_THEN_NEWLINE.finditer(text, first.start()))
    if text[-1:] and text[-1] in ALL_SPACES:
        found.append(len(report.doc.lines))
    return found


def _indent_counts(report: Report) -> tuple[Counter, int]:
    """How many lines with text start with each indent, and how many lines are only spaces: from one
    scan of the whole text (the line numbers are looked for only when an indent is wrong)."""
    indents: Counter = Counter()
    blank = 0
    text = clean_text(report)
    found = _INDENT_AND_NEXT.findall(text)  # the lines after the first
    first = _FIRST_INDENT_AND_NEXT.match(text)
    if first is not None:
        found.append(first.groups())
    for indent, after in found:
        if after and after != "\n":
            indents[indent] += 1
        else:
            blank += 1
    return indents, blank


def _indents(report: Report) -> list[tuple[int, str]]:
    """(line number, leading spaces) of each line that starts with a space, from one scan."""
    text = clean_text(report)
    first = [(1, m.group())] if (m := _INDENT.match(text)) else []
    starts = line_starts(report)
    return first + [(bisect_right(starts, m.start(1)), m.group(1)) for m in _NEWLINE_THEN_SPACES.finditer(text)]


def _inside(report: Report, rule: Rule[Params]) -> list[Diagnostic] | tuple[()]:
    if not holds_any(rare_chars(report), SPECIAL_SPACES):  # most reports: see _rare_chars
        return ()
    text = clean_text(report)
    lines = report.doc.lines
    found = []
    for number in lines_touched(report, _INSIDE.finditer(text)):  # the lines holding one
        line = lines[number - 1]
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
            found.append(diagnostic(rule, Span(start, end), fix=_fix(start, end, " " if latin else ""), chars=describe_spaces(m.group())))
    return found


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
