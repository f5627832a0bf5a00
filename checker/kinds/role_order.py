"""Role order — the top-level parts follow the order of the regulation.

## What it checks
No top-level part plays a role that ``order`` puts after the role of a later
part (a 存在的问题 part before one of several measures parts fires; a part that
plays both roles, 主要做法和存在问题, does not; nor does a later part that also
plays a role outside ``order``, such as a part a county pack asks for).  Fires once, at the first part
that comes too early.

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
from typing import TYPE_CHECKING, Iterator

from ..model import Diagnostic
from .base import diagnostic, per_rule

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "role_order"
NEEDS_ROLES = True
PLACEHOLDERS = ("heading", "label", "before")


@dataclass(frozen=True)
class Params:
    order: tuple[str, ...] = ("measures", "shortcomings", "first_responsible", "plan")


@per_rule
def _rank(rule: Rule[Params]) -> dict[str, int]:
    """Each role of ``order`` with its place (once per rule)."""
    return {role: i for i, role in enumerate(rule.params.order)}


def check(report: Report, rule: Rule[Params]) -> Iterator[Diagnostic]:
    if report.parts_unseen:
        return
    rank = _rank(rule)
    parts = []
    for s in report.outline.sections:
        roles = report.roles_of(s)
        ranked = [r for r in roles if r in rank]
        if ranked:  # (part, its roles in the order, whether it also plays a role a county pack asks for)
            parts.append((s, ranked, any(r not in rank and r != "other" for r in roles)))
    for i, (b, b_roles, _) in enumerate(parts):
        for role_b in b_roles:
            for _, a_roles, own_role in parts[i + 1 :]:
                if own_role:
                    continue  # a part a county pack asks for (行政执法工作情况) may stand anywhere
                # a later part plays a role that the order puts before this one (and this part does not play it)
                earlier = [r for r in a_roles if rank[r] < rank[role_b] and r not in b_roles]
                if earlier:
                    yield diagnostic(
                        rule,
                        report.heading_segment(b).span(),
                        heading=b.heading,
                        label=report.roles[role_b].label,
                        before=report.roles[earlier[0]].label,
                    )
                    return
