"""Repeated shortcoming — a problem listed again, word for word, in this year's 不足 part.

## What it checks
Cross-report: ``fzcheck review DIR --previous LAST_YEAR_DIR`` and ``fzcheck check
THIS --previous LAST``.  Reports are paired by entity.  The sub-items of both
years' 存在的不足和原因 parts (一是、二是… or sub-headings, up to the first 。) are
compared after punctuation, spaces and figures are made equal; an item of this
year whose character-pair overlap (Dice) with one of last year's items is at
least ``threshold`` is reported at its place, quoting last year's line.

Item by item, not paragraph by paragraph: a 不足 paragraph with one new problem
and two old ones escapes ``carried_over`` (FZ703), which compares whole
paragraphs; items already inside a paragraph reported by FZ703 are not reported
again.

## Why it matters
A shortcoming reported again without a word about progress means either that
nothing was done about it or that the part was copied; both are what a county
reviewer sends a report back for.

## Parameters
- ``threshold``: Dice similarity (0–1) of the items' character pairs from which they count as the same (default 0.9).
- ``min_chars``: shortest item compared, in characters after normalising (default 8).

## Placeholders
``{item}``: the repeated problem (shortened); ``{other}``: last year's report and line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Diagnostic
from ._crossreport import CrossReport, current, finding, fmt, place, previous

if TYPE_CHECKING:
    from ..packs import Rule

if TYPE_CHECKING:
    from ..packs import Rule

KIND = "repeated_shortcoming"
PLACEHOLDERS = ("item", "other")

_DROP = re.compile(r"[^\w]|_|\d+", re.UNICODE)


@dataclass(frozen=True)
class Params:
    """What a rule of the ``repeated_shortcoming`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    threshold: float = 0.9
    min_chars: int = 8


def validate(params: Params, ruleset) -> str:
    if not isinstance(params.threshold, (int, float)) or not 0 < params.threshold <= 1:
        return "threshold 应在 0 到 1 之间"
    if params.min_chars < 2:
        return "min_chars 至少为 2"
    return ""


def check_reports(reports: Sequence[CrossReport], rule: Rule[Params]) -> list[Diagnostic]:
    """Each of this year's 不足 items that last year's report of the same entity listed too, at its
    place; a line whose every item repeats is a carried-over paragraph (FZ703's) and left to it."""
    last: dict[str, list[CrossReport]] = {}
    for r in previous(reports):
        if r.follow is not None:
            last.setdefault(r.key, []).append(r)
    findings = []
    for r in current(reports):
        olds = last.get(r.key)
        if not olds or r.follow is None:
            continue
        old_items = [(old, i) for old in olds for i in old.follow.shortcomings]
        new_items = list(r.follow.shortcomings)
        own = r.names
        matches = repeated(
            [normalised(i.text, own) for i in new_items], [normalised(i.text, old.names) for old, i in old_items], rule.params
        )
        by_line: dict[int, list[bool]] = {}
        for item, m in zip(new_items, matches):
            by_line.setdefault(item.line, []).append(m is not None)
        for item, m in zip(new_items, matches):
            if m is None or (len(by_line[item.line]) > 1 and all(by_line[item.line])):
                continue
            old, old_item = old_items[m]
            message = fmt(rule.message, item=item.excerpt, other=f"{old.file} 第{old_item.line}行")
            here = place(r, item.line, item.column, item.end_column, item.excerpt, message=message)
            there = place(old, old_item.line, old_item.column, old_item.end_column, old_item.excerpt)
            findings.append(finding(rule, [here, there], score=1.0))
    return findings


def normalised(text: str, own_names: tuple[str, ...] = ()) -> str:
    for name in own_names:
        if name:
            text = text.replace(name, "〇")
    return _DROP.sub("", text)


def dice(a: str, b: str) -> float:
    """Dice coefficient of the character-pair multisets of two normalised texts."""
    if a == b:
        return 1.0
    pa, pb = Counter(a[i : i + 2] for i in range(len(a) - 1)), Counter(b[i : i + 2] for i in range(len(b) - 1))
    total = sum(pa.values()) + sum(pb.values())
    return 2 * sum((pa & pb).values()) / total if total else 0.0


def repeated(new: list[str], old: list[str], params: Params) -> list[int | None]:
    """For each of this year's (normalised) items: the index of the same item last year, or None."""
    out: list[int | None] = []
    for text in new:
        match = None
        if len(text) >= params.min_chars:
            scores = [(dice(text, o), k) for k, o in enumerate(old) if len(o) >= params.min_chars]
            best = max(scores, default=(0.0, None))
            if best[0] >= params.threshold:
                match = best[1]
        out.append(match)
    return out
