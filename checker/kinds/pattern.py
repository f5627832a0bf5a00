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
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING

from ..limits import TimeLimitExceeded
from ..model import Diagnostic, Fix, Span
from ._regex import (
    TimedPattern,
    compile_pack_pattern,
    finds_every_line,
    literal_prefix,
    nested_quantifier,
    opening_class,
    opens_with_a_literal,
    required_sets,
    required_strings,
)
from ._textscan import (
    DEFAULT_SCOPE,
    HAN,
    ZH_PUNCT,
    Region,
    clean_text,
    enclosed_ranges,
    expand_macros,
    line_starts,
    lines_of_spans,
    matching_lines,
    minimal_edits,
    overlaps,
    regions,
    regions_on,
    span_is_plain,
    url_ranges,
    words_finders,
)
from .base import diagnostic, per_rule

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "pattern"
PLACEHOLDERS = ("match", "expected", "between")
LINE_KINDS = ("TITLE", "META", "SALUTATION", "BODY", "H", "ATTACH", "SIGN", "DATE")


@dataclass(frozen=True)
class Params:
    """What a rule of the ``pattern`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
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


class _Needed:
    """What the text must hold for the pattern to match (_regex.required_sets): one character of
    each small set, looked up with ``in`` (much faster than a scan for a class of characters), and
    one of the strings of the best set of longer ones (_textscan.words_finders: a trie of them, or a
    regex per group of them opening with a string the group shares)."""

    __slots__ = ("chars", "rare", "strings")

    def __init__(self, pattern: str, ignore_case: bool) -> None:
        expanded = expand_macros(pattern)
        sets = [] if ignore_case else required_sets(expanded)
        single = [s for s in sets if all(len(x) == 1 for x in s) and len(s) <= 16]
        best = None if ignore_case else required_strings(expanded)
        # the first characters of the strings: looking for a character that is not there costs a
        # fraction of a scan for a string (截 for 截止, in half the reports)
        firsts = frozenset(s[0] for s in best) if best else frozenset()
        if firsts and len(firsts) <= 16 and firsts not in single:
            single.append(firsts)
        self.chars = tuple("".join(sorted(s)) for s in sorted(single, key=len))
        finders = words_finders(tuple(best)) if best and best not in single else ()
        # each finder with the character it opens with (届 for 届(?<=15届)…), looked up first: a character
        # that is not there costs a fraction of the finder's scan ("" for a finder opening otherwise)
        self.strings = tuple((_opening_char(finder), finder) for finder in finders)
        # A character every match needs by itself (号), when the pattern does not open with a literal
        # string (its scan of the whole text is then one for a class of characters, or tries every
        # position): the lines holding the character, found with a fast scan for it, are the only
        # lines a scan of a line can match on (the text around a match of that scan is its line).
        alone = self.chars and len(self.chars[0]) == 1 and not opens_with_a_literal(expanded, ignore_case)
        self.rare = re.compile(re.escape(self.chars[0])) if alone else None

    def held_by(self, text: str) -> bool:
        for chars in self.chars:
            for ch in chars:
                if ch in text:
                    break
            else:  # none of this set
                return False
        for opening, finder in self.strings:
            if opening in text and finder.search(text) is not None:
                return True
        return not self.strings


def _opening_char(finder: re.Pattern) -> str:
    """The character every match of ``finder`` opens with, or "" when it opens with a class or more."""
    prefix = literal_prefix(finder.pattern, finder.flags)
    return prefix[0] if prefix else ""


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


def check(report: Report, rule: Rule[Params]) -> Iterable[Diagnostic]:
    """The findings: nothing at once when the text lacks what every match needs (most rules, most
    reports: no generator is made), else those of each region the whole text's scan points to."""
    comp = _compiled(rule)
    try:
        to_read = _regions_to_read(report, comp, rule.params.scope)
    except (TimeLimitExceeded, TimeoutError):  # TimeoutError: from TimedPattern.scan
        raise _timed_out(rule) from None
    return _findings(to_read, rule, comp) if to_read else ()


def _findings(to_read: Iterable[Region], rule: Rule[Params], comp: _Compiled) -> Iterator[Diagnostic]:
    try:
        yield from _check(to_read, rule, comp)
    except (TimeLimitExceeded, TimeoutError):
        raise _timed_out(rule) from None


def _timed_out(rule: Rule[Params]) -> TimeLimitExceeded:
    return TimeLimitExceeded(f"规则 {rule.code} 的正则表达式在此文件上匹配超时，已停止检查此文件；请检查规则包中该规则的 pattern")


