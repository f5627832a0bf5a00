"""Input error — a file that could not be read.

## What it checks
Nothing in the text: the reader raises these (unreadable, empty, not a report
format, too large) and the driver reports them with this rule's code, so that
one bad file in a batch is listed and the rest go on.

## Why it matters
A county reviewing 60 reports must see which file failed and why.

## Parameters
- ``reason``: which reader failure this code stands for (unreadable | empty).

## Placeholders
``{detail}``: the reader's explanation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Diagnostic

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "input_error"
PLACEHOLDERS = ("detail",)
FOUND_BY_READER = True  # the driver reports these; a rule of this kind finds nothing in a report's text


@dataclass(frozen=True)
class Params:
    """What a rule of the ``input_error`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    reason: str = "unreadable"


def check(report: Report, rule: Rule[Params]) -> Iterable[Diagnostic]:
    return ()
