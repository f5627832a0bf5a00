"""Numbering — heading numbers and run-in items (一是、二是…) count up without gaps, repeats or swaps.

## What it checks
Headings numbered together (the top-level parts, or the children of one part, taken
level by level) must run 1, 2, 3…; so must the run-in items 一是、二是… of one part
(and of the opening paragraphs).  Depending on ``problem`` the rule reports:

- ``skipped``: a number is missing (（一）（三）, 一是 二是 四是);
- ``repeated``: a number comes twice in a row (（二）（二）);
- ``out_of_order``: a number comes after a larger one (（一）（三）（二）: reported at （二）,
  not also as a gap at （三）).

Run-in items may restart at 一是 (a new list, or a list nested inside 二是：一是……二是……)
and a restarted list may give way to the outer one again (…三是 after the nested list).
Heading levels in ``restart_levels`` may also restart at 1 under the same parent (1. 2. 3.
items of different unnumbered groups).  A 三是 the parser did not take as an item
(after a comma) still counts: a gap is reported only when the missing item is nowhere
between its neighbours.

## Why it matters
A skipped or repeated number is the first thing a reviewer notices, and it usually means a
part was deleted or copied without renumbering.

## Parameters
- ``problem``: ``skipped`` | ``repeated`` | ``out_of_order``.
- ``targets``: what to check: ``headings``, ``items`` (default both).
- ``restart_levels``: heading levels that may restart at 1 under one parent (default 3, 4).

## Placeholders
``{found}``: the number as written; ``{expected}``: the number(s) that should be there;
``{previous}``: the number before it; ``{what}``: 一级标题、二级标题… or 分项.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from ..model import Diagnostic, RunInItem, Span
from ..parse.numerals import int_to_cn
from . import _sections
from ._outline_forms import LEVEL_NAMES, canonical_marker, render, sibling_lists
from .base import diagnostic

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "numbering"
PLACEHOLDERS = ("found", "expected", "previous", "what")
PROBLEMS = ("skipped", "repeated", "out_of_order")
TARGETS = ("headings", "items")


@dataclass(frozen=True)
class Params:
    """What a rule of the ``numbering`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    problem: str
    targets: tuple[str, ...] = TARGETS
    restart_levels: tuple[int, ...] = (3, 4)


def validate(params: Params, ruleset) -> str:
    if params.problem not in PROBLEMS:
        return f"problem 只能是 {'、'.join(PROBLEMS)}"
    bad = [t for t in params.targets if t not in TARGETS]
    if bad:
        return f"targets 只能包含 {'、'.join(TARGETS)}（不认识：{'、'.join(bad)}）"
    if any(level not in (1, 2, 3, 4) for level in params.restart_levels):
        return "restart_levels 只能包含 1 到 4"
    return ""


@dataclass(frozen=True, slots=True)
class Finding:
    """A break in a numbered list: the problem, where it is and the numbers expected."""
    problem: str
    index: int  # position in the numbered list
    expected: tuple[int, ...]  # the missing numbers (skipped) or the right number (repeated)
    previous: int  # the number before it (0 at the start)


def scan(values: list[int], restart: bool, present=None) -> list[Finding]:
    """Problems in a sequence of numbers.  ``restart``: a 1 opens a new (possibly nested) list.
    ``present(i, missing)`` says whether a missing number is written between items i-1 and i anyway."""
    if _counts_up(values):
        return []  # 1, 2, 3…: the commonest list, nothing to find
    return scan_all(values, restart, present)


def scan_all(values: list[int], restart: bool, present=None) -> list[Finding]:
    """:func:`scan` number by number."""
    findings: list[Finding] = []
    stack = [0]  # the last number of each open list, innermost last
    seen: set[int] = set()
    for i, value in enumerate(values):
        top = stack[-1]
        if value == top + 1:
            stack[-1] = value
        elif value == 1 and restart:
            stack.append(1)
        elif any(level + 1 == value for level in stack[:-1]):
            while stack[-1] + 1 != value:
                stack.pop()
            stack[-1] = value
        elif value == top:
            findings.append(Finding("repeated", i, (top + 1,), top))
            if values[i + 1 : i + 2] == [top + 2]:  # 一、二、二、四、: the second 二 stands for 三
                stack[-1] = top + 1
        elif value < top:
            findings.append(Finding("repeated" if value in seen else "out_of_order", i, (top + 1,), top))
        else:  # value > top + 1
            missing = tuple(range(top + 1, value))
            later = values[i + 1 :]
            nxt = later.index(1) if restart and 1 in later else len(later)
            if any(v in missing for v in later[:nxt]):
                pass  # a swap: reported where the smaller number turns up
            elif present is None or not all(present(i, m) for m in missing):
                findings.append(Finding("skipped", i, missing, top))
            stack[-1] = value
        seen.add(value)
    return findings


def _join(markers: list[str]) -> str:
    return "、".join(markers[:3]) + ("等" if len(markers) > 3 else "")


class Place(NamedTuple):
    """One problem found, with what a finding says about it (the three rules share one scan)."""

    problem: str
    span: Span
    found: str
    expected: str
    previous: str
    what: str


def check(report: Report, rule: Rule[Params]) -> list[Diagnostic]:
    problem = rule.params.problem
    return [
        diagnostic(rule, place.span, found=place.found, expected=place.expected, previous=place.previous, what=place.what)
        for place in problems(report, rule.params)
        if place.problem == problem
    ]


def problems(report: Report, params: Params) -> tuple[Place, ...]:
    """Every numbering problem of the report, headings first, in the order the rules report them;
    once per report and targets (each of the three rules keeps its own problem)."""
    key = ("numbering", params.targets, params.restart_levels)
    found = report._memo.get(key)
    if found is None:
        found = report._memo[key] = (*_heading_places(report, params), *_item_places(report, params))
    return found


def _heading_places(report: Report, params: Params) -> Iterator[Place]:
    if "headings" not in params.targets:
        return
    for siblings in sibling_lists(report):
        if _one_level_counting_up(siblings):
            continue  # the commonest list: nothing to find
        levels = {s.level for s in siblings}
        for level in sorted(levels):
            group = siblings if len(levels) == 1 else [s for s in siblings if s.level == level]
            if len(group) == 1 and group[0].value == 1:
                continue  # one heading numbered 1: nothing to compare
            for f in scan([s.value for s in group], level in params.restart_levels):
                section = group[f.index]
                yield Place(
                    f.problem,
                    section.marker_span,
                    section.marker.strip(),
                    _join([canonical_marker(level, v) for v in f.expected]),
                    canonical_marker(level, f.previous) if f.previous else "",
                    f"{LEVEL_NAMES[level]}标题",
                )


def _one_level_counting_up(siblings: list) -> bool:
    """Headings of one level numbered 1, 2, 3… (or none): what :func:`scan` passes at once."""
    if not siblings:
        return True
    level = siblings[0].level
    for i, section in enumerate(siblings, start=1):
        if section.value != i or section.level != level:
            return False
    return True


def _item_places(report: Report, params: Params) -> Iterator[Place]:
    if "items" not in params.targets:
        return
    text = report.doc.text
    lists = [report.outline.preamble_items, *[s.items for s in _sections.sections(report) if len(s.items) >= 2]]
    for items in lists:
        if len(items) >= 2:
            values = list(map(_VALUE, items))
            if not _counts_up(values):
                yield from _items(items, values, text)


_VALUE = attrgetter("value")
_UP = list(range(1, 65))


def _counts_up(values: list[int]) -> bool:
    """1, 2, 3…: the commonest list, in which :func:`scan` finds nothing (its own first test)."""
    if len(values) < len(_UP):
        return values == _UP[: len(values)]
    return values == list(range(1, len(values) + 1))


_SCANS: dict[tuple[int, ...], tuple[Finding, ...]] = {}  # numbers of a list of items → what scan finds
_SCANS_KEPT = 4096


def scan_items(values: list[int], present) -> tuple[Finding, ...]:
    """``scan(values, True, present)``, kept by the numbers when ``present`` was not asked: the same
    few lists (1, 2, 3, 1, 2, 3: lists inside a list) come in report after report, and what scan
    finds in them depends on the numbers alone unless a number is missing."""
    key = tuple(values)
    found = _SCANS.get(key)
    if found is not None:
        return found
    asked = False

    def asking(i: int, missing: int) -> bool:
        nonlocal asked
        asked = True
        return present(i, missing)

    found = tuple(scan(values, True, asking))
    if not asked:
        if len(_SCANS) >= _SCANS_KEPT:
            _SCANS.clear()
        _SCANS[key] = found
    return found


def _items(items: list[RunInItem], values: list[int], text: str) -> Iterator[Place]:
    def present(i: int, missing: int) -> bool:
        start = items[i - 1].end if i else text.rfind("\n", 0, items[0].start) + 1
        between = text[start : items[i].start]
        return f"{int_to_cn(missing)}是" in between

    for f in scan_items(values, present):
        item = items[f.index]
        yield Place(
            f.problem,
            Span(item.start, item.end),
            f"{item.number}是",
            _join([render("一是", int_to_cn(v)) for v in f.expected]),
            f"{int_to_cn(f.previous)}是" if f.previous else "",
            "分项",
        )
