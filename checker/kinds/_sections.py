"""The outline's sections and their roles, computed once per report for the structural kinds (not a kind).

A dozen rules walk the same outline and ask each section's roles; the outline and its roles no
longer change once a report is analysed, so the walk and the lookups are done once and kept in
``report._memo``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Section
    from ..report import Report

_WALK = "sections.walk"
_ROLES = "sections.roles"


def sections(report: Report) -> tuple[Section, ...]:
    """Every section in outline order (``Outline.walk``)."""
    found = report._memo.get(_WALK)
    if found is None:
        found = report._memo[_WALK] = tuple(report.outline.walk())
    return found


def roles(report: Report) -> tuple[tuple[str, ...], ...]:
    """The roles of each section of :func:`sections`, in the same order."""
    found = report._memo.get(_ROLES)
    if found is None:
        roles_of = report.roles_of
        found = report._memo[_ROLES] = tuple(roles_of(s) for s in sections(report))
    return found


def with_role(report: Report, role: str) -> tuple[Section, ...]:
    """The sections carrying ``role``, in outline order (sub-parts inherit their parent's role)."""
    key = ("sections.with_role", role)
    found = report._memo.get(key)
    if found is None:
        found = report._memo[key] = tuple(s for s, r in zip(sections(report), roles(report)) if role in r)
    return found


def parts_with_role(report: Report, role: str) -> tuple[Section, ...]:
    """The sections carrying ``role`` whose parent does not: each part once, its sub-parts with it."""
    key = ("sections.parts", role)
    found = report._memo.get(key)
    if found is None:
        carrying = with_role(report, role)
        ids = {id(s) for s in carrying}
        found = report._memo[key] = tuple(s for s in carrying if s.parent is None or id(s.parent) not in ids)
    return found


def any_with_role(report: Report, role: str) -> bool:
    return bool(with_role(report, role))


def text_of(report: Report, section: Section) -> str:
    """``report.section_text(section)``, joined once per report (the part rules read the same parts)."""
    key = ("sections.text", id(section))
    found = report._memo.get(key)
    if found is None or found[0] is not section:
        found = report._memo[key] = (section, report.section_text(section))
    return found[1]
