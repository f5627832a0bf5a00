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

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Diagnostic
from . import _minhash
from ._crossreport import CrossReport, Paragraph, current, finding, fmt, pct, place, previous
from .copied_paragraph import validate_shingles

if TYPE_CHECKING:
    from ..packs import Rule

KIND = "carried_over"
PLACEHOLDERS = ("other", "similarity", "part")
PARTS = ("measures", "shortcomings", "first_responsible", "plan", "other", "preamble")


@dataclass(frozen=True)
class Params:
    """What a rule of the ``carried_over`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
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



def check_reports(reports: Sequence[CrossReport], rule: Rule[Params]) -> list[Diagnostic]:
    """Paragraphs of this year's reports unchanged from last year's report of the same entity."""
    last: dict[str, list[CrossReport]] = {}
    for r in previous(reports):
        last.setdefault(r.key, []).append(r)
    findings = []
    for r in current(reports):
        olds = last.get(r.key)
        if olds:
            findings.extend(_carried(r, _index(olds, rule.params), rule))
    return findings


_Index = dict[int, list[tuple[CrossReport, Paragraph]]]


def _index(olds: list[CrossReport], p: Params) -> _Index:
    index: _Index = {}
    for old in olds:
        for para in old.paragraphs:
            if para.length >= p.min_chars:
                for key in _minhash.band_keys(para.sigs[p.shingle_size]):
                    index.setdefault(key, []).append((old, para))
    return index


def _carried(r: CrossReport, index: _Index, rule: Rule[Params]) -> Iterator[Diagnostic]:
    p = rule.params
    for para in r.paragraphs:
        if para.role not in p.roles or para.length < p.min_chars:
            continue
        sig = para.sigs[p.shingle_size]
        match, score = None, 0.0
        for key in _minhash.band_keys(sig):
            for old, opara in index.get(key, ()):
                sim = _minhash.similarity(sig, opara.sigs[p.shingle_size])
                if sim > score:
                    match, score = (old, opara), sim
        if match is None or score < p.threshold:
            continue
        old, opara = match
        message = fmt(rule.message, other=f"{old.file} 第{opara.line}行", similarity=pct(score), part=para.part)
        here = place(r, para.line, para.column, para.end_column, para.excerpt, message=message)
        there = place(old, opara.line, opara.column, opara.end_column, opara.excerpt)
        yield finding(rule, [here, there], score=score)
