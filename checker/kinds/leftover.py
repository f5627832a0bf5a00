"""Leftover — debris of a Word conversion left in the text.

## What it checks
Pieces removed by the reader before parsing (``[bookmark: _GoBack]``,
错误！未找到引用源。, field codes such as ``{ PAGE }``, zero-width characters).
Each is reported where it stood, with a safe fix that deletes it.

## Why it matters
Published with the report, they show that nobody proofread it.

## Parameters
- ``kinds``: which leftover kinds to report (empty: all).

## Placeholders
``{text}``: the leftover as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Diagnostic, Edit, Fix, Span
from .base import diagnostic

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "leftover"
PLACEHOLDERS = ("text",)


@dataclass(frozen=True)
class Params:
    """What a rule of the ``leftover`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    kinds: tuple[str, ...] = ()


def check(report: Report, rule: Rule[Params]) -> list[Diagnostic]:
    found = []
    for left in report.doc.leftovers:
        if rule.params.kinds and left.kind not in rule.params.kinds:
            continue
        fix = Fix((Edit(left.start, left.end, ""),), "safe", "删除转换残留")
        shown = left.text if left.text.strip() else repr(left.text)
        found.append(diagnostic(rule, Span(left.start, left.end), fix=fix, text=shown))
    return found