class _Compiled:
    """What a rule's check needs, built once per loaded rule."""

    __slots__ = ("fixable", "needed", "openers", "regex", "skips", "table", "template", "whole")

    def __init__(self, rule) -> None:
        p = rule.params
        expanded = expand_macros(p.pattern)
        # One scan of the whole text finds the lines to read, when that cannot miss one
        # (_regex.finds_every_line).  Compiled once, with MULTILINE, for that scan and for each
        # line's: a line holds no newline, so there ^ and $ mean what they mean without it.
        every_line = finds_every_line(expanded, re.IGNORECASE if p.ignore_case else 0)
        self.regex = compile_pack_pattern(expanded, p.ignore_case, multiline=every_line)
        self.whole = self.regex if every_line else None
        # A pattern opening with a class of a few characters: the whole text scanned once for each
        # character present, with the pattern opening with it (_regex.opening_class), not once for the class.
        openers = opening_class(expanded, re.IGNORECASE if p.ignore_case else 0) if every_line else None
        self.openers = openers or ()  # (character, pattern): compiled when a text holding the character is scanned
        self.needed = _Needed(p.pattern, p.ignore_case)
        self.skips = tuple((_compile(skip, p.ignore_case), _Needed(skip, p.ignore_case)) for skip in p.skip_patterns)
        self.table = dict(p.table)
        self.template = plain_template(p.replacement) if p.replacement is not None else None
        self.fixable = bool(self.table) or p.replacement is not None


_compiled = per_rule(_Compiled)
# When the character every match needs stands on this many lines or fewer, those lines are scanned one
# by one instead of the whole text (a scan for a class of characters by the `regex` engine, ~20 us for
# a report of the benchmark corpus, where a line's scan costs a few).
_FEW_LINES = 3


def _regions_to_read(report: Report, comp: _Compiled, scope: tuple[str, ...]) -> Iterable[Region]:
    """The regions on which the rule may match: from one scan of the whole text, or, when the
    character every match needs stands on a few lines only, those lines."""
    text = clean_text(report)
    if not comp.needed.held_by(text):  # it lacks what every match needs
        return ()
    if comp.whole is None:
        return regions(report, scope) if comp.regex.search(text) is not None else ()
    if comp.needed.rare is not None:
        few = matching_lines(report, comp.needed.rare)
        if len(few) <= _FEW_LINES:
            return regions_on(report, sorted(few), scope)
    scans = _whole_scans(text, comp)
    spans = scans[0] if len(scans) == 1 else sorted(chain.from_iterable(scans))
    starts = line_starts(report)
    found = regions_on(report, lines_of_spans(starts, spans), scope)
    if any(region.col for region in found):
        found = [region for region in found if not region.col or any(_reaches(one, starts, region) for one in scans)]
    return found


def _whole_scans(text: str, comp: _Compiled) -> list[list[tuple[int, int]]]:
    """The spans of the matches of the whole text's scan, or, for a pattern opening with a class of a
    few characters, of each scan for a character of it the text holds.  Each list is in scan order.
    Where a scan of a line from a column finds a match opening with a character, the scan for that
    character, which matches there too, has a match running over that place or ending after it on
    that line (as the scan for the class has, see :func:`_reaches`): the lines and headings to read
    are found as from the scan for the class.  Matches of two scans may overlap: no harm, a line is
    read once."""
    if not comp.openers:
        return [[m.span() for m in comp.whole.scan(text)]]
    return [[m.span() for m in compile_pack_pattern(variant, multiline=True).scan(text)] for ch, variant in comp.openers if ch in text] or [[]]


def _reaches(spans: list[tuple[int, int]], starts: list[int], region: Region) -> bool:
    """Whether a match of the whole text's scan on ``region``'s line ends after the column it is read
    from (a heading's text, after its number).  When none does, the line's scan from that column finds
    nothing: the whole scan went on from the end of its last match there, before the column, over the
    rest of the line, and at any place where the line's own scan matches, the whole text's matches too
    (``finds_every_line``: the text around a line only adds ways to match), so it would have found a
    match there or one running over it.  (1,163 matches of FZ402 in the corpus are heading numbers
    written (一), left of the heading's text.)"""
    number = region.line.number
    at = starts[number - 1] + region.col
    line_end = starts[number] if number < len(starts) else _END
    k = bisect_right([end for _start, end in spans], at)  # the first match ending after the column
    return k < len(spans) and spans[k][0] < line_end


