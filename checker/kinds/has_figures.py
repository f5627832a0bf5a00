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

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Diagnostic
from ._strings import mask_quoted
from .base import diagnostic

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "has_figures"
NEEDS_ROLES = True
PLACEHOLDERS = ("heading",)

_NOT_FIGURES = re.compile(
    r"(?:19|20)\d{2}\s*(?:[—–\-－~～至]\s*(?:19|20)?\d{2,4}\s*)?年(?:度)?"  # years and year ranges
    r"|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?"  # months and dates
    r"|\d{1,2}\s*日"
)
_ARABIC = re.compile(r"\d")


@dataclass(frozen=True)
class Params:
    role: str = "measures"
    classifiers: tuple[str, ...] = ("次", "场", "人", "名", "件", "个", "期", "篇", "条", "户", "家", "起", "项", "份", "万", "余")


def validate(params: Params, ruleset) -> str:
    return "" if params.role in ruleset.roles else f"未定义的角色 {params.role}"


def top_sections(report, role: str) -> list:
    """Sections carrying ``role`` whose parent does not (sub-parts inherit their parent's role)."""
    roles_of = report.roles_of
    return [s for s in report.outline.walk() if role in roles_of(s) and (s.parent is None or role not in roles_of(s.parent))]


def has_figure(text: str, classifiers: tuple[str, ...]) -> bool:
    scan = _NOT_FIGURES.sub(lambda m: "□" * len(m.group()), mask_quoted(text, ("《》",)))
    if _ARABIC.search(scan):
        return True
    if not classifiers:
        return False
    alt = "|".join(map(re.escape, classifiers))
    return re.search(rf"(?<![第一二两三四五六七八九十百千万])(?:[两二三四五六七八九]|[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九][百千万])[余多]?(?:{alt})", scan) is not None


def check(report: Report, rule: Rule[Params]) -> Iterator[Diagnostic]:
    if report.facts.lookalike:
        return
    sections = top_sections(report, rule.params.role)
    if not sections:
        return
    for section in sections:
        if has_figure(report.section_text(section), rule.params.classifiers):
            return
    target = sections[0]
    yield diagnostic(rule, report.heading_segment(target).span(), heading=target.heading)
