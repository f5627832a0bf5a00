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

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

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
    """What a rule of the ``role_order`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    order: tuple[str, ...] = ("measures", "shortcomings", "first_responsible", "plan")


@per_rule
def _rank(rule: Rule[Params]) -> dict[str, int]:
    """Each role of ``order`` with its place (once per rule)."""
    return {role: i for i, role in enumerate(rule.params.order)}


def check(report: Report, rule: Rule[Params]) -> Sequence[Diagnostic]:
    if report.parts_unseen:
        return ()
    rank, known = _rank(rule), _ranked_roles(rule)
    parts = []
    for s in report.outline.sections:
        roles = report.roles_of(s)
        found = known.get(roles)
        if found is None:
            found = _ranked(roles, rank, known)
        if found[0]:  # (part, its roles in the order, whether it also plays a role a county pack asks for)
            parts.append((s, *found))
    if not may_be_out_of_order(parts, rank):
        return ()
    return list(_out_of_order(report, rule, parts, rank))


_ranked_roles = per_rule(lambda rule: {})  # a part's roles → what _ranked makes of them (a few sets of roles)


def _ranked(roles: tuple[str, ...], rank: dict[str, int], known: dict) -> tuple[tuple[str, ...], bool]:
    """(the ``roles`` in the order, whether one is a role outside it a county pack asks for), kept."""
    found = (tuple(r for r in roles if r in rank), any(r not in rank and r != "other" for r in roles))
    if len(known) < 1024:
        known[roles] = found
    return found


def may_be_out_of_order(parts: list, rank: dict[str, int]) -> bool:
    """Whether a part (not one a county pack asks for) plays a role ranked before a role of an earlier
    part: what :func:`_out_of_order` needs to find anything (a part in the regulation's order, the
    commonest report, is passed in one step per part)."""
    highest = -1  # the latest-ranked role of the parts so far
    for _, ranked, own_role in parts:
        ranks = [rank[r] for r in ranked]
        if not own_role and min(ranks) < highest:
            return True
        highest = max(highest, *ranks)
    return False


def _out_of_order(report: Report, rule: Rule[Params], parts: list, rank: dict[str, int]) -> Iterator[Diagnostic]:
    """The finding at the first part that comes too early (none when the parts are in order)."""
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
