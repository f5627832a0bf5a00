"""Pattern — a regular expression that must not match the report's text, with an optional fix.

## What it checks
Every match of ``pattern`` in the text of the lines in ``scope`` (a heading is read from its
text, after its number).  Matches inside the pairs of ``skip_inside`` (by default 《…》, where a
title is quoted as published), inside a match of one of ``skip_patterns`` (a convention the
rule must respect, such as the space between joint issuers in 中共中央 国务院) and, with
``skip_urls``, inside web addresses and e-mail addresses are ignored.  The pattern may use ``{han}`` (Chinese characters) and ``{zhpunct}``
(Chinese punctuation), inside or outside a character class.

Speed: start a pattern with what it consumes, not with a look-behind.  ``re`` finds the first
character of ``[ \u3000](?<=[{han}].)`` with a fast scan, while ``(?<=[{han}])[ \u3000]`` makes
it test the look-behind at every position of every report (ten times slower on the benchmark
corpus); the two match the same text.

A match is replaced by ``table[match]`` when ``table`` lists it, else character by character
through ``table`` (２０２４ → 2024 with a table of single digits), else by ``replacement``
(a ``re`` template: ``\\1``, ``\\g<name>``); with neither there is no fix.  Only the changed
characters are edited.  The fix is applied by ``fzcheck check --fix`` only when the rule says
``fix = "safe"``; otherwise it is shown as a suggestion.  With ``safe_matches``, only matches
whose text is listed there get the rule's safe fix; any other match's fix stays a suggestion
(截止目前 → 截至目前 is certain, 截止2024年底 → 截至2024年底 is left to the writer).

## Why it matters
Half-width punctuation, doubled marks and stray spaces in Chinese text are the typos
proofreaders mark first (GB/T 15834-2011); they are mechanical and safe to correct.

## Parameters
- ``pattern``: the regular expression (Python ``re`` syntax, run by the `regex` package under the
  file's time limit; a nested quantifier such as ``(a+)+`` is refused when the pack loads).
- ``replacement``: replacement template, or absent for no fix.
- ``table``: ``[[match, replacement], …]`` pairs, for one rule covering several marks.
- ``skip_inside``: two-character pairs whose contents are not checked (default ``["《》"]``).
- ``skip_patterns``: regular expressions (same macros); a match inside one of their matches
  is not reported (default none).
- ``skip_urls``: skip web and e-mail addresses (default true).
- ``scope``: line kinds to read (TITLE, SALUTATION, BODY, H, SIGN, DATE, META).
- ``ignore_case``: match case-insensitively.
- ``safe_matches``: matched texts whose fix is safe when the rule says ``fix = "safe"`` (default:
  every match's fix is).

## Placeholders
``{match}``: the text matched; ``{expected}``: its replacement; ``{between}``: what the match
stands between, from the characters either side (汉字之间, 汉字与数字之间, 数字与标点之间 …).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..limits import TimeLimitExceeded
from ..model import Diagnostic, Fix, Span
from ._regex import TimedPattern, compile_pack_pattern, nested_quantifier, required_strings
from ._textscan import (
    DEFAULT_SCOPE,
    HAN,
    ZH_PUNCT,
    clean_text,
    enclosed_ranges,
    expand_macros,
    minimal_edits,
    overlaps,
    regions,
    span_is_plain,
    url_ranges,
)
from .base import diagnostic

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "pattern"
PLACEHOLDERS = ("match", "expected", "between")
LINE_KINDS = ("TITLE", "META", "SALUTATION", "BODY", "H", "ATTACH", "SIGN", "DATE")


@dataclass(frozen=True)
class Params:
    pattern: str
    replacement: str | None = None
    table: tuple[tuple[str, str], ...] = ()
    skip_inside: tuple[str, ...] = ("《》",)
    skip_patterns: tuple[str, ...] = ()
    skip_urls: bool = True
    scope: tuple[str, ...] = DEFAULT_SCOPE
    ignore_case: bool = False
    safe_matches: tuple[str, ...] = ()


def _compile(pattern: str, ignore_case: bool) -> TimedPattern:
    return compile_pack_pattern(expand_macros(pattern), ignore_case)


@lru_cache(maxsize=256)
def _needed(pattern: str, ignore_case: bool) -> re.Pattern | None:
    """One of the strings every match needs (_regex.required_strings), as one alternation of literals:
    a linear scan that cannot backtrack, much cheaper than the pattern's own search."""
    needed = None if ignore_case else required_strings(expand_macros(pattern))
    if needed is None:
        return None
    return re.compile("|".join(map(re.escape, sorted(needed, key=lambda s: (-len(s), s)))))


