"""Year relation — the part playing ROLE must name the report year + OFFSET.

## What it checks
In the headings of the parts carrying ``role`` (and of their sub-parts), every
four-digit year must equal the report year + ``offset``.  In their body, a
sentence that sets out future work (将、计划、拟、要 …) right after a year must
name that year too; years inside 《》 and ranges such as 2021—2025年 are ignored.

## Why it matters
A plan headed 2024年工作计划 in the 2024 report is last year's plan copied:
the regulation asks for the next year's arrangements.

## Parameters
- ``role`` (default plan), ``offset`` (default 1).

## Placeholders
``{found}`` the year written, ``{expected}`` the year expected, ``{year}`` the report year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Diagnostic
from . import _sections
from ._sections import with_role
from .base import diagnostic

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "year_relation"
NEEDS_ROLES = True
PLACEHOLDERS = ("found", "expected", "year")

# A year (19xx, 20xx) not inside a range, and not opening one.  The plain form,
# (?<![\d—\-–~～至到])((?:19|20)\d{2})\s*年(?!\s*[—\-–~～至到]), opens with a look-behind, so re tries it
# at every position; here the look-behind is read after the first digit (the character before it,
# seen from one place further on): the pattern opens with 1 or 2 and re skips to the next in C (5×).
_NOT_BEFORE = r"[\d—\-–~～至到]"
_YEAR = re.compile(rf"((?:1(?<!{_NOT_BEFORE}1)9|2(?<!{_NOT_BEFORE}2)0)\d{{2}})\s*年(?!\s*[—\-–~～至到])")
_FUTURE = re.compile(r"\s*度?\s*[，,]?\s*(?:是|我|全|本|将|计划|拟|要|重点|工作|继续|进一步|持续)")
_CITATION = re.compile(r"《[^《》]*》")


@dataclass(frozen=True)
class Params:
    """What a rule of the ``year_relation`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    role: str = "plan"
    offset: int = 1


def _masked(text: str) -> str:
    """``text`` with every 《…》 citation boxed out (□ of equal length)."""
    return _CITATION.sub(_box, text) if "《" in text else text  # every citation opens with 《


def _box(citation: re.Match) -> str:
    return "□" * len(citation.group())


def _years(text: str) -> Iterator[re.Match]:
    """The years of ``text`` outside citations (``_YEAR``'s matches in :func:`_masked` text)."""
    if "年" not in text:
        return iter(())  # every year of _YEAR has 年
    return _YEAR.finditer(_masked(text))


def check(report: Report, rule: Rule[Params]) -> Sequence[Diagnostic]:
    year = report.facts.year
    if year is None or report.parts_unseen:
        return ()
    expected = year + rule.params.offset
    seen: set[int] = set()
    for section in with_role(report, rule.params.role):  # sub-parts inherit their parent's role
        if section.line in seen:
            continue
        seen.add(section.line)
        for m in _years(section.heading):  # the heading segment's text, the segment made only for a finding
            found = int(m.group(1))
            if found != expected:
                span = report.heading_segment(section).span(m.start(1), m.end())
                return [diagnostic(rule, span, found=found, expected=expected, year=year)]
        for i, text in enumerate(_sections.own_texts(report, section)):
            m = _future_year(text, year, expected)
            if m is not None:
                segment = tuple(_sections.own_segments(report, section))[i]  # made only for the finding
                found = int(m.group(1))
                return [diagnostic(rule, segment.span(m.start(1), m.end()), found=found, expected=expected, year=year)]
    return ()


def _future_year(text: str, year: int, expected: int) -> re.Match | None:
    """The first year of ``text`` (outside citations) after the report year but not ``expected`` that
    future work follows (将、计划、拟…), or None."""
    if "年" not in text:
        return None  # every year of _YEAR has 年
    masked = _masked(text)
    for m in _YEAR.finditer(masked):
        found = int(m.group(1))
        if found in (expected,) or found < year:
            continue
        if _FUTURE.match(masked, m.end()):
            return m
    return None
