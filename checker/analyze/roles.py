"""Section roles: measures, shortcomings, first_responsible, plan, other.

A heading is segmented with jieba and matched, token-aligned, against the
keyword sets of ``[roles.*]`` in the packs.  A heading may carry two roles
(存在的问题及2025年度工作计划).  When no heading names the measures, the
untitled top-level parts before the shortcomings/plan parts are taken as the
measures (evidence "position"): many reports open with thematic headings such
as 强化组织保障，夯实法治建设根基.  A sub-part whose heading names no role
belongs to its parent's part (evidence "parent").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Outline
from .tokens import Segmenter


@dataclass(frozen=True, slots=True)
class RoleDef:
    name: str
    label: str
    heading_any: tuple[str, ...] = ()
    heading_not: tuple[str, ...] = ()
    content_all: tuple[tuple[str, ...], ...] = ()  # any inner tuple fully present in one sentence
    content_not: tuple[str, ...] = ()  # sentences containing one of these are not evidence
    ignore_inside: tuple[str, ...] = ()  # bracket pairs whose content is no evidence, e.g. "《》"
    short_label: str = ""  # the part's name in a table column (举措成效); default: label
    checklist_label: str = ""  # the part's line in the web page's checklist; default: label


_YEAR_RE = re.compile(r"(\d{4})\s*年")


def assign_roles(outline: Outline, roles: dict[str, RoleDef], segmenter: Segmenter, year: int | None) -> None:
    """Set ``Section.roles`` and ``Section.role_evidence`` in place."""
    for section in outline.walk():
        found: list[str] = []
        heading = section.heading
        for role in roles.values():
            if not role.heading_any:
                continue
            if segmenter.contains_any(heading, role.heading_any) and not segmenter.contains_any(heading, role.heading_not):
                found.append(role.name)
        if "plan" in roles and "plan" not in found and year is not None and _names_next_year_work(heading, year):
            found.append("plan")
        if found:
            section.roles = tuple(found)
            section.role_evidence = "heading"
    if "measures" in roles and not any("measures" in s.roles for s in outline.walk()):
        for section in outline.sections:
            if set(section.roles) & {"shortcomings", "plan"}:
                break
            if not section.roles and (section.children or section.end_line > section.line or section.body_start_col >= 0):
                section.roles = ("measures",)
                section.role_evidence = "position"
    for section in outline.walk():  # pre-order: a parent is settled before its children
        if not section.roles:
            if section.parent is not None and section.parent.roles != ("other",):
                section.roles = section.parent.roles
                section.role_evidence = "parent"
            else:
                section.roles = ("other",)


def _names_next_year_work(heading: str, year: int) -> bool:
    years = [int(y) for y in _YEAR_RE.findall(heading)]
    return bool(years) and all(y == year + 1 for y in years) and any(w in heading for w in ("工作", "任务", "打算", "目标"))

