"""Empty part — a heading with no words, or a heading with nothing under it.

## What it checks
- ``what = "heading"``: a numbered heading that is only its number (三、 or （二）
  alone on a line), with or without text on the lines below.
- ``what = "body"``: a heading followed by no text at all: no run-in text after
  it, no body lines and no sub-parts before the next heading of the same or a
  higher level (or the end of the report).  Only headings down to level
  ``max_level`` are judged (default 2: 一、 and （一）): 1. and （1） items are
  often complete in themselves.  A heading line that ends with a full stop,
  semicolon or other sentence end is an item complete in itself
  (（一）开展普法活动20场。) and is not empty either.

## Why it matters
A numbered heading with nothing under it is a part the drafter meant to write
and did not, or a leftover of reorganising the outline; either way the report
is unfinished.

## Parameters
- ``what``: ``heading`` or ``body``.
- ``max_level`` (default 2): deepest heading level judged by ``body``.

## Placeholders
``{marker}`` the heading number as written, ``{heading}`` the heading text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Diagnostic
from . import _sections
from ._strings import ALL_SPACES
from .base import diagnostic

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "empty_part"
PLACEHOLDERS = ("marker", "heading")
_ITEM_END = ("。", "；", ";", "！", "!", "？", "?", "…")


@dataclass(frozen=True)
class Params:
    """What a rule of the ``empty_part`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    what: str = "body"
    max_level: int = 2


def validate(params: Params, ruleset) -> str:
    return "" if params.what in ("heading", "body") else "what 只能是 heading 或 body"


def is_empty(report, section) -> bool:
    if section.children or section.body_start_col >= 0 or section.items:
        return False
    for n in range(section.line + 1, section.end_line + 1):
        if report.outline.kinds[n - 1] != "BLANK" and report.line(n).text.strip(ALL_SPACES):
            return False
    return True


def check(report: Report, rule: Rule[Params]) -> list[Diagnostic]:
    if rule.params.what == "heading":
        return [
            diagnostic(rule, section.marker_span, marker=section.marker.strip(ALL_SPACES), heading="")
            for section in _sections.sections(report)
            if section.body_start_col < 0 and not section.heading.strip(ALL_SPACES)
        ]
    max_level = rule.params.max_level
    found = []
    for section in _sections.sections(report):
        if section.level > max_level or section.children or section.body_start_col >= 0 or section.items:
            continue  # too deep to judge, or something under it (is_empty's first test)
        if not section.heading.strip(ALL_SPACES):
            continue  # an empty heading is reported by what = "heading"
        line_text = report.line(section.line).text.rstrip(ALL_SPACES)
        if line_text.endswith(_ITEM_END):
            continue
        if is_empty(report, section):
            marker = section.marker.strip(ALL_SPACES)
            found.append(diagnostic(rule, report.heading_segment(section).span(), marker=marker, heading=section.heading))
    return found
