"""Mixed forms — one heading level written two ways in one report.

## What it checks
For each heading level, the well-formed number forms in use: （三） beside (三), 1、 beside
1., （2） beside (2).  When a level uses more than one, every heading not in the expected
form is reported: the GB/T 9704 form when the report uses it at that level, otherwise the
form used most (the first one on a tie).  1． (full-width dot) counts as 1.  Broken
numbers listed in ``ignore_forms`` (（一 一） 一． 1）) are left to the malformed-number rule.
The fix rewrites the number; it is marked safe only when it changes bracket width alone.

## Why it matters
Mixed forms look careless and make the level of a heading ambiguous.

## Parameters
- ``ignore_forms``: forms this rule does not count (reported elsewhere).

## Placeholders
``{found}``: the number as written; ``{expected}``: the same number in the expected form;
``{what}``: 一级、二级…
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Diagnostic, Edit, Fix
from . import _sections
from ._outline_forms import CANONICAL, LEVEL_NAMES, family, render, width_only
from .base import diagnostic

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "mixed_forms"
PLACEHOLDERS = ("found", "expected", "what")


@dataclass(frozen=True)
class Params:
    """What a rule of the ``mixed_forms`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    ignore_forms: tuple[str, ...] = ("（一", "一）", "一．", "1）")


def _one_form(sections: list) -> bool:
    """Every heading of the level written in one form, so in one family: nothing to count."""
    return len({s.form for s in sections}) < 2


def check(report: Report, rule: Rule[Params]) -> list[Diagnostic]:
    ignore = rule.params.ignore_forms
    by_level: dict[int, list] = {}
    for section in _sections.sections(report):
        if section.number and section.form not in ignore:
            filed = by_level.get(section.level)
            if filed is None:
                by_level[section.level] = [section]
            else:
                filed.append(section)
    found = []
    for level, sections in sorted(by_level.items()):
        if _one_form(sections):
            continue
        counts = Counter(family(s.form) for s in sections)
        if len(counts) < 2:
            continue
        canonical = CANONICAL[level]
        if canonical in counts:
            expected_form = canonical
        else:
            best = max(counts.values())
            expected_form = next(family(s.form) for s in sections if counts[family(s.form)] == best)
        for section in sections:
            if family(section.form) == expected_form:
                continue
            marker = section.marker.strip()
            expected = render(expected_form, section.number)
            span = section.marker_span
            fix = Fix((Edit(span.start, span.end, expected),), "safe" if width_only(marker, expected) else "unsafe", f"改为“{expected}”")
            if section.marker != marker:  # keep surrounding spaces out of this edit
                fix = None
            found.append(diagnostic(rule, span, fix=fix, found=marker, expected=expected, what=LEVEL_NAMES[level]))
    return found
