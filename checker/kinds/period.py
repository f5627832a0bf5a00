"""Period — a five-year plan or 纲要 named with the wrong year, or as current after it ended.

## What it checks
Each entry of ``periods`` is a named period (十四五 2021–2025, 八五普法,
《法治政府建设实施纲要（2015—2020年）》 …); names match with or without quotes
(“十四五”, “八五”普法) and with any dash.  The year a sentence speaks of is
the year written in it (2025年是…), else the report year (the next year in
the parts that play the ``plan`` role).  In the clause that names a period:

- a first-year word (开局之年) must refer to the period's first year, a
  last-year word (收官之年) to its last year, a within word (关键之年) to a
  year inside the period, and a middle word (承上启下之年) to a year inside it
  that is neither the first nor the last (2025 is the 十四五's 收官之年, not a
  承前启后 year);
- a current word (贯彻落实, 深入实施 …) without a past word (期间, 以来, 收官,
  验收 …) after the period ended, when the entry names a ``successor`` or says
  ``stale_after_end = true`` (a plan with no successor yet that should no
  longer be cited as current: 《法治中国建设规划（2020—2025年）》 in a 2026
  plan), means an outdated plan is presented as current.

Each period is reported once per report.

## Why it matters
A stale formula (十四五开局之年 in a 2023 report, 贯彻落实《纲要（2015—2020年）》
in 2022) shows text carried over from an old report without review.

## Parameters
- ``periods``: tables with ``name``, ``start``, ``end`` and optionally ``successor`` or
  ``stale_after_end``.  The table is keyed by years, so next year's plans are a TOML edit.
- ``first_words``, ``last_words``, ``within_words``, ``middle_words``, ``current_words``, ``past_words``.

## Placeholders
``{found}`` the period as written; ``{problem}`` what is wrong with it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..analyze.roles import NO_ROLE
from ..model import Diagnostic
from ._strings import body_segments_on, clauses
from ._textscan import lines_holding, sections, words_regex
from .base import diagnostic, per_rule

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "period"
NEEDS_ROLES = True
PLACEHOLDERS = ("found", "problem")
_YEAR_IN_SENTENCE = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?\s*(?:是|为|既是|也是|，|,)")
_FLEX = {"（": "[（(]", "）": "[）)]", "(": "[（(]", ")": "[）)]", "—": "[—–\\-－~～至]{1,2}", "-": "[—–\\-－~～至]{1,2}"}


@dataclass(frozen=True)
class Params:
    """What a rule of the ``period`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    periods: tuple[dict, ...]
    first_words: tuple[str, ...] = ("开局之年", "开局年", "起步之年", "开篇之年", "第一年", "首年")
    last_words: tuple[str, ...] = ("收官之年", "收官年", "决胜之年", "最后一年", "收尾之年", "末年")
    within_words: tuple[str, ...] = ("关键之年", "攻坚之年", "关键一年", "重要一年")
    middle_words: tuple[str, ...] = ("承上启下之年", "承前启后之年", "承上启下的", "承前启后的", "承上启下、", "承前启后、")
    current_words: tuple[str, ...] = ("贯彻落实", "深入实施", "全面实施", "认真落实", "深入贯彻", "贯彻实施", "全面落实", "推进实施", "按照", "根据")
    past_words: tuple[str, ...] = ("期间", "以来", "时期", "收官", "回顾", "总结", "完成", "验收", "成效", "圆满", "结束", "评估")


def validate(params: Params, ruleset) -> str:
    if not params.periods:
        return "periods 不能为空"
    for i, raw in enumerate(params.periods, start=1):
        if not isinstance(raw, dict) or not {"name", "start", "end"} <= set(raw) <= {"name", "start", "end", "successor", "stale_after_end"}:
            return f"第 {i} 条 periods 必须是含 name、start、end（可选 successor、stale_after_end）的表"
        if not isinstance(raw.get("stale_after_end", False), bool):
            return f"第 {i} 条 periods 的 stale_after_end 应为 true 或 false"
        if not isinstance(raw["name"], str) or not raw["name"]:
            return f"第 {i} 条 periods 的 name 不能为空"
        if not (isinstance(raw["start"], int) and isinstance(raw["end"], int) and raw["start"] <= raw["end"]):
            return f"第 {i} 条 periods 的 start、end 应为年份且 start ≤ end"
    return ""


def flexible(name: str) -> str:
    """A regex for ``name`` that allows any dash or bracket width (quotes are removed before matching)."""
    return "".join(_FLEX.get(ch, re.escape(ch)) for ch in name.replace("“", "").replace("”", ""))


_QUOTES = "“”\"‘’"
_QUOTE = re.compile(f"[{_QUOTES}]")


def without_quotes(text: str) -> tuple[str, list[int]]:
    """``text`` without quotation marks, and the columns of the marks taken out, in order (a sentence
    holds a few: the column of each remaining character is worked out from them when a finding needs
    it, :func:`original_column`, instead of a table of every character's column made per sentence)."""
    marks = [m.start() for m in _QUOTE.finditer(text)]
    return (_QUOTE.sub("", text) if marks else text), marks


def original_column(column: int, marks: list[int]) -> int:
    """The column in the text of ``column`` in the text without its quotation ``marks`` (what
    :func:`without_quotes` gave): one more for each mark that stands before the character there."""
    for mark in marks:
        if mark > column:
            break
        column += 1
    return column


def anchor(name: str) -> str:
    """A plain substring every way of writing ``name`` contains (for a cheap pre-filter)."""
    run = re.match(r"[\u4e00-\u9fff]+", name)
    text = run.group() if run else name
    return text if len(text) >= 6 else text[:2]


class _Compiled:
    __slots__ = ("anchor_regex", "anchors", "clause_free", "names", "periods", "regex", "rule")

    def __init__(self, rule) -> None:
        self.rule = rule
        self.periods = list(rule.params.periods)
        self.anchors = tuple({anchor(p["name"]) for p in self.periods})
        self.anchor_regex = words_regex(self.anchors)
        self.clause_free = not any(mark in p["name"] for p in self.periods for mark in _CLAUSE_MARKS)
        names = sorted(range(len(self.periods)), key=lambda i: -len(self.periods[i]["name"]))
        # One alternation of every name, longest first, without a group per name: its alternatives
        # then open with a character, and ``re`` skips to the next of those first characters in C (a
        # named group around each made it try the alternation at every position: seven times slower).
        self.names = tuple((i, re.compile(flexible(self.periods[i]["name"]))) for i in names)
        self.regex = re.compile("|".join(name.pattern for _i, name in self.names))


_compiled = per_rule(_Compiled)


def problem(params: Params, period: dict, clause_after: str, clause: str, ref: int) -> str:
    start, end = period["start"], period["end"]
    if any(w in clause_after for w in params.first_words) and ref != start:
        return f"的开局之年是{start}年，不是{ref}年"
    if any(w in clause_after for w in params.last_words) and ref != end:
        return f"的收官之年是{end}年，不是{ref}年"
    middle = any(w in clause_after for w in params.middle_words)
    if (middle or any(w in clause_after for w in params.within_words)) and not start <= ref <= end:
        return f"的期限是{start}—{end}年，不包括{ref}年"
    if middle and ref in (start, end):
        return f"中，{ref}年是{'开局' if ref == start else '收官'}之年，不是承上启下之年"
    successor = period.get("successor")
    current = (
        ref > end and any(w in clause for w in params.current_words) and not any(w in clause for w in params.past_words)
    )
    if current and successor:
        return f"的期限（{start}—{end}年）已结束，{ref}年应为“{successor}”"
    if current and period.get("stale_after_end"):
        return f"的期限（{start}—{end}年）已结束，{ref}年不宜再作为现行规划引用"
    return ""


def find(text: str, rule, default_year: int) -> Iterator[tuple[int, int, int, str, str]]:
    """(start, end, period index, problem, name as written without quotes) for one piece of text."""
    comp = _compiled(rule)
    if comp.anchor_regex.search(text) is None:
        return
    plain, marks = without_quotes(text)
    named = _named(plain, comp)
    if not named:
        return
    explicit = _YEAR_IN_SENTENCE.search(text)
    ref = int(explicit.group(1)) if explicit else default_year
    for m, first, last, offset, clause in named:
        index = _which(m, comp)
        what = problem(rule.params, comp.periods[index], clause[last:], clause, ref)
        if what:
            start, end = original_column(offset + first, marks), original_column(offset + last - 1, marks) + 1
            if end < len(text) and text[end] in "”\"’" and text[start - 1 : start] in ("“", '"', "‘"):
                start, end = start - 1, end + 1  # report “十四五” with its quotes
            yield start, end, index, what, m.group()


def _which(m: re.Match, comp: _Compiled) -> int:
    """The period whose name ``m`` (a match of ``comp.regex``) is: the first name, in the regex's
    order, that matches where ``m`` starts, as the alternation took the first that did."""
    return next(i for i, name in comp.names if name.match(m.string, m.start()) is not None)


_CLAUSE_MARKS = "，,；;。！？!?：:"  # where _strings.clauses cuts


def _named(plain: str, comp: _Compiled) -> list[tuple[re.Match, int, int, int, str]]:
    """(match, its start and end in its clause, the clause's offset, the clause) of each period
    named in each clause of ``plain``; when no name holds a clause mark (a match then stays in its
    clause), from one scan of the whole text instead of one per clause."""
    found = []
    if comp.clause_free:
        named = list(comp.regex.finditer(plain))
        pieces = clauses(plain) if named else []
        offsets = [offset for offset, _clause in pieces]
        for m in named:
            offset, clause = pieces[bisect_right(offsets, m.start()) - 1]
            found.append((m, m.start() - offset, m.end() - offset, offset, clause))
        return found
    for offset, clause in clauses(plain):
        for m in comp.regex.finditer(clause):
            found.append((m, m.start(), m.end(), offset, clause))
    return found


def _sentences_with_year(report, rule, year: int):
    comp = _compiled(rule)
    lines = lines_holding(report, comp.anchors)  # scans of the whole text: the lines naming a period
    if not lines:
        return
    plan_lines: set[int] = set()
    roles = report._roles_by_section  # Report.roles_of without a call per section
    for section in sections(report):
        if "plan" in roles.get(id(section), NO_ROLE).roles:
            plan_lines.update(range(section.line, section.end_line + 1))
    for segment in body_segments_on(report, lines):
        if comp.anchor_regex.search(segment.text) is None:
            continue
        default = year + 1 if segment.line.number in plan_lines else year
        for sentence in report.sentences(segment):
            yield sentence, default


def check(report: Report, rule: Rule[Params]) -> list[Diagnostic] | tuple[()]:
    """The findings as a list (no generator made and resumed for a report that names no period)."""
    year = report.facts.year
    if year is None:
        return ()
    found = []
    seen: set[int] = set()
    for sentence, default in _sentences_with_year(report, rule, year):
        for start, end, index, what, written in find(sentence.text, rule, default):
            if index in seen:
                continue
            seen.add(index)
            found.append(diagnostic(rule, sentence.span(start, end), found=written, problem=what))
    return found
