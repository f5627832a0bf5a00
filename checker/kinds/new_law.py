"""New law — the next year's plan speaks of a topic a new law now governs, without naming the law.

## What it checks
Each entry of ``laws`` names a law or regulation (``name``, as cited: 《行政执法监督条例》), the
year of the plans that should know it (``plan_year``: the year after the report year), the
words that show the law is cited (``cited_by``), the words of its topic (``topics``) and what to
say about it (``note``: in force since …).  When the report's plan part (the parts playing the
``plan`` role) is for ``plan_year``, mentions one of the ``topics`` outside quoted titles, and
the report nowhere mentions one of the ``cited_by`` words, the rule points at the first topic
word in the plan part.  Each law is reported once per report.

The table is keyed by plan year: a law that takes effect next year is a new entry with the next
``plan_year``, a TOML edit.

## Why it matters
A plan for 2026 that speaks of 普法 without 《中华人民共和国法治宣传教育法》 (in force since
2025-11-01), or of 执法监督 without 《行政执法监督条例》 (in force since 2026-02-01), shows the
plan was written from last year's text.  It is a hint (info): the plan may rightly leave the
law unnamed.

## Parameters
- ``laws``: tables with ``plan_year`` (integer), ``name``, ``cited_by`` and ``topics`` (lists of
  words) and ``note``.

## Placeholders
``{law}``: the law's name; ``{topic}``: the topic word found; ``{note}``: the entry's note;
``{year}``: the plan year.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Diagnostic
from ._sections import parts_with_role
from ._strings import mask_quoted
from ._textscan import clean_text
from .base import diagnostic

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "new_law"
NEEDS_ROLES = True
PLACEHOLDERS = ("law", "topic", "note", "year")
_KEYS = {"plan_year", "name", "cited_by", "topics", "note"}


@dataclass(frozen=True)
class Params:
    """What a rule of the ``new_law`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    laws: tuple[dict, ...]
    role: str = "plan"


def _words(value) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(w, str) and w for w in value)


def validate(params: Params, ruleset) -> str:
    if params.role not in ruleset.roles:
        return f"未定义的角色 {params.role}"
    if not params.laws:
        return "laws 不能为空"
    for i, raw in enumerate(params.laws, start=1):
        if not isinstance(raw, dict) or set(raw) != _KEYS:
            return f"第 {i} 条 laws 必须是只含 plan_year、name、cited_by、topics、note 的表"
        if not (isinstance(raw["plan_year"], int) and 1990 <= raw["plan_year"] <= 2100):
            return f"第 {i} 条 laws 的 plan_year 应为年份"
        if not (isinstance(raw["name"], str) and raw["name"] and isinstance(raw["note"], str)):
            return f"第 {i} 条 laws 的 name、note 应为文字"
        if not (_words(raw["cited_by"]) and _words(raw["topics"])):
            return f"第 {i} 条 laws 的 cited_by、topics 应为非空的词语列表"
    return ""


def _plan_segments(report: Report, role: str):
    """Body and headings of the parts playing ``role`` whose parent does not (no text twice)."""
    for section in parts_with_role(report, role):
        yield report.heading_segment(section)
        yield from report.body_segments(section)


def _first_topic(segments, topics) -> tuple[object, int, str] | None:
    for segment in segments:
        text = mask_quoted(segment.text, ("《》",))
        hits = [(text.find(w), w) for w in topics if w in text]
        if hits:
            col, word = min(hits)
            return segment, col, word
    return None


def check(report: Report, rule: Rule[Params]) -> Iterator[Diagnostic]:
    year = report.facts.year
    if year is None or report.facts.lookalike:
        return
    whole = clean_text(report)
    laws = [law for law in rule.params.laws if law["plan_year"] == year + 1 and not any(w in whole for w in law["cited_by"])]
    if not laws:  # none for next year's plan, or each cited
        return
    segments = list(_plan_segments(report, rule.params.role))
    if not segments:
        return
    for law in laws:
        hit = _first_topic(segments, law["topics"])
        if hit is None:
            continue
        segment, col, word = hit
        yield diagnostic(
            rule, segment.span(col, col + len(word)), law=law["name"], topic=word, note=law["note"], year=year + 1
        )
