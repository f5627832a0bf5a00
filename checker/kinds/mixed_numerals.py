"""Mixed numerals — the same kind of number written both in Arabic and in Chinese numerals.

## What it checks
GB/T 15835-2011 lets a text choose Arabic or Chinese numerals where both are
acceptable, but numbers of the same kind in one place must take one form
(同类别同形式).

- ``scope = "paragraph"`` (counts): within one paragraph, a count written with
  a Chinese numeral (两次, 三场) beside a count with the same classifier written
  in Arabic numerals (3次) is reported at the Chinese one, with 2次 as the
  suggested form.  一 is not judged (一次, 一批 are as often indefinite as
  counts), nor approximate numbers (两三次), ordinals (第二次), or text in
  quotes and title marks.
- ``scope = "document"`` (years): a year written in Chinese numerals
  (二〇二四年) in a report that writes years in Arabic numerals (2024年) is
  reported, with 2024年 as the suggested form.

## Why it matters
Mixed forms read as careless editing; counts in a report on results are
statistics, and GB/T 9704-2012 writes the date of an official document in Arabic
numerals.

## Parameters
- ``scope``: ``paragraph`` (counts) or ``document`` (years).
- ``classifiers``: the measure words that make a count (次, 场, 人次 …), for ``paragraph``.

## Placeholders
``{found}`` the number as written, ``{other}`` the other form found, ``{suggest}`` the suggested form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from ..model import Diagnostic, Edit, Fix, Span
from ..parse.numerals import cn_to_int
from ._strings import body_segments_on, mask_quoted
from ._textscan import matching_lines
from .base import diagnostic

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "mixed_numerals"
PLACEHOLDERS = ("found", "other", "suggest")

_CN_DIGITS = "一二两三四五六七八九"
# Each opens with what it consumes, its look-behind after that: ``re`` then skips to the next possible
# first character in C instead of trying the pattern at every position.
_CN_YEAR = re.compile(r"([〇零○ＯO一二三四五六七八九](?<![〇零○Ｏ一二三四五六七八九十][〇零○ＯO一二三四五六七八九])[〇零○ＯO一二三四五六七八九]{3})(?=\s*年)")
_AR_YEAR = re.compile(r"((?:19|20)(?<!\d..)\d{2})(?=\s*年)")
# _CN_YEAR without its look-behind, opening with one character of the class: ``re`` then skips to the
# next such character in C instead of trying the whole pattern at every position (3× faster)
_CN_YEAR_QUICK = re.compile(r"[〇零○ＯO一二三四五六七八九][〇零○ＯO一二三四五六七八九]{3}(?=\s*年)")
_ZEROS = "〇零○ＯO"
_YEAR_DIGITS = {"〇": "0", "零": "0", "○": "0", "Ｏ": "0", "O": "0", "一": "1", "二": "2", "三": "3", "四": "4",
                "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
# Characters before a Chinese numeral that make it an ordinal, a word or part of a longer number.
_NOT_A_COUNT_BEFORE = set("第每逐这那哪某唯统同单专进再又首周星礼届" + _CN_DIGITS + "十百千万〇零几")


@dataclass(frozen=True)
class Params:
    """What a rule of the ``mixed_numerals`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    scope: str = "paragraph"
    classifiers: tuple[str, ...] = ()


def validate(params: Params, ruleset) -> str:
    if params.scope not in ("paragraph", "document"):
        return "scope 只能是 paragraph（计数）或 document（年份）"
    if params.scope == "paragraph" and not params.classifiers:
        return "scope = paragraph 时 classifiers 不能为空"
    return ""


_COUNT_RES: dict[tuple[str, ...], tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]] = {}


def _count_res(classifiers: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """(Arabic count, Chinese count, quick Arabic test, quick Chinese test): a quick test starts with
    what it consumes, one character of a class, so ``re`` skips to the next such character in C
    instead of trying the pattern at every position; it matches wherever its count does (the quick
    Arabic test in a few places more), and never across a line end."""
    found = _COUNT_RES.get(classifiers)
    if found is None:
        alt = "|".join(map(re.escape, sorted(classifiers, key=len, reverse=True)))
        numeral = f"[{_CN_DIGITS}十百千]"
        # each opens with one character of a class, the look-behind after it (not \d+, a group or a
        # look-behind first: ``re`` would then try the pattern at every position of the text)
        arabic = re.compile(rf"(\d(?<![\d.．]\d)\d*)(?:余|多)?(?P<c>{alt})")
        chinese = re.compile(rf"({numeral}{numeral}*)(?:余|多)?(?P<c>{alt})(?!性)")
        quick = re.compile(rf"\d\d*(?:余|多)?(?:{alt})")
        quick_chinese = re.compile(rf"{numeral}{numeral}*(?:余|多)?(?:{alt})(?!性)")
        found = _COUNT_RES[classifiers] = (arabic, chinese, quick, quick_chinese)
    return found


def _approximate(numeral: str) -> bool:
    """两三, 三四, 五六十: two digits side by side make an approximate number (must stay Chinese)."""
    digits = "一二两三四五六七八九"
    return any(a in digits and b in digits for a, b in pairwise(numeral))


def count_mixes(text: str, classifiers: tuple[str, ...]) -> Iterator[tuple[int, int, str, str, str]]:
    """(start, end, found, other, suggest) for Chinese counts mixed with Arabic ones in ``text``."""
    arabic_re, chinese_re, quick_re, _ = _count_res(classifiers)
    if quick_re.search(text) is None:  # no Arabic count at all: nothing can be mixed
        return
    scan = mask_quoted(text)
    arabic: dict[str, str] = {}
    for m in arabic_re.finditer(scan):
        arabic.setdefault(m.group("c"), m.group())
    if not arabic:
        return
    for m in chinese_re.finditer(scan):
        numeral, classifier = m.group(1), m.group("c")
        if classifier not in arabic or _approximate(numeral):
            continue
        if m.start() > 0 and scan[m.start() - 1] in _NOT_A_COUNT_BEFORE:
            continue
        if "千" in numeral:  # 三千人 is a size, not a tally; leave it alone
            continue
        value = cn_to_int(numeral)
        if value < 2:
            continue
        found = m.group()
        yield m.start(), m.end(), found, arabic[classifier], str(value) + found[len(numeral) :]


def _mixed_lines(report: Report, classifiers: tuple[str, ...]) -> set[int]:
    """The lines that may hold a mix: a Chinese count (rarer: one scan of the whole text finds the
    lines holding one) beside an Arabic count.  Masking quotes only takes matches away, so a line
    without both here has no mix."""
    _, _, quick_arabic, quick_chinese = _count_res(classifiers)
    lines = report.doc.lines
    return {n for n in matching_lines(report, quick_chinese) if quick_arabic.search(lines[n - 1].text)}


def _may_hold_a_chinese_year(text: str) -> bool:
    """False when no year from 1900 to 2100 is written in Chinese numerals: 19xx is 一九…, 20xx and
    2100 hold a zero (〇, 零, ○, Ｏ, O).  Searches for one character or two, where the year regex
    stops at every 一, 二, 三 of the text; 一九 only where 九 is (a search for one character is a few
    times faster than one for two, and most reports write no 九)."""
    return ("九" in text and "一九" in text) or any(zero in text for zero in _ZEROS)


def _year_value(text: str) -> str:
    return "".join(_YEAR_DIGITS[ch] for ch in text)


def check(report: Report, rule: Rule[Params]) -> list[Diagnostic] | tuple[()]:
    """The findings as a list, or () at once when the report holds nothing to look at (most reports):
    no generator made and resumed."""
    if rule.params.scope == "paragraph":
        hit = _mixed_lines(report, rule.params.classifiers)
        return _count_findings(report, rule, hit) if hit else ()
    text = report.doc.text
    if not _may_hold_a_chinese_year(text) or _CN_YEAR_QUICK.search(text) is None or _CN_YEAR.search(text) is None:
        return ()
    return _year_findings(report, rule)


def _count_findings(report: Report, rule: Rule[Params], hit: set[int]) -> list[Diagnostic]:
    found = []
    for segment in body_segments_on(report, frozenset(hit)):
        for start, end, written, other, suggest in count_mixes(segment.text, rule.params.classifiers):
            span = segment.span(start, end)
            fix = Fix((Edit(span.start, span.end, suggest),), "unsafe", f"改为“{suggest}”")
            found.append(diagnostic(rule, span, fix=fix, found=written, other=other, suggest=suggest))
    return found


def _year_findings(report: Report, rule: Rule[Params]) -> list[Diagnostic]:
    lines = report.doc.lines
    arabic = next((m.group(1) + "年" for line in lines for m in _AR_YEAR.finditer(line.text)), None)
    if arabic is None:
        return []
    found = []
    for line in lines:
        if "年" not in line.text:
            continue
        scan = mask_quoted(line.text, ("《》",))
        for m in _CN_YEAR.finditer(scan):
            value = _year_value(m.group(1))
            if not 1900 <= int(value) <= 2100:
                continue
            start, end = line.offset(m.start(1)), line.offset(m.end(1))
            fix = Fix((Edit(start, end, value),), "unsafe", f"改为“{value}”")
            found.append(diagnostic(rule, Span(start, end), fix=fix, found=m.group(1) + "年", other=arabic, suggest=value + "年"))
    return found