def validate(params: Params, ruleset) -> str:
    flags = re.IGNORECASE if params.ignore_case else 0
    try:
        _compile(params.pattern, params.ignore_case)
        regex = re.compile(expand_macros(params.pattern), flags)  # ``re`` checks a replacement template eagerly
    except re.error as exc:
        return f"pattern 不是有效的正则表达式（{exc}）"
    if nested_quantifier(expand_macros(params.pattern), flags):
        return (
            "pattern 含有嵌套的重复（如 (a+)+、([{han}]+)+），遇到某些文字会无限回溯；"
            "请改写为不嵌套的形式（如 a+、[{han}]+）"
        )
    if regex.match(""):
        return "pattern 能匹配空字符串，会在每个位置报告"
    if params.replacement is not None and not isinstance(params.replacement, str):
        return "replacement 应为字符串"
    if params.replacement is not None:
        try:
            regex.sub(params.replacement, "")
        except (re.error, IndexError) as exc:
            return f"replacement 模板无效（{exc}）"
    for row in params.table:
        if not (isinstance(row, tuple) and len(row) == 2 and all(isinstance(x, str) for x in row)):
            return "table 的每一项应为 [原文, 替换] 两个字符串"
    for skip in params.skip_patterns:
        try:
            _compile(skip, params.ignore_case)
        except re.error as exc:
            return f"skip_patterns 中的“{skip}”不是有效的正则表达式（{exc}）"
    bad = [p for p in params.skip_inside if len(p) != 2]
    if bad:
        return f"skip_inside 的每一项应为一对符号，如 “《》”（不是：{'、'.join(bad)}）"
    unknown = [k for k in params.scope if k not in LINE_KINDS]
    if unknown:
        return f"scope 只能包含 {'、'.join(LINE_KINDS)}（不认识：{'、'.join(unknown)}）"
    return ""


def check(report: Report, rule: Rule[Params]) -> Iterator[Diagnostic]:
    try:
        yield from _check(report, rule)
    except TimeLimitExceeded:
        raise TimeLimitExceeded(
            f"规则 {rule.code} 的正则表达式在此文件上匹配超时，已停止检查此文件；请检查规则包中该规则的 pattern"
        ) from None


def _check(report: Report, rule: Rule[Params]) -> Iterator[Diagnostic]:
    params = rule.params
    regex = _compile(params.pattern, params.ignore_case)
    table = dict(params.table)
    fixable = bool(table) or params.replacement is not None
    applicability = "safe" if rule.fix == "safe" else "unsafe"
    text = clean_text(report)
    needed = _needed(params.pattern, params.ignore_case)
    if needed is not None and needed.search(text) is None:  # none of the strings every match needs
        return
    if regex.search(text) is None:
        return
    for region in regions(report, params.scope):
        text = region.text
        if regex.search(text, region.col) is None:
            continue
        skip = enclosed_ranges(text, params.skip_inside)
        for skip_pattern in params.skip_patterns:
            skip += [m.span() for m in _compile(skip_pattern, params.ignore_case).finditer(text)]
        if params.skip_urls:
            skip += url_ranges(text)
        for m in regex.finditer(text, region.col):
            start, end = m.span()
            if overlaps(start, end, skip):
                continue
            line = region.line
            span = Span(line.offset(start), line.offset(end))
            expected = ""
            fix = None
            if fixable:
                expected = _replacement(m, table, params.replacement)
                if expected != m.group() and span_is_plain(line, start, end):
                    how = applicability if not params.safe_matches or m.group() in params.safe_matches else "unsafe"
                    fix = Fix(minimal_edits(span.start, m.group(), expected), how, f"改为“{expected}”" if expected else "删除")
            yield diagnostic(rule, span, fix=fix, match=m.group(), expected=expected, between=between(text, start, end))


def _replacement(m: re.Match, table: dict[str, str], replacement: str | None) -> str:
    text = m.group()
    if text in table:
        return table[text]
    if table and any(ch in table for ch in text):
        return "".join(table.get(ch, ch) for ch in text)
    return m.expand(replacement) if replacement is not None else text


_HAN_RE = re.compile(f"[{HAN}]")


def _char_name(ch: str) -> str:
    if _HAN_RE.match(ch):
        return "汉字"
    if ch.isdigit():
        return "数字"
    if ch in ZH_PUNCT:
        return "标点"
    return "字母" if ch.isalpha() else "符号"


def between(text: str, start: int, end: int) -> str:
    """汉字之间 / 汉字与数字之间 …: what a match stands between, for a message that says where it is."""
    before = _char_name(text[start - 1]) if start > 0 else ""
    after = _char_name(text[end]) if end < len(text) else ""
    if not before or not after:
        return f"{before or after}旁"
    return f"{before}之间" if before == after else f"{before}与{after}之间"

