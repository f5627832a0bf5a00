"""Plenum — a plenary session of the Central Committee that had not yet been held.

## What it checks
Mentions such as 二十届四中全会, 二十届二中、三中全会 or 二十届中央委员会第四次
全体会议 are looked up in ``plenums`` (name and month held).  A report on year
Y is written in the first months of Y+1, so a plenum held after month
``grace_months`` of Y+1 cannot appear in it: the first mention of each such
plenum is reported.  Plenums not in the table and reports without a year are
not judged.

## Why it matters
A plenum that had not happened when the report was written means the text was
copied from a later report or the title carries the wrong year; either way the
report cannot be published as it is.

## Parameters
- ``plenums``: tables with ``name`` (二十届四中全会) and ``held`` (``YYYY-MM``).
- ``grace_months`` (default 3): months of the following year in which the
  report may still be written (0: only plenums held in the report year or earlier).

## Placeholders
``{found}`` the plenum as written, ``{held}`` when it was held (2025年10月),
``{year}`` the report year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Diagnostic
from ._strings import body_segments_on
from ._textscan import clean_text, matching_lines
from .base import diagnostic, per_rule

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "plenum"
PLACEHOLDERS = ("found", "held", "year")

_CN = "一二三四五六七八九"
_SHORT = re.compile(
    rf"(?P<term>[{_CN}十][{_CN}十]{{0,2}})届(?P<list>(?:[{_CN}]中(?:全会)?[、，,和及与]?)*[{_CN}]中全会)"
)
_LONG = re.compile(rf"(?P<term>[{_CN}十][{_CN}十]{{0,2}})届中央委员会第(?P<n>[{_CN}])次全体会议")
_NAME = re.compile(rf"^[{_CN}十]{{1,3}}届[{_CN}]中全会$")
_IN_LIST = re.compile(rf"([{_CN}])中")  # each plenum of a list (三中、四中全会)
_TERM = re.compile("届")  # every mention has it
_HELD = re.compile(r"^(\d{4})-(\d{1,2})$")


@dataclass(frozen=True)
class Params:
    """What a rule of the ``plenum`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    plenums: tuple[dict, ...]
    grace_months: int = 3


def validate(params: Params, ruleset) -> str:
    if not params.plenums:
        return "plenums 不能为空"
    for i, raw in enumerate(params.plenums, start=1):
        if not isinstance(raw, dict) or set(raw) != {"name", "held"}:
            return f"第 {i} 条 plenums 必须是只含 name 和 held 的表"
        if not isinstance(raw["name"], str) or not _NAME.match(raw["name"]):
            return f"第 {i} 条 plenums 的 name 应写成 “二十届四中全会” 的形式"
        m = _HELD.match(str(raw["held"]))
        if not m or not 1 <= int(m.group(2)) <= 12:
            return f"第 {i} 条 plenums 的 held 应写成 “2025-10” 的形式"
    if not 0 <= params.grace_months <= 12:
        return "grace_months 应在 0 到 12 之间"
    return ""


def held_table(params: Params) -> dict[str, tuple[int, int]]:
    out = {}
    for raw in params.plenums:
        y, m = raw["held"].split("-")
        out[raw["name"]] = (int(y), int(m))
    return out


_held = per_rule(lambda rule: held_table(rule.params))


def mentions(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, canonical name) for every plenum mentioned in ``text``."""
    if "届" not in text:
        return
    for m in _SHORT.finditer(text):
        term, plenums = m.group("term"), m.group("list")
        whole = plenums.count("中") == 1  # one plenum named: the mention is the whole match
        for n in _IN_LIST.finditer(plenums):
            start = m.start("list") + n.start()
            end = start + 2
            if whole:
                start, end = m.start(), m.end()
            yield start, end, f"{term}届{n.group(1)}中全会"
    for m in _LONG.finditer(text):
        yield m.start(), m.end(), f"{m.group('term')}届{m.group('n')}中全会"


def check(report: Report, rule: Rule[Params]) -> list[Diagnostic]:
    year = report.facts.year
    if year is None or not may_mention_a_late_plenum(clean_text(report), _late_words(rule, year)):
        return []  # most reports name only plenums held by then
    return list(_late_mentions(report, rule, year))


def _limit(rule: Rule[Params], year: int) -> tuple[int, int]:
    """The last (year, month) a plenum named in the report of ``year`` may have been held."""
    return (year + 1, rule.params.grace_months) if rule.params.grace_months else (year, 12)


def _late_words(rule: Rule[Params], year: int) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """What every mention of a plenum held after :func:`_limit` holds, by term: the term and 届
    (二十届), then for each of its plenums the plenum's number and 中 (四中) and the long form's
    第四次全体会议; once per rule and year (the plenums of one term share its test)."""
    words = _late_words_kept(rule)
    found = words.get(year)
    if found is None:
        limit = _limit(rule, year)
        by_term: dict[str, list[tuple[str, str]]] = {}
        for name, held in _held(rule).items():
            if held > limit:
                by_term.setdefault(name[: name.index("届") + 1], []).append((name[-4:-2], f"第{name[-4]}次全体会议"))
        found = words[year] = tuple((term, tuple(numbers)) for term, numbers in by_term.items())
    return found


_late_words_kept = per_rule(lambda rule: {})


def may_mention_a_late_plenum(text: str, late: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]) -> bool:
    """Whether ``text`` holds what a mention of one of the ``late`` plenums holds (:func:`_late_words`):
    a mention found in a segment of the text is a match of _SHORT or _LONG whose term, numbers and
    words stand in the text as written (a report without 届, or of a year before no plenum, is
    passed at once; a term looked for once for all its plenums)."""
    return any(term in text and any(short in text or long in text for short, long in numbers) for term, numbers in late)


def _late_mentions(report: Report, rule: Rule[Params], year: int) -> Iterator[Diagnostic]:
    """A finding at the first mention of each plenum held after the report year (and its grace)."""
    table = _held(rule)
    limit = _limit(rule, year)
    seen: set[str] = set()
    for segment in body_segments_on(report, matching_lines(report, _TERM)):  # the segments of lines with 届
        if "届" not in segment.text:
            continue
        for start, end, name in mentions(segment.text):
            held = table.get(name)
            if held is None or held <= limit or name in seen:
                continue
            seen.add(name)
            yield diagnostic(
                rule, segment.span(start, end), found=name, held=f"{held[0]}年{held[1]}月", year=year
            )
