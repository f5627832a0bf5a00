"""Flattened — a report pasted as one paragraph, whose parts the checker could not tell apart.

## What it checks
A document whose text stands almost all on one line (a web page pasted into a text file or a
single Word paragraph) is split at its heading markers 一、 二、 … （一） （二） … when they follow
a sentence end and run in sequence (checker/parse/split.py), and then checked as usual.  When
it cannot be split safely — no numbered headings, or part numbers out of sequence — this kind
reports it once, at the start of the long paragraph, and the rules on the required parts
(FZ1xx) and on their content (FZ6xx) give no verdict on parts the checker could not see.
A look-alike (FZ204) is not reported again here.

## Why it matters
Without paragraph breaks the checker cannot tell the measures from the shortcomings or the
plan; guessing would give false “missing part” errors.  A reviewer reading such a text has
the same trouble: the report needs its paragraphs back before it is submitted.

## Parameters
None.

## Placeholders
``{chars}``: how many characters the paragraph holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Diagnostic, Span
from .base import diagnostic

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "flattened"
PLACEHOLDERS = ("chars",)
_LEAD = 20  # characters of the paragraph the finding marks


@dataclass(frozen=True)
class Params:
    """What a rule of the ``flattened`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    pass


def check(report: Report, rule: Rule[Params]) -> Sequence[Diagnostic]:
    if report.outline.split != "unsplit" or report.facts.lookalike:
        return ()
    line = max(report.doc.lines, key=lambda x: len(x.text))
    text = line.text.rstrip()
    lead = len(text) - len(text.lstrip())
    span = Span(line.offset(lead), line.offset(min(len(text), lead + _LEAD)))
    return [diagnostic(rule, span, chars=f"{len(text) - lead:,}")]
