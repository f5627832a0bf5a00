"""The ✓/✗ checklist of the parts 《法治政府建设与责任落实督察工作规定》 requires in a report (and a
county's own required parts): one line per part of ``parts.parts_of`` the packs in use.

Derived from the same Result the CLI prints: a part is missing when its rule
fired, present otherwise, and "not checked" when the configuration switched its
rule off.  Look-alike documents (述法报告 …) get no checklist: the rules stay
silent for them, so a ✓ would mislead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..parts import Part, own_parts


@dataclass(frozen=True)
class Item:
    """One line of the required-parts checklist: its status and the findings behind it."""
    key: str
    label: str
    status: str  # ok | warn | missing | unchecked | na
    codes: tuple[str, ...]  # the findings behind a warn/missing status
    notes: tuple[str, ...]  # their messages
    sections: tuple[dict, ...]  # where the part is: {"marker", "heading", "line"}
    # A missing part: the line before which it should stand (line count + 1: at the end), else None.
    expected_before: int | None = None

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "label": self.label,
            "status": self.status,
            "codes": list(self.codes),
            "notes": list(self.notes),
            "sections": list(self.sections),
            "expected_before": self.expected_before,
        }


def expected_place(result, part: Part, parts: Sequence[Part]) -> int:
    """The line before which a missing part should stand: before the next part that is present
    (in the packs' order of the parts, the regulation's), else after the last earlier part present,
    else before the signature, else at the end.  A checklist-only line (causes) goes at the end of
    its role's part."""
    tops = result.outline.sections
    spans: dict[str, tuple[int, int]] = {}
    for s in tops:
        for role in result.outline_roles.roles(s):
            lo, hi = spans.get(role, (s.line, s.end_line))
            spans[role] = (min(lo, s.line), max(hi, s.end_line))
    if part.within_role and part.role in spans:
        return spans[part.role][1] + 1
    part_order = [p.role for p in own_parts(parts)]
    order = part_order.index(part.role) if part.role in part_order else len(part_order)
    after_earlier = max((spans[p][1] + 1 for p in part_order[:order] if p in spans), default=0)
    later = [spans[p][0] for p in part_order[order + 1 :] if p in spans]
    if later:
        return max(later[0], after_earlier)  # never inside an earlier part (a combined heading)
    if after_earlier:
        return after_earlier
    if result.outline.signature:
        return min(result.outline.signature)
    return len(result.outline.lines) + 1


def checklist(result, active_codes: frozenset[str] | set[str], parts: Sequence[Part]) -> list[Item]:
    """One item per required part of the packs (``parts.parts_of``), for a checked Result (empty when
    the file could not be read)."""
    if result.error or result.facts is None or result.outline is None:
        return []
    by_code: dict[str, list] = {}
    for d in result.diagnostics:
        by_code.setdefault(d.code, []).append(d)
    items = []
    for part in parts:
        key, label, missing_codes, role, note_codes = part.key, part.label, part.missing, part.role, part.notes
        sections = tuple(
            {"marker": s.marker, "heading": s.heading, "line": s.line} for s in result.outline.walk() if role in result.outline_roles.roles(s)
        )
        if result.facts.lookalike:
            items.append(Item(key, label, "na", (), (), sections))
            continue
        if not all(code in active_codes for code in missing_codes[-1:]):
            items.append(Item(key, label, "unchecked", (), (), sections))
            continue
        fired = [d for code in missing_codes for d in by_code.get(code, [])]
        if fired:
            items.append(
                Item(
                    key,
                    label,
                    "missing",
                    tuple(d.code for d in fired),
                    tuple(d.message for d in fired),
                    sections,
                    expected_place(result, part, parts),
                )
            )
            continue
        noted = [d for code in note_codes for d in by_code.get(code, [])]
        status = "warn" if noted else "ok"
        items.append(Item(key, label, status, tuple(d.code for d in noted), tuple(d.message for d in noted), sections))
    return items
