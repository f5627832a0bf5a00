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
_BY_ROLE = "sections.by_role"


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


_NONE: tuple = ()


def with_role(report: Report, role: str) -> tuple[Section, ...]:
    """The sections carrying ``role``, in outline order (sub-parts inherit their parent's role)."""
    return _by_role(report)[0].get(role, _NONE)


def parts_with_role(report: Report, role: str) -> tuple[Section, ...]:
    """The sections carrying ``role`` whose parent does not: each part once, its sub-parts with it."""
    return _by_role(report)[1].get(role, _NONE)


def _by_role(report: Report) -> tuple[dict[str, tuple], dict[str, tuple]]:
    """role → the sections carrying it, and role → its parts, from one pass over the sections."""
    found = report._memo.get(_BY_ROLE)
    if found is None:
        carrying: dict[str, list] = {}
        parts: dict[str, list] = {}
        roles_by_id = {}
        for section, section_roles in zip(sections(report), roles(report)):
            roles_by_id[id(section)] = section_roles
            parent_roles = _NONE if section.parent is None else roles_by_id.get(id(section.parent), _NONE)
            for role in section_roles:
                sections_of_role = carrying.setdefault(role, [])
                if sections_of_role and sections_of_role[-1] is section:
                    continue  # a role named twice
                sections_of_role.append(section)
                if role not in parent_roles:
                    parts.setdefault(role, []).append(section)
        found = report._memo[_BY_ROLE] = (
            {role: tuple(found) for role, found in carrying.items()},
            {role: tuple(found) for role, found in parts.items()},
        )
    return found


def any_with_role(report: Report, role: str) -> bool:
    return bool(with_role(report, role))


def own_segments(report: Report, section: Section):
    """``report.body_segments(section, include_children=False)``: the run-in text and body lines of
    the section itself.  A section without sub-parts has no other text, and its segments are those
    ``body_segments(section)`` keeps for every section (the text kinds read them all): taken from
    there instead of being cut again."""
    return report.body_segments(section, include_children=not section.children)


def text_of(report: Report, section: Section) -> str:
    """``report.section_text(section)``, joined once per report (the part rules read the same parts)."""
    key = ("sections.text", id(section))
    found = report._memo.get(key)
    if found is None or found[0] is not section:
        found = report._memo[key] = (section, report.section_text(section))
    return found[1]
