"""The required parts of a report, read from the packs in use: which roles must have a part, which
rules say a part is missing or present with a note, and how the outputs name each part.

A role is a required part when a rule of kind ``required_role`` (or ``content_evidence`` in mode
``missing``) asks for it; its names come from its ``[roles.*]`` table (``short_label`` for a table
column and the outline, ``checklist_label`` for the checklist, ``label`` otherwise).  A ``role_mentions`` rule with
a ``part`` adds a part of its own judged inside that role's part (不足的原因, FZ103): a checklist
line and a column of its own, so the table says what it measures.  So a county pack that adds a role and a
required_role rule gets a review column, a workbook column and a checklist line, with no code.
"""

from __future__ import annotations

from dataclasses import dataclass

PREAMBLE_LABEL = "开头"  # the text before the first heading: a place, not a role of the packs

NOTE_KINDS = ("year_relation",)  # a finding of these on a present part is a note, not "missing"


@dataclass(frozen=True)
class Part:
    """One required part of a report as the review shows it: its role, checklist line and column."""
    key: str  # the review row's and the checklist's key: the role, or a checklist-only line's own key
    role: str  # the section role that shows where the part is
    label: str  # the checklist line
    column: str  # the table column
    missing: tuple[str, ...]  # codes whose finding says the part is missing
    notes: tuple[str, ...] = ()  # codes whose finding says: present, but see the note
    buried: tuple[str, ...] = ()  # codes whose finding says: written, but not as a part of its own
    by_content: bool = False  # missing is judged on the content anywhere (the part may stand inside another)
    within_role: bool = False  # True: judged inside its role's part (不足的原因 inside 存在不足)


def _missing_rule(rule) -> bool:
    if rule.kind == "required_role":
        return True
    return rule.kind == "content_evidence" and getattr(rule.params, "mode", "missing") == "missing"


def _buried_rule(rule) -> bool:
    return rule.kind == "content_evidence" and getattr(rule.params, "mode", "") == "buried"


def short_label(role) -> str:
    """A role's short name (a table column, the outline): its ``short_label``, else its ``label``."""
    return role.short_label or role.label


def role_labels(ruleset) -> dict[str, str]:
    """Every role of the packs in use by its short name, from their ``[roles.*]`` tables: what the
    outline, the dashboard and the web page call a section's part (a county's own role included)."""
    return {name: short_label(role) for name, role in ruleset.roles.items()}


def parts_of(ruleset) -> tuple[Part, ...]:
    """The required parts of ``ruleset``, in the order its ``[roles.*]`` tables are defined."""
    rules = sorted(ruleset.rules.values(), key=lambda r: r.code)
    by_role: dict[str, list] = {}
    for rule in rules:
        role = getattr(rule.params, "role", None)
        if isinstance(role, str):
            by_role.setdefault(role, []).append(rule)
    out: list[Part] = []
    for name, role in ruleset.roles.items():
        own = by_role.get(name, [])
        missing = tuple(r.code for r in own if _missing_rule(r))
        if not missing:
            continue
        buried = tuple(r.code for r in own if _buried_rule(r))
        notes = (*buried, *(r.code for r in own if r.kind in NOTE_KINDS))
        by_content = any(r.kind == "content_evidence" and r.code in missing for r in own)
        out.append(Part(name, name, role.checklist_label or role.label, short_label(role), missing, notes, buried, by_content))
        for r in own:
            if r.kind == "role_mentions" and getattr(r.params, "part", ""):
                label = r.params.part_label or r.title or r.name
                out.append(Part(r.params.part, name, label, label, (*missing, r.code), within_role=True))
    return tuple(out)


def columns(parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """The parts that are table columns (the review table, the workbook, the CSV, the web summary):
    every part, so a column says what it measures (存在不足 and 不足的原因 apart)."""
    return tuple(parts)


def own_parts(parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """The parts that stand as parts of the report (not judged inside another part's text)."""
    return tuple(p for p in parts if not p.within_role)
