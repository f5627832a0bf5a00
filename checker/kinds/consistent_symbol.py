"""Consistent symbol — one symbol written in one form throughout the report.

## What it checks
The forms in ``variants`` (by default % and ％) are counted over the whole report (after a
digit, with ``after_digit``).  When more than one form is used, every occurrence of a
form other than the most frequent one (the first listed on a tie) is reported, with a
safe fix to the majority form.

## Why it matters
GB/T 15835-2011 asks that numbers of one kind be written in one form within a text
(“同类别同形式”); 100% beside 100％ in one report shows it was pasted together unread.

## Parameters
- ``variants``: the interchangeable forms, preferred first.
- ``after_digit``: count a form only right after a digit (so a % in a web address is ignored).

## Placeholders
``{found}``: the form used here; ``{expected}``: the report's majority form;
``{counts}``: how often each form occurs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Diagnostic, Edit, Fix, Span
from ._textscan import clean_text, lines_holding, overlaps, regions_on, span_is_plain, url_ranges
from .base import diagnostic, per_rule

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "consistent_symbol"
PLACEHOLDERS = ("found", "expected", "counts")


@dataclass(frozen=True)
class Params:
    """What a rule of the ``consistent_symbol`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    variants: tuple[str, ...] = ("%", "％")
    after_digit: bool = True


def validate(params: Params, ruleset) -> str:
    if len(params.variants) < 2 or len(set(params.variants)) != len(params.variants) or "" in params.variants:
        return "variants 至少要列出两种不同的写法"
    return ""


@per_rule
def _regex(rule: Rule[Params]) -> re.Pattern:
    """The forms, longest first (after a digit with ``after_digit``), compiled once per rule."""
    params = rule.params
    alternation = "|".join(re.escape(v) for v in sorted(params.variants, key=len, reverse=True))
    return re.compile(rf"(?<=[0-9０-９])(?:{alternation})" if params.after_digit else alternation)


def check(report: Report, rule: Rule[Params]) -> list[Diagnostic] | tuple[()]:
    """The findings as a list, or () at once when the text holds one form at most (most reports)."""
    params = rule.params
    whole = clean_text(report)
    if sum(v in whole for v in params.variants) < 2:
        return ()  # one form at most anywhere in the text: nothing can be inconsistent
    return _findings(report, rule)


def _findings(report: Report, rule: Rule[Params]) -> list[Diagnostic]:
    params = rule.params
    regex = _regex(rule)
    found: list[tuple] = []
    for region in regions_on(report, sorted(lines_holding(report, params.variants))):  # a scan for each form
        text = region.text
        urls = url_ranges(text)
        for m in regex.finditer(text, region.col):
            if not overlaps(m.start(), m.end(), urls):
                found.append((region.line, m.start(), m.end(), m.group()))
    counts = Counter(item[3] for item in found)
    if len(counts) < 2:
        return []
    best = max(counts.values())
    expected = next(v for v in params.variants if counts[v] == best)
    summary = "，".join(f"“{v}”{counts[v]}处" for v in params.variants if counts[v])
    findings = []
    for line, start, end, text in found:
        if text == expected:
            continue
        span = Span(line.offset(start), line.offset(end))
        fix = Fix((Edit(span.start, span.end, expected),), "safe", f"改为“{expected}”") if span_is_plain(line, start, end) else None
        findings.append(diagnostic(rule, span, fix=fix, found=text, expected=expected, counts=summary))
    return findings
