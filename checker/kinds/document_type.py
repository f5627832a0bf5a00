"""Document type — the document is a look-alike, not an annual 法治政府建设 report.

## What it checks
The title contains a word of one of the ``[lookalikes]`` tables (述法报告,
政府信息公开工作年度报告, 工作要点 …).  Such a document gets this one finding;
the required-content rules stay silent for it.

## Why it matters
Counties receive 述法报告 and 第一责任人履职情况报告 alongside the annual
reports; listing "missing parts" for them would mislead.

## Parameters
None.

## Placeholders
``{lookalike}``: the name of the look-alike type.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..model import Diagnostic
from .base import diagnostic

KIND = "document_type"
PLACEHOLDERS = ("lookalike", "title")


@dataclass(frozen=True)
class Params:
    pass


def check(report, rule) -> Iterator[Diagnostic]:
    if report.facts.lookalike:
        yield diagnostic(rule, report.title_span, lookalike=report.facts.lookalike, title=report.facts.title)
