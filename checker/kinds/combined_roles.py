"""Combined roles — one top-level heading carries two required parts.

## What it checks
A level-1 section whose heading carries two or more of ``roles``
(存在的问题及2025年度工作计划).

## Why it matters
The regulation lists the parts separately and reviewers check them one by one;
a combined part usually shortchanges one of them.

## Parameters
- ``roles``: the roles that should stand apart.

## Placeholders
``{heading}``, ``{labels}``: the heading and the labels of the roles it combines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Diagnostic
from .base import diagnostic

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "combined_roles"
NEEDS_ROLES = True
PLACEHOLDERS = ("heading", "labels")


@dataclass(frozen=True)
class Params:
    """What a rule of the ``combined_roles`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    roles: tuple[str, ...] = ("measures", "shortcomings", "first_responsible", "plan")


def check(report: Report, rule: Rule[Params]) -> list[Diagnostic]:
    if report.parts_unseen:
        return []
    of, wanted = report.outline_roles.of, rule.params.roles
    findings = []
    for section in report.outline.sections:
        found = of(section)
        if len(found.roles) < 2 or found.evidence != "heading":
            continue  # one role at most among them, or not named by its heading: most parts
        combined = [r for r in found.roles if r in wanted]
        if len(combined) >= 2:
            labels = "与".join(f"“{report.roles[r].label}”" for r in combined if r in report.roles)
            findings.append(diagnostic(rule, report.heading_segment(section).span(), heading=section.heading, labels=labels))
    return findings
