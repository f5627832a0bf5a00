"""Year form — a year written in a non-standard form.

## What it checks
- ``form = "zero"``: a year in Chinese numerals whose zero is not 〇
  (二○二四年 with a circle ○, 二O二四年 with a letter, 二零二四年).  The fix
  writes 〇; it is safe when only symbols or letters are replaced, unsafe when
  零 is.
- ``form = "abbreviated"``: a two-digit year (24年3月, 24年度) where the full
  year is required; the suggested fix writes 2024 and is unsafe (the century is a guess).

Text inside 《》 is skipped.

## Why it matters
GB/T 15835-2011 writes the zero of a Chinese-numeral year as 〇 (二〇〇八年),
and GB/T 9704-2012 requires the full year in dates; both are routine
proofreading points for official documents.

## Parameters
- ``form``: ``zero`` or ``abbreviated``.

## Placeholders
``{found}`` the year as written, ``{suggest}`` the standard form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Diagnostic, Edit, Fix, Span
from ._strings import mask_quoted
from ._textscan import clean_text, lines_touched
from .base import diagnostic

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "year_form"
PLACEHOLDERS = ("found", "suggest")

# Each opens with a character of a class, its look-behind after it: ``re`` then skips to the next such
# character in C instead of trying the pattern at every position (a look-behind or a repeat first).
_CN_YEAR = re.compile(r"([〇零○ＯO0一二三四五六七八九](?<![〇零○ＯO0一二三四五六七八九十][〇零○ＯO0一二三四五六七八九])[〇零○ＯO0一二三四五六七八九]{3})(?=\s*年)")
_BAD_ZERO = "零○ＯO0"
_SHORT_YEAR = re.compile(r"(\d(?<![\d.．/\-]\d)\d)(?=\s*年(?:\s*\d{1,2}\s*月|度))")
# Quick tests for a whole report: the same without the look-behind, so that ``re`` scans for the
# first character instead of testing the look-behind at every position (a superset of the matches).
_QUICK = {
    "zero": re.compile(r"[〇零○ＯO0一二三四五六七八九][〇零○ＯO0一二三四五六七八九]{3}(?=\s*年)"),
    "abbreviated": re.compile(r"\d\d(?=\s*年(?:\s*\d{1,2}\s*月|度))"),
}
# The 年 of every line that may hold a finding: after a space, or after the numerals of a year
# that zero_problems or short_years would look at (一/二 and three more; two digits not after a digit,
# a point, a slash or a dash).  A scan for the character 年 is ten times faster than one for the
# numerals, which are everywhere.
_YEAR_MARK = {
    "zero": re.compile(r"年(?:(?<=[一二][〇零○ＯO0一二三四五六七八九]{3}年)|(?<=\s年))"),
    "abbreviated": re.compile(r"年(?:(?<![\d.．/\-]\d{2}年)(?<=\d{2}年)|(?<=\s年))"),
}


@dataclass(frozen=True)
class Params:
    """What a rule of the ``year_form`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    form: str = "zero"


def validate(params: Params, ruleset) -> str:
    return "" if params.form in ("zero", "abbreviated") else "form 只能是 zero 或 abbreviated"


def zero_problems(text: str) -> Iterator[tuple[int, int, str, str, str]]:
    """(start, end, found, suggest, applicability) for Chinese years with a wrong zero."""
    if "年" not in text:
        return
    for m in _CN_YEAR.finditer(mask_quoted(text, ("《》",))):
        year = m.group(1)
        if not any(ch in _BAD_ZERO for ch in year) or not any(ch in "一二三四五六七八九" for ch in year):
            continue
        if sum(ch in "〇零○ＯO0" for ch in year) == 4 or year[0] not in "一二":
            continue  # 〇〇〇〇 or 三〇〇〇: not a year
        fixed = "".join("〇" if ch in _BAD_ZERO else ch for ch in year)
        applicability = "unsafe" if "零" in year else "safe"
        yield m.start(), m.end(), year + "年", fixed + "年", applicability


def short_years(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, found, suggest) for two-digit years followed by a month or 年度."""
    if "年" not in text:
        return
    for m in _SHORT_YEAR.finditer(mask_quoted(text, ("《》",))):
        yy = int(m.group(1))
        full = (2000 if yy <= 50 else 1900) + yy
        yield m.start(), m.end(), m.group(1) + "年", f"{full}年"


# Either form's 年 (the look-behinds of both): one search per report for both rules, which in most
# reports finds none, where each rule's own search read the text's every 年.
_ANY_YEAR_MARK = re.compile(
    r"年(?:(?<=[一二][〇零○ＯO0一二三四五六七八九]{3}年)|(?<=\s年)|(?<![\d.．/\-]\d{2}年)(?<=\d{2}年))"
)


def marked_lines(report: Report, form: str) -> list[int]:
    """Numbers of the lines holding a 年 of :data:`_YEAR_MARK`: one scan of the whole text, not one
    per line, and only a search when there is none (most reports); none at once when the report's one
    search for either form's 年 found none."""
    text = clean_text(report)
    held = report._memo.get("year_form marks")
    if held is None:
        held = report._memo["year_form marks"] = _ANY_YEAR_MARK.search(text) is not None
    if not held:
        return []
    mark = _YEAR_MARK[form]
    first = mark.search(text)
    return [] if first is None else lines_touched(report, mark.finditer(text, first.start()))


def check(report: Report, rule: Rule[Params]) -> list[Diagnostic] | tuple[()]:
    """The findings as a list, or () at once when no line may hold one (most reports): no generator
    made and resumed."""
    form = rule.params.form
    quick = _QUICK[form]
    lines = report.doc.lines
    candidates = [line for line in [lines[n - 1] for n in marked_lines(report, form)] if quick.search(line.text) is not None]
    if not candidates or quick.search(report.doc.text) is None:  # and the whole report's quick test
        return ()
    return _findings(rule, candidates)


def _findings(rule: Rule[Params], candidates: list) -> list[Diagnostic]:
    found = []
    for line in candidates:
        if rule.params.form == "zero":
            for start, end, written, suggest, applicability in zero_problems(line.text):
                span = Span(line.offset(start), line.offset(end))
                fix = Fix((Edit(span.start, span.end, suggest[:-1]),), applicability, f"改为“{suggest}”")  # type: ignore[arg-type]
                found.append(diagnostic(rule, span, fix=fix, found=written, suggest=suggest))
        else:
            for start, end, written, suggest in short_years(line.text):
                span = Span(line.offset(start), line.offset(end))
                fix = Fix((Edit(span.start, span.end, suggest[:-1]),), "unsafe", f"改为“{suggest}”")
                found.append(diagnostic(rule, span, fix=fix, found=written, suggest=suggest))
    return found
