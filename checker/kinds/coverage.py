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


def covered(
    text: str, areas: tuple[tuple[str, re.Pattern], ...], ignore_words: tuple[str, ...] = (), enough: int = 0
) -> list[str]:
    """The names of the ``areas`` (name, regex of its words: :func:`area_res`) whose words occur in
    ``text``, in the areas' order; with ``enough``, only the first ``enough`` of them (the search
    stops there: a part that covers that many areas gives no finding, whatever the rest)."""
    for phrase in ignore_words:
        text = text.replace(phrase, "\n")
    names = []
    for name, words in areas:
        if words.search(text):
            names.append(name)
            if len(names) == enough:
                break
    return names


@per_rule
def area_res(rule: Rule[Params]) -> tuple[tuple[str, re.Pattern], ...]:
    """(name, one regex of its words) per area: one search finds whether any of the words occurs,
    where testing each word scanned the text once per word."""
    return tuple((a["name"], re.compile("|".join(map(re.escape, a["words"])))) for a in rule.params.areas)


def check(report: Report, rule: Rule[Params]) -> Iterator[Diagnostic]:
    p = rule.params
    sections = part_sections(report, p.role)
    if not sections:
        return
    text = "\n".join(text_of(report, s) for s in sections)
    names = covered(text, area_res(rule), p.ignore_words, enough=p.min_areas)  # all of them when too few
    if len(names) < p.min_areas:
        missing = [a["name"] for a in p.areas if a["name"] not in names][:3]
        yield at_part(rule, report, sections, count=len(names), min=p.min_areas, missing="、".join(missing))
