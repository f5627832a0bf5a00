"""What the kinds that judge one part of a report share (has_figures, coverage, min_items): the
part's sections, the check of their ``role`` parameter and the finding at the part's heading (not a kind)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Diagnostic, Section
from .base import diagnostic

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report


def undefined_role(role: str, ruleset) -> str:
    """The pack error for a ``role`` parameter that names no ``[roles.*]`` table, or ''."""
    return "" if role in ruleset.roles else f"未定义的角色 {role}"


def part_sections(report: Report, role: str) -> list[Section]:
    """The sections carrying ``role`` whose parent does not (sub-parts inherit their parent's role);
    none in a look-alike document (a notice, a plan), which has no parts to judge, nor in a flattened
    report that could not be split at its headings (FZ308), whose parts the checker did not see."""
    if report.parts_unseen:
        return []
    roles_of = report.roles_of
    return [s for s in report.outline.walk() if role in roles_of(s) and (s.parent is None or role not in roles_of(s.parent))]


def at_part(rule: Rule, report: Report, sections: list[Section], **values) -> Diagnostic:
    """The finding on the part, at the heading of its first section (``{heading}`` and ``values``)."""
    target = sections[0]
    return diagnostic(rule, report.heading_segment(target).span(), heading=target.heading, **values)
