"""Document type — the document is a look-alike, not an annual 法治政府建设 report.

## What it checks
The whole document is judged against the ``[lookalikes]`` tables
(checker/analyze/lookalike.py): the title's words (述法报告, 政府信息公开工作年度报告,
解读, 工作要点, 通知, 实施方案 …), the text's words (起草背景 and 主要内容 of a
解读, 自评得分 and 扣分 of a self-assessment, 会议强调 and 记者 of a news item) and
the third-person narration of a meeting (“3月17日，某镇召开…”).  A real annual
report that mentions 十四五, 述法 or 信息公开 is not a look-alike.  Such a
document gets this one finding, naming what it looks like; the required-part
and title rules stay silent for it.

## Why it matters
Counties receive 述法报告 and 第一责任人履职情况报告 alongside the annual
reports; listing "missing parts" for them would mislead.

## Parameters
None.

## Placeholders
``{lookalike}``: the name of the look-alike type.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Diagnostic
from .base import diagnostic

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "document_type"
PLACEHOLDERS = ("lookalike", "title")


@dataclass(frozen=True)
class Params:
    """What a rule of the ``document_type`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    pass


def check(report: Report, rule: Rule[Params]) -> Sequence[Diagnostic]:
    facts = report.facts
    if not facts.lookalike:
        return ()
    return [diagnostic(rule, report.title_span, lookalike=facts.lookalike, title=facts.title)]
