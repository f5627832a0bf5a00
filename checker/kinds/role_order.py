"""Role order — the top-level parts follow the order of the regulation.

## What it checks
Taking each required role at its first top-level part, the roles appear in the
order of ``order``.  Fires once, at the first part that comes too early.

## Why it matters
Reviewers read reports against the regulation's list; a report in that order is
quicker to check, and many counties ask for it.

## Parameters
- ``order``: the expected order of roles.

## Placeholders
``{heading}``, ``{label}``, ``{before}``: the early part, its role label, and the label it should follow.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..model import Diagnostic
from .base import diagnostic

KIND = "role_order"
NEEDS_ROLES = True
PLACEHOLDERS = ("heading", "label", "before")


@dataclass(frozen=True)
class Params:
    order: tuple[str, ...] = ("measures", "shortcomings", "first_responsible", "plan")


def check(report, rule) -> Iterator[Diagnostic]:
    if report.facts.lookalike:
        return
    first: dict[str, object] = {}
    for section in report.outline.sections:
        for role in section.roles:
            if role in rule.params.order and role not in first:
                first[role] = section
    present = [r for r in rule.params.order if r in first]
    sections = [first[r] for r in present]
    for i in range(len(present) - 1):
        a, b = sections[i], sections[i + 1]
        if b.line < a.line:  # b's role should come after a's
            yield diagnostic(
                rule,
                report.heading_segment(b).span(),
                heading=b.heading,
                label=report.roles[present[i + 1]].label,
                before=report.roles[present[i]].label,
            )
            return
