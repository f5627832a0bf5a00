"""Plan follow-through — last year's plan items that this year's report says nothing about.

## What it checks
Cross-report: ``fzcheck review DIR --previous LAST_YEAR_DIR`` and ``fzcheck check
THIS --previous LAST``.  Reports are paired by entity, as for ``carried_over``.
Last year's plan items are the sub-items of its 主要安排 part: its sub-headings
（一）（二）…, else its run-in items 一是、二是…, else its paragraphs.  Each item's
key terms are its jieba words of two or more characters, less the words every
plan uses (``generic_words``: 加强、推进、持续、工作 …).  An item counts as reported
on when one paragraph (or run-in item) of this year's 举措和成效 part holds at
least ``threshold`` of its key terms (and at least ``min_terms`` of them).  Each
item that is not reported on gives one finding on this year's measures heading,
quoting the item; the review's tables show "落实 5/7".

## Why it matters
The annual report is where a township accounts for what it promised a year
ago; a county office reads this year's measures against last year's plan.  A
plan item that reappears nowhere is either not done or not reported: both are
worth a question.

## Parameters
- ``threshold``: share (0–1) of an item's key terms one measures paragraph must contain (default 0.5).
- ``min_terms``: fewest key terms that must be found, for items with several (default 2).
- ``generic_words``: words left out of the key terms.

## Placeholders
``{item}``: the plan item (shortened); ``{other}``: last year's report and line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Diagnostic
from ._crossreport import CrossReport, current, finding, fmt, place, previous

if TYPE_CHECKING:
    from ..packs import Rule

if TYPE_CHECKING:
    from ..packs import Rule

KIND = "plan_followthrough"
PLACEHOLDERS = ("item", "other")
FOLLOW_KINDS = ("plan_followthrough", "repeated_shortcoming")  # the kinds that read a FollowDigest

GENERIC = (
    "加强", "推进", "持续", "深化", "进一步", "不断", "全面", "扎实", "切实", "着力", "提升", "提高", "强化", "完善",
    "健全", "开展", "落实", "推动", "坚持", "积极", "大力", "认真", "做好", "抓好", "规范", "工作", "建设", "法治",
    "政府", "依法", "行政", "全乡", "全镇", "乡村", "镇村", "水平", "能力", "机制", "体系", "制度", "作用", "质量",
    "我们", "一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是", "年度", "主要", "安排",
)
_ITEM_CUT = re.compile(r"[。；;]")
_CJK_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")
EXCERPT = 24


@dataclass(frozen=True)
class Params:
    """What a rule of the ``plan_followthrough`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    threshold: float = 0.5
    min_terms: int = 2
    generic_words: tuple[str, ...] = GENERIC


def validate(params: Params, ruleset) -> str:
    if not isinstance(params.threshold, (int, float)) or not 0 < params.threshold <= 1:
        return "threshold 应在 0 到 1 之间"
    if params.min_terms < 1:
        return "min_terms 至少为 1"
    return ""


def check_reports(reports: Sequence[CrossReport], rule: Rule[Params]) -> list[Diagnostic]:
    """One info finding per plan item of last year that this year's measures say nothing about,
    at this year's measures heading, naming the item's line in last year's report."""
    findings = []
    for r, olds in _pairs(reports):
        for old, plan_item, done in _followed(r, olds, rule.params):
            if done:
                continue
            item = plan_item.item
            line, column, end_column, excerpt = r.follow.measures_place
            other = f"{old.file} 第{item.line}行"
            message = fmt(rule.message, item=item.excerpt, other=other)
            here = place(r, line, column, end_column, excerpt, message=message)
            there = place(old, item.line, item.column, item.end_column, item.excerpt)
            findings.append(finding(rule, [here, there], score=1.0))
    return findings


def tally(reports: Sequence[CrossReport], rule: Rule[Params]) -> dict[str, tuple[int, int]]:
    """Per report of this year that has last year's: (plan items reported on, plan items)."""
    out = {}
    for r, olds in _pairs(reports):
        flags = [done for _, _, done in _followed(r, olds, rule.params)]
        out[r.file] = (sum(flags), len(flags))
    return out


def _pairs(reports: Sequence[CrossReport]):
    """(this year's report, last year's reports of the same entity), for reports digested for follow-through."""
    last: dict[str, list[CrossReport]] = {}
    for r in previous(reports):
        if r.follow is not None:
            last.setdefault(r.key, []).append(r)
    for r in current(reports):
        olds = last.get(r.key)
        if olds and r.follow is not None:
            yield r, olds


def _followed(r: CrossReport, olds: list[CrossReport], params: Params):
    paragraphs = list(r.follow.measures)
    for old in olds:
        for plan_item in old.follow.plan:
            yield old, plan_item, reported_on(plan_item.terms, paragraphs, params)


# ---------------------------------------------------------------- what a review keeps of a report


@dataclass(frozen=True, slots=True)
class PlanItem:
    """One item of last year's plan and the terms that show it was followed through."""
    item: Item
    terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FollowDigest:
    """What follow-through needs of one report: last year's plan items (with their key terms), this
    year's measures texts and where to report, and the 不足 items of either year."""

    plan: tuple[PlanItem, ...] = ()
    measures: tuple[str, ...] = ()
    measures_place: tuple[int, int, int, str] = (1, 1, 1, "")  # line, column, end column, excerpt
    shortcomings: tuple[Item, ...] = ()


def follow_digest(result, last_year: bool, generic: tuple[str, ...] = GENERIC) -> FollowDigest:
    """The digest of a checked report: for last year's, its plan items and their key terms (jieba);
    for this year's, its measures; for both, its 不足 items."""
    if result.outline is None or result.document is None:
        return FollowDigest()
    shortcomings = tuple(items_of(result, "shortcomings"))
    if last_year:
        plan = tuple(PlanItem(i, key_terms(i.text, generic)) for i in items_of(result, "plan"))
        return FollowDigest(plan=plan, shortcomings=shortcomings)
    tops = part_sections(result, "measures")
    where = (1, 1, 1, "")
    if tops:
        s = tops[0]
        text = s.marker + s.heading
        line, column = _file_place(result, s.line, 1)
        where = (line, column, column + len(result.outline.lines[s.line - 1].text), text)
    return FollowDigest(measures=tuple(paragraphs_of(result, "measures")), measures_place=where, shortcomings=shortcomings)


# ---------------------------------------------------------------- items of a part


@dataclass(frozen=True, slots=True)
class Item:
    """One sub-item of a part: where it starts (1-based line and columns) and its text."""

    line: int
    column: int
    end_column: int
    text: str

    @property
    def excerpt(self) -> str:
        return self.text if len(self.text) <= EXCERPT else self.text[:EXCERPT] + "…"


def part_sections(result, role: str) -> list:
    """The top-most sections of a checked report that carry ``role`` (a sub-section of one of them is not repeated)."""
    found = []
    roles_of = result.outline_roles.roles

    def walk(sections):
        for s in sections:
            if role in roles_of(s):
                found.append(s)
            else:
                walk(s.children)

    walk(result.outline.sections)
    return found


def _body_lines(outline, section) -> list:
    child_lines = {c.line for c in section.children}
    return [line for line in outline.lines[section.line : section.end_line] if line.text.strip() and line.number not in child_lines]


def _first_clause(text: str) -> str:
    """An item up to its first 。 or ；, without its 一是/（一） marker."""
    text = re.sub(r"^(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])", "", text.strip())
    return _ITEM_CUT.split(text, 1)[0].strip("，,： ")


def items_of(result, role: str) -> list[Item]:
    """The sub-items of the part with ``role``: sub-headings, else 一是/二是… items, else paragraphs."""
    outline, doc = result.outline, result.document
    if outline is None or doc is None:
        return []
    out: list[Item] = []
    for section in part_sections(result, role):
        if section.children:
            for child in section.children:
                line = outline.lines[child.line - 1]
                text = line.text[child.heading_col :] if child.heading_col else line.text
                out.append(Item(child.line, child.heading_col + 1, len(line.text) + 1, _first_clause(text) or child.heading))
            continue
        if section.items:
            for k, item in enumerate(section.items):
                line = outline.lines[item.line - 1]
                start = item.span.start - line.start
                nxt = section.items[k + 1] if k + 1 < len(section.items) else None
                end = nxt.span.start - line.start if nxt is not None and nxt.line == item.line else len(line.text)
                text = _first_clause(line.text[start:end])
                if text:
                    out.append(Item(item.line, start + 1, start + 1 + len(line.text[start:end].rstrip()), text))
            continue
        for line in _body_lines(outline, section):
            text = _first_clause(line.text)
            if text:
                out.append(Item(line.number, 1, len(line.text) + 1, text))
    if outline.split:  # a flattened report: its outline lines are pieces of one line of the file
        placed = []
        for i in out:
            line, column = _file_place(result, i.line, i.column)
            placed.append(Item(line, column, column + i.end_column - i.column, i.text))
        out = placed
    return out


def _file_place(result, line: int, column: int) -> tuple[int, int]:
    """(line, column) in the file of a 1-based column of an outline line (the same unless the report
    was flattened and is read as a view split at its headings, checker/parse/split.py)."""
    if not result.outline.split:
        return line, column
    from ..positions import LineIndex

    return LineIndex(result.document.text).line_col(result.outline.lines[line - 1].start + column - 1)


def paragraphs_of(result, role: str) -> list[str]:
    """The texts of a part, one per 一是/二是 item or paragraph or sub-heading line (what an item is matched against)."""
    outline = result.outline
    if outline is None:
        return []
    texts: list[str] = []
    for section in part_sections(result, role):
        for s in section.walk():
            lines = [outline.lines[s.line - 1]] + _body_lines(outline, s)
            for line in lines:
                cuts = sorted(i.span.start - line.start for i in s.items if i.line == line.number)
                bounds = [0, *[c for c in cuts if c > 0], len(line.text)]
                texts += [line.text[a:b] for a, b in zip(bounds, bounds[1:]) if line.text[a:b].strip()]
    return texts


# ---------------------------------------------------------------- matching


def cut_words(text: str) -> list[str]:
    """jieba with its full dictionary (loaded once, ≈1 s, only when last year's reports are given):
    the small domain dictionary of the rules cuts unknown words into characters, which makes poor key terms."""
    import os

    from ..analyze.tokens import _import_jieba, tokenizer

    jieba = _import_jieba()
    return list(tokenizer(os.path.join(os.path.dirname(jieba.__file__), "dict.txt")).cut(text, HMM=False))


def key_terms(text: str, generic: tuple[str, ...] | frozenset[str]) -> tuple[str, ...]:
    """The item's words that say what it is about: Chinese words of two or more characters, not generic."""
    generic = generic if isinstance(generic, frozenset) else frozenset(generic)
    seen: dict[str, None] = {}
    for token in cut_words(text):
        if _CJK_WORD.match(token) and token not in generic:
            seen.setdefault(token, None)
    return tuple(seen)


def reported_on(terms: tuple[str, ...], paragraphs: list[str], params: Params) -> bool:
    """True when one paragraph holds enough of the item's key terms (as substrings: jieba may cut a
    longer word this year, 学法 inside 集体学法)."""
    if not terms:
        return True  # nothing specific to look for: never report an item we cannot judge
    need = max(min(params.min_terms, len(terms)), -(-len(terms) * params.threshold // 1))
    need = int(min(need, len(terms)))
    return any(sum(1 for t in terms if t in p) >= need for p in paragraphs)


def follow_through(plan: list[tuple[Item, tuple[str, ...]]], paragraphs: list[str], params: Params) -> list[bool]:
    """For each of last year's plan items (with its key terms): reported on this year?"""
    return [reported_on(terms, paragraphs, params) for _, terms in plan]
