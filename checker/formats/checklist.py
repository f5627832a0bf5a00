"""The ✓/✗ checklist of the parts 《法治政府建设与责任落实督察工作规定》 requires in a report.

Derived from the same Result the CLI prints: a part is missing when its rule
fired, present otherwise, and "not checked" when the configuration switched its
rule off.  Look-alike documents (述法报告 …) get no checklist: the rules stay
silent for them, so a ✓ would mislead.
"""

from __future__ import annotations

from dataclasses import dataclass

# key, label, the rule whose finding means "missing", the section role that shows where it is,
# rules whose findings mean "present, but see the note".
PARTS: tuple[tuple[str, str, tuple[str, ...], str, tuple[str, ...]], ...] = (
    ("measures", "主要举措和成效", ("FZ101",), "measures", ()),
    ("shortcomings", "存在的不足", ("FZ102",), "shortcomings", ()),
    ("causes", "不足的原因", ("FZ102", "FZ103"), "shortcomings", ()),
    ("first_responsible", "党政主要负责人履行第一责任人职责情况", ("FZ104",), "first_responsible", ("FZ105",)),
    ("plan", "下一年度主要安排", ("FZ106",), "plan", ("FZ107",)),
)


@dataclass(frozen=True)
class Item:
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


# The order the regulation lists the parts in (causes belong at the end of the shortcomings part).
PART_ORDER = ("measures", "shortcomings", "first_responsible", "plan")


def expected_place(result, key: str) -> int:
    """The line before which a missing part should stand: before the next part that is present
    (in the regulation's order), else after the last earlier part present, else before the
    signature, else at the end.  Causes go at the end of the shortcomings part."""
    tops = result.outline.sections
    spans: dict[str, tuple[int, int]] = {}
    for s in tops:
        for role in s.roles:
            lo, hi = spans.get(role, (s.line, s.end_line))
            spans[role] = (min(lo, s.line), max(hi, s.end_line))
    if key == "causes" and "shortcomings" in spans:
        return spans["shortcomings"][1] + 1
    order = PART_ORDER.index("shortcomings" if key == "causes" else key)
    after_earlier = max((spans[p][1] + 1 for p in PART_ORDER[:order] if p in spans), default=0)
    later = [spans[p][0] for p in PART_ORDER[order + 1 :] if p in spans]
    if later:
        return max(later[0], after_earlier)  # never inside an earlier part (a combined heading)
    if after_earlier:
        return after_earlier
    if result.outline.signature:
        return min(result.outline.signature)
    return len(result.outline.lines) + 1


def checklist(result, active_codes: frozenset[str] | set[str]) -> list[Item]:
    """One item per required part, for a checked Result (empty when the file could not be read)."""
    if result.error or result.facts is None or result.outline is None:
        return []
    by_code: dict[str, list] = {}
    for d in result.diagnostics:
        by_code.setdefault(d.code, []).append(d)
    items = []
    for key, label, missing_codes, role, note_codes in PARTS:
        sections = tuple(
            {"marker": s.marker, "heading": s.heading, "line": s.line} for s in result.outline.walk() if role in s.roles
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
                    expected_place(result, key),
                )
            )
            continue
        noted = [d for code in note_codes for d in by_code.get(code, [])]
        status = "warn" if noted else "ok"
        items.append(Item(key, label, status, tuple(d.code for d in noted), tuple(d.message for d in noted), sections))
    return items
