"""Required role — the report must contain a part that plays ROLE.

## What it checks
Some section, at any level, carries ``role`` (from its heading, or for the
measures from its position when no heading names them).

## Why it matters
《法治政府建设与责任落实督察工作规定》 lists what an annual report contains;
a report without one of these parts is sent back.

## Parameters
- ``role``: measures | shortcomings | first_responsible | plan | a role of a county pack.

## Placeholders
``{role_label}``: the role's label from ``[roles.<role>]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Diagnostic
from ._sections import any_with_role
from .base import diagnostic

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "required_role"
NEEDS_ROLES = True
PLACEHOLDERS = ("role_label",)


@dataclass(frozen=True)
class Params:
    """What a rule of the ``required_role`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    role: str


def validate(params: Params, ruleset) -> str:
    if params.role not in ruleset.roles:
        return f"未定义的角色 {params.role}，请先在 [roles.{params.role}] 中定义"
    return ""


def check(report: Report, rule: Rule[Params]) -> Sequence[Diagnostic]:
    role = rule.params.role
    if report.parts_unseen or any_with_role(report, role):
        return ()
    label = report.roles[role].label if role in report.roles else role
    return [diagnostic(rule, report.title_span, role_label=label)]
