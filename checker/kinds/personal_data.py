"""Personal data — mobile numbers and 身份证号 in a text that will be published.

## What it checks
In the title, headings, body and closing lines:

- a mobile number: 11 digits 1[3-9]…, optionally written 138-1234-5678 or 138 1234 5678 or
  with +86, not part of a longer number, not followed by a unit (元, 万, 人, 次, % …: an amount
  or a count) or by 号 (a document or case number);
- a 身份证号: 18 characters, 17 digits and a digit or X, with a real birth date and the check
  digit of GB 11643-1999 (so a long statistic or serial number does not fire).

Landlines (0891-1234567), service hotlines (12345, 12348) and masked numbers (138****5678)
are not reported: offices publish their 监督电话 on purpose, and a masked number is already
safe.  When a person's name stands right before the number (联系人：张三，电话：…), the
message says so.  The message shows the number masked, so the finding itself does not spread it.

## Why it matters
The annual report is published (by 1 April) through newspapers and web sites; a citizen's or a
staff member's mobile number or ID number in it is personal information made public.

## Parameters
- ``units``: what, after a number, makes it an amount or a count.
- ``name_labels``: words that introduce a person's name (联系人, 负责人, 当事人 …).

## Placeholders
``{what}`` 手机号码 or 身份证号码; ``{masked}`` the number with its middle hidden; ``{named}``
"，并写明了姓名" when a name stands before it, else empty.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..model import Diagnostic, Span
from ._regex import SPACE_CLASS, digit_scan
from ._textscan import clean_text, lines_touched, regions_on
from .base import diagnostic

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "personal_data"
PLACEHOLDERS = ("what", "masked", "named")
_MOBILE = re.compile(r"(?<![0-9A-Za-z.．])(?:\+?86[-\s]?)?1[3-9][0-9](?:[-\s]?[0-9]{4}){2}(?![0-9A-Za-z])")
_ID = re.compile(r"(?<![0-9A-Za-z])[1-9][0-9]{5}(?:18|19|20)[0-9]{9}[0-9Xx](?![0-9A-Za-z])")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


@dataclass(frozen=True)
class Params:
    """What a rule of the ``personal_data`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    units: tuple[str, ...] = (
        "元", "万", "亿", "人", "次", "件", "个", "份", "户", "%", "％", "米", "平方", "吨", "公里", "千克", "斤",
        "亩", "余", "多", "号", "年", "条", "起", "名", "场", "期", "册", "套", "台", "辆", "笔", "项",
    )  # fmt: skip
    name_labels: tuple[str, ...] = ("联系人", "负责人", "当事人", "申请人", "户主", "姓名", "调解员", "网格员", "法律明白人")


def validate(params: Params, ruleset) -> str:
    if not all(isinstance(u, str) and u for u in params.units):
        return "units 应为非空的文字列表"
    if not all(isinstance(w, str) and w for w in params.name_labels):
        return "name_labels 应为非空的文字列表"
    return ""


def id_number_is_valid(text: str) -> bool:
    """An 18-character 身份证号 with a real birth date and the right check digit (GB 11643-1999)."""
    if len(text) != 18 or not text[:17].isdigit():
        return False
    try:
        born = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return False
    if not date(1900, 1, 1) <= born <= date.today():
        return False
    total = sum(int(ch) * w for ch, w in zip(text[:17], _WEIGHTS))
    return _CHECK[total % 11] == text[17].upper()


def mask(number: str) -> str:
    """138****5678, 540***********1234: the number with its middle hidden (a +86 prefix dropped)."""
    digits = re.sub(r"[^0-9Xx]", "", number)
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


_NAME_BEFORE = re.compile(r"([\u4e00-\u9fff]{2,4})[（(]?(?:电话|手机|联系电话|联系方式|手机号|身份证号|身份证号码)?[：:]?\s*$")


def _named(before: str, labels: tuple[str, ...]) -> bool:
    """A person's name right before the number: 联系人：张三，电话： / 张三（手机）."""
    window = before[-24:]
    if not any(label in window for label in labels):
        return False
    tail = re.sub(r"[，,、\s]*(?:电话|手机|联系电话|联系方式|手机号|身份证号码?)?[：:]?\s*$", "", window)
    return _NAME_BEFORE.search(tail) is not None


def _found(text: str, units: tuple[str, ...]) -> Iterator[tuple[int, int, str]]:
    for m in _ID.finditer(text):
        if id_number_is_valid(m.group()):
            yield m.start(), m.end(), "身份证号码"
    for m in _MOBILE.finditer(text):
        if not text.startswith(units, m.end()):
            yield m.start(), m.end(), "手机号码"


# Every finding holds 11 digits in a row, or a mobile number written in groups (138-1234-5678):
# [0-9]{11}|1[3-9][0-9][-\s][0-9]{4}, written so that the scan looks for its first character with a
# fast scan (one class first, each digit spelt out), and run by the `regex` engine, which skips to the
# next digit twice as fast as ``re`` (7.5 against 15 us for a report of the benchmark corpus).
_CANDIDATE = digit_scan("[0-9](?:" + "[0-9]" * 10 + f"|(?<=1)[3-9][0-9][-{SPACE_CLASS}]" + "[0-9]" * 4 + ")")


def check(report: Report, rule: Rule[Params]) -> list[Diagnostic] | tuple[()]:
    """The findings as a list, or () at once when no line holds a candidate number (most reports)."""
    touched = candidate_lines(report)
    return _findings(report, rule, touched) if touched else ()


def candidate_lines(report: Report) -> list[int]:
    """Numbers of the lines a candidate number touches: one scan of the whole text, and only a search
    when there is none (most reports)."""
    text = clean_text(report)
    first = _CANDIDATE.search(text)
    return [] if first is None else lines_touched(report, _CANDIDATE.finditer(text, first.start()))


def _findings(report: Report, rule: Rule[Params], touched: list[int]) -> list[Diagnostic]:
    params = rule.params
    findings = []
    for region in regions_on(report, touched):
        text = region.text
        if _CANDIDATE.search(text) is None:
            continue
        taken: list[tuple[int, int]] = []
        for start, end, what in _found(text, params.units):
            if any(start < e and s < end for s, e in taken):
                continue  # an ID number's digits are not a mobile number too
            taken.append((start, end))
            named = "，并写明了姓名" if _named(text[:start], params.name_labels) else ""
            line = region.line
            findings.append(
                diagnostic(rule, Span(line.offset(start), line.offset(end)), what=what, masked=mask(text[start:end]), named=named)
            )
    return findings
