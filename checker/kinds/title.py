"""Title — the report must have a title, and the title must match PATTERN.

## What it checks
With no ``pattern``: fires when no title was recognised before the first
heading or sentence.  With a ``pattern`` (a regular expression): fires when a
title exists and does not match it.

## Why it matters
GB/T 9704-2012 makes the title a required element of an official document; the
county files and publishes reports by title, year and entity.

## Parameters
- ``pattern``: regular expression searched in the title (empty: presence check).

## Placeholders
``{title}``: the title as recognised.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Diagnostic
from .base import diagnostic, per_rule

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "title"
PLACEHOLDERS = ("title",)


@dataclass(frozen=True)
class Params:
    """What a rule of the ``title`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    pattern: str = ""


def validate(params: Params, ruleset) -> str:
    try:
        re.compile(params.pattern)
    except re.error as exc:
        return f"pattern 不是有效的正则表达式（{exc}）"
    return ""


_pattern = per_rule(lambda rule: re.compile(rule.params.pattern))


def _title(report: Report) -> str:
    """``report.outline.title``, joined once per report for the three rules."""
    found = report._memo.get("title.title")
    if found is None:
        found = report._memo["title.title"] = report.outline.title
    return found


def check(report: Report, rule: Rule[Params]) -> Sequence[Diagnostic]:
    if report.facts.lookalike:
        return ()  # FZ204 has said what the file is; its title is not an annual report's
    title = _title(report)
    if not rule.params.pattern:
        return () if title else [diagnostic(rule, report.first_line_span, title="")]
    if title and _pattern(rule).search(title) is None:
        return [diagnostic(rule, report.title_span, title=title)]
    return ()