def _check(to_read: Iterable[Region], rule: Rule[Params], comp: _Compiled) -> Iterator[Diagnostic]:
    params = rule.params
    regex, table = comp.regex, comp.table
    applicability = "safe" if rule.fix == "safe" else "unsafe"
    for region in to_read:
        text = region.text
        skip = None
        for m in regex.scan(text, region.col):
            start, end = m.span()
            if skip is None:  # the line's skipped ranges, once it has a match
                skip = _skipped(text, params, comp)
            if overlaps(start, end, skip):
                continue
            line = region.line
            span = Span(line.offset(start), line.offset(end))
            expected = ""
            fix = None
            if comp.fixable:
                expected = _replacement(m, table, params.replacement, comp.template)
                if expected != m.group() and span_is_plain(line, start, end):
                    how = applicability if not params.safe_matches or m.group() in params.safe_matches else "unsafe"
                    fix = Fix(minimal_edits(span.start, m.group(), expected), how, f"改为“{expected}”" if expected else "删除")
            yield diagnostic(rule, span, fix=fix, match=m.group(), expected=expected, between=between(text, start, end))


def _skipped(text: str, params: Params, comp: _Compiled) -> list[tuple[int, int]]:
    """Column ranges of ``text`` where a match is not reported: inside the pairs of ``skip_inside``,
    matches of ``skip_patterns``, and (with ``skip_urls``) web and e-mail addresses."""
    skip = enclosed_ranges(text, params.skip_inside)
    for skip_regex, needed in comp.skips:
        if needed.held_by(text):  # a line without what every match needs holds no match
            skip += [m.span() for m in skip_regex.finditer(text)]
    if params.skip_urls:
        skip += url_ranges(text)
    return skip


def _replacement(m: re.Match, table: dict[str, str], replacement: str | None, template: tuple | None) -> str:
    text = m.group()
    if text in table:
        return table[text]
    if table and any(ch in table for ch in text):
        return "".join(table.get(ch, ch) for ch in text)
    if template is not None:
        return expanded(m, template)
    return m.expand(replacement) if replacement is not None else text


def plain_template(replacement: str) -> tuple | None:
    """A replacement template of text, ``\\\\`` and references to groups (``\\1``…``\\9``, ``\\g<2>``,
    ``\\g<name>``), what the packs write, as (text, group, text, …, text); None for any other escape
    (``\\n``, ``\\12``, ``\\0``…), which the engine's own ``expand`` reads.  The `regex` engine's
    ``expand`` imports the package's Python half (see checker/regex_cache.py) the first time it runs:
    :func:`expanded` does what it does for these templates without it."""
    pieces: list = []
    text: list[str] = []
    k = 0
    while k < len(replacement):
        ch = replacement[k]
        if ch != "\\":
            text.append(ch)
            k += 1
            continue
        group, k = _group_at(replacement, k + 1)
        if group is None:
            return None
        if group == "\\":
            text.append("\\")
            continue
        pieces += ["".join(text), group]
        text = []
    pieces.append("".join(text))
    return tuple(pieces)


def _group_at(replacement: str, k: int) -> tuple[int | str | None, int]:
    """What the escape whose backslash stands before column ``k`` means: "\\" for a backslash, a
    group's number or name, or None for an escape :func:`plain_template` leaves to the engine; and
    the column after it."""
    ch = replacement[k : k + 1]
    if ch == "\\":
        return "\\", k + 1
    if ch in "123456789" and ch and not replacement[k + 1 : k + 2].isdigit():
        return int(ch), k + 1
    if ch == "g" and replacement[k + 1 : k + 2] == "<":
        end = replacement.find(">", k + 2)
        name = replacement[k + 2 : end] if end != -1 else ""
        if name.isascii() and name.isdigit():
            return int(name), end + 1
        if name.isascii() and name.isidentifier():
            return name, end + 1
    return None, k


def expanded(m: re.Match, template: tuple) -> str:
    """``m.expand`` of the template :func:`plain_template` read: a group that took no part in the match
    gives nothing, as in both engines."""
    out = []
    for k, piece in enumerate(template):
        out.append(piece if k % 2 == 0 else (m.group(piece) or ""))
    return "".join(out)


_END = float("inf")  # beyond every offset
_HAN_RE = re.compile(f"[{HAN}]")


@lru_cache(maxsize=4096)  # a few hundred characters stand next to the matches of a run
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

