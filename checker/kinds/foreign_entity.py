"""Foreign entity — a report that names another entity of the folder as if it were itself.

## What it checks
Cross-report: only ``fzcheck review`` runs it.  The short name of every
township in the folder is taken from its report (多玛乡 from 安多县多玛乡,
群加乡 and 群加藏族乡 from 湟中区群加藏族乡, 辛集乡 from 辛集乡人民政府).  A
report that writes the short name of another township of the folder is
reported at the first place it does, unless the sentence names a relation
between the two (one of ``allow_words``: 与、同、交流、毗邻 …), as in
“与多玛乡签订平安边界合作协议”.  Only names ending in one of ``suffixes``
count, so departments (局、办) that legitimately name each other are left alone.

## Why it matters
“我乡……多玛乡”in 辛集乡's report is the mark of a paragraph taken from 多玛乡's
report and not rewritten: the county sees at once that the text is not about
this township.

## Parameters
- ``suffixes``: endings of a township-level name (乡、镇、街道、苏木).
- ``allow_words``: words that, in the same sentence, make the mention a relation, not a slip.

## Placeholders
``{name}``: the other entity's name as written; ``{other}``: the file of that entity's report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..model import Diagnostic

KIND = "foreign_entity"
CROSS_REPORT = True
PLACEHOLDERS = ("name", "other")


@dataclass(frozen=True)
class Params:
    suffixes: tuple[str, ...] = ("乡", "镇", "街道", "苏木")
    allow_words: tuple[str, ...] = ()


def validate(params: Params, ruleset) -> str:
    if not params.suffixes or not all(params.suffixes):
        return "suffixes 不能为空，例如 [\"乡\", \"镇\", \"街道\"]"
    return ""


def check(report, rule) -> Iterator[Diagnostic]:
    """Nothing per report: ``checker.review.copies`` knows the other entities of the folder."""
    return iter(())
