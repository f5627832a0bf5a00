"""Carried over — a paragraph unchanged from the same entity's report of last year.

## What it checks
Cross-report: only ``fzcheck review DIR --previous LAST_YEAR_DIR`` runs it.
Reports are paired by entity (the township name in the title or opening); each
body paragraph of this year's report is compared with last year's paragraphs of
the same entity by the MinHash signatures described under ``copied_paragraph``.
A paragraph at or above ``threshold`` that stands in a part whose role is in
``roles`` is reported, naming both places.  Years and other figures are made
equal before comparing, so a plan copied with only 2024 changed to 2025 is
still found.

## Why it matters
Published studies of these reports find shortcomings and plans repeated from
the year before: a problem reported again unchanged was not remedied, and a
plan copied from last year is no plan.

## Parameters
- ``roles``: the parts where a carried-over paragraph is reported
  (``measures``, ``shortcomings``, ``first_responsible``, ``plan``, ``other``, ``preamble``).
- ``threshold``: estimated Jaccard similarity from which a paragraph counts as carried over (default 0.9).
- ``shingle_size``, ``min_chars``: as for ``copied_paragraph``.

## Placeholders
``{other}``: last year's place (文件、行); ``{similarity}``: e.g. 100%; ``{part}``: the part's label.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..model import Diagnostic
from .copied_paragraph import validate_shingles

KIND = "carried_over"
CROSS_REPORT = True
PLACEHOLDERS = ("other", "similarity", "part")
PARTS = ("measures", "shortcomings", "first_responsible", "plan", "other", "preamble")


@dataclass(frozen=True)
class Params:
    roles: tuple[str, ...]
    threshold: float = 0.9
    shingle_size: int = 5
    min_chars: int = 40


def validate(params: Params, ruleset) -> str:
    unknown = [r for r in params.roles if r not in PARTS and r not in ruleset.roles]
    if unknown:
        return f"roles 中有未定义的部分：{'、'.join(unknown)}（可用：{'、'.join(PARTS)}）"
    if not params.roles:
        return "roles 不能为空"
    return validate_shingles(params)


def check(report, rule) -> Iterator[Diagnostic]:
    """Nothing per report: ``checker.review.copies`` compares with last year's folder."""
    return iter(())
