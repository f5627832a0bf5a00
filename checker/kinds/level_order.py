"""Level order — a heading level is not used after a lower one under the same parent.

## What it checks
The structure numbers of GB/T 9704-2012 go down one way: 一、 → （一） → 1. → （1）.  A level
may be skipped (1. directly under 一、 is fine), but once a part has used a lower level it
should not go back up: in 一、… 1.… 2.… （一）… the （一） sits under 1. in the writer's mind
and is a level used out of order.  The same holds for the top of the report: （一）（二）
followed by 一、.  Fires once per parent, at the first heading that goes back up.

## Why it matters
A reader takes the number form as the level; an inverted order makes the structure
impossible to follow and is a common reason for sending a report back.

## Parameters
None.

## Placeholders
``{found}``: the heading number that goes back up; ``{previous}``: the lower-level number before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Diagnostic
from ._outline_forms import sibling_lists
from .base import diagnostic

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "level_order"
PLACEHOLDERS = ("found", "previous")


@dataclass(frozen=True)
class Params:
    """What a rule of the ``level_order`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    pass


def check(report: Report, rule: Rule[Params]) -> list[Diagnostic]:
    found = []
    for siblings in sibling_lists(report):
        deepest = 0
        for i, section in enumerate(siblings):
            level = section.level
            if level < deepest:
                previous = siblings[i - 1]  # the lower-level heading it follows
                found.append(diagnostic(rule, section.marker_span, found=section.marker.strip(), previous=previous.marker.strip()))
                break
            if level > deepest:
                deepest = level
    return found
