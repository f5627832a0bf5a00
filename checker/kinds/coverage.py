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
from collections.abc import Sequence
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
    """What a rule of the ``coverage`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
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


class _Order:
    """The order in which one rule's areas are searched: those found most often when searched so far
    first.  A search stops at the first occurrence of an area's words, and the areas searched stop
    once ``min_areas`` are found: searching the common areas first makes both stop early.  The order
    changes what is searched first, never what is found."""

    def __init__(self, count: int) -> None:
        self.areas = list(range(count))
        self.times_found = [1] * count  # (found + 1) / (searched + 2): no area is judged on nothing
        self.times_searched = [2] * count
        self._until_sorted = _RESORT_EVERY

    def checked(self) -> None:
        self._until_sorted -= 1
        if not self._until_sorted:
            self._until_sorted = _RESORT_EVERY
            rate = [found / searched for found, searched in zip(self.times_found, self.times_searched)]
            self.areas.sort(key=rate.__getitem__, reverse=True)


_RESORT_EVERY = 32  # reports between two sortings of an order


@per_rule
def search_order(rule: Rule[Params]) -> _Order:
    return _Order(len(rule.params.areas))


@per_rule
def overlaps_ignored(rule: Rule[Params]):
    """A test of whether an ignored phrase may overlap ``text[start:end]`` (None: no phrase is
    ignored): one search for every phrase in the characters around it, as far as the longest phrase
    reaches (it may find a phrase near the place, not on it: then the area is searched again).  A
    word found where no ignored phrase overlaps it stays once the phrases are taken out: taking a
    phrase out only changes the characters of an occurrence of it."""
    phrases = rule.params.ignore_words
    if not phrases:
        return None
    search, reach = words_regex(phrases).search, max(map(len, phrases)) - 1

    def overlaps(text: str, start: int, end: int) -> bool:
        return search(text, max(0, start - reach), end + reach) is not None

    return overlaps


@per_rule
def may_overlap_ignored(rule: Rule[Params]) -> frozenset[str]:
    """The areas' words that share a character with an ignored phrase: only an occurrence of one of
    them can be overlapped by a phrase's (the characters where two occurrences overlap are in both),
    so the others' need no search for the phrases around them (most words found: 党的领导, 调解 …)."""
    phrase_chars = frozenset("".join(rule.params.ignore_words))
    return frozenset(word for area in rule.params.areas for word in area["words"] if not phrase_chars.isdisjoint(word))


@per_rule
def _plain_only(rule: Rule[Params]) -> bool:
    """Rules whose phrases or words the shortcut cannot reason about (a line end in one, an empty
    phrase): once per rule (every word of every area looked at)."""
    p = rule.params
    return any(not phrase or "\n" in phrase for phrase in p.ignore_words) or any(
        "\n" in word for area in p.areas for word in area["words"]
    )


def shows_enough(text: str, rule: Rule[Params]) -> bool:
    """Whether ``text``, once the ignored phrases are taken out, covers ``min_areas`` areas: the areas
    searched one by one (the most often found first), each until its first word, in the text as it
    is; only an area whose first word an ignored phrase overlaps is searched again in the text
    without the phrases (made then), and only a word that shares a character with a phrase is looked
    at for that (:func:`may_overlap_ignored`).  What it says is what :func:`covered` would count."""
    p, res, order = rule.params, area_res(rule), search_order(rule)
    overlaps, may_overlap = overlaps_ignored(rule), may_overlap_ignored(rule)
    without: str | None = None
    count, enough = 0, p.min_areas
    searched, found = order.times_searched, order.times_found
    for i in order.areas:
        m = res[i][1].search(text)
        if m is not None and overlaps is not None and m.group() in may_overlap and overlaps(text, m.start(), m.end()):
            if without is None:
                without = _without_ignored(text, p.ignore_words)
            m = res[i][1].search(without)
        searched[i] += 1
        if m is None:
            continue  # no word in the text, none once phrases are taken out
        found[i] += 1
        count += 1
        if count >= enough:
            break
    order.checked()
    return count >= enough


def _without_ignored(text: str, ignore_words: tuple[str, ...]) -> str:
    for phrase in ignore_words:
        text = text.replace(phrase, "\n")
    return text


def check(report: Report, rule: Rule[Params]) -> Sequence[Diagnostic]:
    p = rule.params
    sections = part_sections(report, p.role)
    if not sections:
        return ()
    text = text_of(report, sections[0]) if len(sections) == 1 else "\n".join([text_of(report, s) for s in sections])
    if not _plain_only(rule) and shows_enough(text, rule):
        return ()  # enough areas: no finding
    names = covered(text, area_res(rule), p.ignore_words)
    if len(names) >= p.min_areas:
        return ()
    missing = [a["name"] for a in p.areas if a["name"] not in names][:3]
    return [at_part(rule, report, sections, count=len(names), min=p.min_areas, missing="、".join(missing))]
