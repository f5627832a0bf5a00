"""Has figures — the part playing ROLE states no figures at all.

## What it checks
Taken together, the parts carrying ``role`` (the measures and results) contain
no figure: no Arabic number other than years, dates and numbers inside 《》
titles, and no count written in Chinese numerals with a measure word (两次,
三场; 一 is not counted).  Fires once, at the first such part.  Nothing fires
when no part carries the role (a required-content rule reports that).

## Why it matters
Studies of published reports name "few concrete cases or figures" among the
commonest weaknesses; results without numbers cannot be compared or checked.

## Parameters
- ``role`` (default ``measures``).
- ``classifiers``: measure words that make a Chinese-numeral count a figure.

## Placeholders
``{heading}``: the heading of the part.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Diagnostic
from ._role_part import at_part, part_sections, states_figure, undefined_role
from ._sections import text_of

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "has_figures"
NEEDS_ROLES = True
PLACEHOLDERS = ("heading",)

@dataclass(frozen=True)
class Params:
    """What a rule of the ``has_figures`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    role: str = "measures"
    classifiers: tuple[str, ...] = ("次", "场", "人", "名", "件", "个", "期", "篇", "条", "户", "家", "起", "项", "份", "万", "余")


def validate(params: Params, ruleset) -> str:
    return undefined_role(params.role, ruleset)


def check(report: Report, rule: Rule[Params]) -> Sequence[Diagnostic]:
    sections = part_sections(report, rule.params.role)
    if not sections:
        return ()
    classifiers = rule.params.classifiers
    for section in sections:
        if states_figure(text_of(report, section), classifiers):
            return ()
    return [at_part(rule, report, sections)]
