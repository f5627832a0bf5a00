"""Coverage — the part playing ROLE touches few of the areas of 《法治政府建设实施纲要》.

## What it checks
Each area is a name and a set of keywords.  An area is covered when one of its
keywords occurs in the parts carrying ``role`` (headings and text), once the phrases of
``ignore_words`` are taken out (谁执法谁普法 is about 普法, not law enforcement).  Fires once,
at the first such part, when fewer than ``min_areas`` areas are covered.
Nothing fires when no part carries the role.

## Why it matters
《法治政府建设实施纲要（2021—2025年）》 sets the areas of the work (government
functions, normative documents, administrative decision-making, law enforcement,
emergencies, disputes, supervision and open government, digital government,
leadership); a results part that reports one or two of them reads as a list of
routine activities, not as a year of building rule-of-law government.

## Parameters
- ``role`` (default ``measures``).
- ``areas``: tables with ``name`` and ``words``.
- ``min_areas`` (default 3).
- ``ignore_words``: phrases removed before matching (default none).

## Placeholders
``{heading}`` the part's heading, ``{count}`` the number of areas covered,
``{min}`` the minimum, ``{missing}`` up to three areas not covered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Diagnostic
from ._role_part import at_part, part_sections, undefined_role
from ._sections import text_of
from ._textscan import words_regex
from .base import per_rule

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "coverage"
NEEDS_ROLES = True
PLACEHOLDERS = ("heading", "count", "min", "missing")


@dataclass(frozen=True)
class Params:
    areas: tuple[dict, ...]
    role: str = "measures"
    min_areas: int = 3
    ignore_words: tuple[str, ...] = ()


def validate(params: Params, ruleset) -> str:
    problem = undefined_role(params.role, ruleset)
    if problem:
        return problem
    if not params.areas:
        return "areas 不能为空"
    for i, raw in enumerate(params.areas, start=1):
        if not isinstance(raw, dict) or set(raw) != {"name", "words"}:
            return f"第 {i} 条 areas 必须是只含 name 和 words 的表"
        if not isinstance(raw["name"], str) or not raw["name"]:
            return f"第 {i} 条 areas 的 name 不能为空"
        words = raw["words"]
        if not isinstance(words, (list, tuple)) or not words or not all(isinstance(w, str) and w for w in words):
            return f"第 {i} 条 areas（{raw['name']}）的 words 必须是非空字符串列表"
    if not 1 <= params.min_areas <= len(params.areas):
        return f"min_areas 应在 1 到 {len(params.areas)} 之间"
    return ""


def covered(text: str, areas: tuple[tuple[str, re.Pattern], ...], ignore_words: tuple[str, ...] = ()) -> list[str]:
    """The names of the ``areas`` (name, regex of its words: :func:`area_res`) whose words occur in
    ``text`` once the ``ignore_words`` are taken out, in the areas' order."""
    for phrase in ignore_words:
        text = text.replace(phrase, "\n")
    return [name for name, words in areas if words.search(text)]


@per_rule
def area_res(rule: Rule[Params]) -> tuple[tuple[str, re.Pattern], ...]:
    """(name, one regex of its words) per area: one search finds whether any of the words occurs,
    where testing each word scanned the text once per word."""
    return tuple((a["name"], re.compile("|".join(map(re.escape, a["words"])))) for a in rule.params.areas)


@per_rule
def area_scan(rule: Rule[Params]) -> tuple[re.Pattern, dict[str, frozenset[int]]]:
    """One regex of every area's words (the longest at each place, :func:`words_regex`) and, for each
    word, the areas it shows covered: its own and those of the words it begins with (which stand at
    the same place)."""
    areas_of: dict[str, set[int]] = {}
    for i, area in enumerate(rule.params.areas):
        for word in area["words"]:
            areas_of.setdefault(word, set()).add(i)
    shown = {word: frozenset(i for prefix, found in areas_of.items() if word.startswith(prefix) for i in found) for word in areas_of}
    return words_regex(tuple(areas_of)), shown


def reaches(text: str, scan: tuple[re.Pattern, dict[str, frozenset[int]]], enough: int) -> bool:
    """Whether ``text`` shows ``enough`` areas covered, from one scan for every area's words that stops
    there.  Every word it finds is in the text, so what it says is so; it may miss a word that starts
    inside another it found (行政执法 in 综合行政执法监督), and then says no: :func:`covered` decides."""
    regex, shown = scan
    found: set[int] = set()
    for m in regex.finditer(text):
        found |= shown[m.group()]
        if len(found) >= enough:
            return True
    return False


def check(report: Report, rule: Rule[Params]) -> Iterator[Diagnostic]:
    p = rule.params
    sections = part_sections(report, p.role)
    if not sections:
        return
    text = "\n".join(text_of(report, s) for s in sections)
    for phrase in p.ignore_words:
        text = text.replace(phrase, "\n")
    if reaches(text, area_scan(rule), p.min_areas):
        return  # enough areas: no finding, whatever the rest
    names = covered(text, area_res(rule))
    if len(names) < p.min_areas:
        missing = [a["name"] for a in p.areas if a["name"] not in names][:3]
        yield at_part(rule, report, sections, count=len(names), min=p.min_areas, missing="、".join(missing))
