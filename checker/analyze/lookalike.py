"""Look-alike documents: files that resemble an annual 法治政府建设 report but are something else.

Judged on the whole document, not the title alone: the title's words, the lines
around it (来源/发布时间/记者), the body's words (起草背景, 自评得分, 会议强调 …)
and patterns (third-person narration “3月12日，某镇召开…”).  A real annual
report that mentions 十四五, 述法 or 信息公开 is not a look-alike: such *weak*
title words count only when the title does not name an annual report, and
body words only reach the threshold a look-alike table sets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from ..model import Outline
from ..parse.joined import joined_text
from ..wordtrie import trie_pattern


@dataclass(frozen=True, slots=True)
class LookalikeDef:
    """A kind of document that looks like an annual report and is not one (a pack's ``[lookalikes.*]`` table)."""
    name: str
    title: tuple[str, ...] = ()  # any of these in the title: the file is this look-alike
    title_unless_report: tuple[str, ...] = ()  # … but only when the title does not name an annual report
    body: tuple[str, ...] = ()  # words anywhere in the text; ``min_body`` different ones make the look-alike
    body_patterns: tuple[str, ...] = ()  # regexes matched at the start of each line; each counts as a body word
    min_body: int = 2
    body_unless_report: bool = False  # body evidence counts only when the title does not name an annual report


LOOKALIKE_FIELDS = ("title", "title_unless_report", "body", "body_patterns", "min_body", "body_unless_report")

# a title that names one year's report: 某镇2024年法治政府建设年度报告, 关于2024年度法治政府建设情况的报告;
# not a period (2021—2025年, “十四五”时期) and not a title without a year
_REPORT_TITLE = re.compile(r"(?:法治政府|法治建设|依法行政|法治[^，。]{0,6}建设)[^，。]{0,20}(?:报告|总结|情况)")
_ONE_YEAR = re.compile(r"(?<![—\-－～~至到\d])(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年(?!\s*[—\-－～~至到])")


def names_annual_report(title: str) -> bool:
    return bool(_REPORT_TITLE.search(title)) and bool(_ONE_YEAR.search(title))


_COMPILED: dict[tuple[str, ...], tuple[re.Pattern, ...]] = {}


def _patterns(raw: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    found = _COMPILED.get(raw)
    if found is None:
        found = _COMPILED[raw] = tuple(re.compile(p) for p in raw)
    return found


def find_lookalike(outline: Outline, title: str, lookalikes: dict[str, LookalikeDef]) -> str:
    """The name of the look-alike the document is, or ''."""
    report_title = names_annual_report(title)
    if _tables(lookalikes).title_words.search(title):  # else no look-alike's title word is in it
        for name, d in lookalikes.items():
            if any(word in title for word in d.title):
                return name
            if not report_title and any(word in title for word in d.title_unless_report):
                return name
    present = None
    tables = _tables(lookalikes)
    for name, d in tables.bodied:
        if d.body_unless_report and report_title:
            continue
        if present is None:
            present = _body_words_present(outline, tables, report_title)
        hits = sum(1 for word in d.body if word in present)
        if d.body_patterns and hits < d.min_body:
            for regex in _patterns(d.body_patterns):
                if any(regex.match(line.text.lstrip(" \u3000\t")) for line in outline.lines[:80]):
                    hits += 1
        if hits >= d.min_body:
            return name
    return ""


def _body_words_present(outline: Outline, tables: _Tables, report_title: bool) -> frozenset[str]:
    """Which body words occur in the outline's text (the lines joined): those of the look-alikes whose
    body counts (under a title that names an annual report, not those whose body counts only without)."""
    text = joined_text(outline.lines)  # each line after a \n: the parse stage's own joined text
    if tables.newline_words:
        text = text[1:]  # a word with a line break in it: not one more column for it to match at
    return words_present(text, tables.report_body_words if report_title else tables.body_words)


CACHED_TABLES = 64  # word tables whose regexes are kept: one or two per pack set in use


class _Tables(NamedTuple):
    """What a look-alike table's words are searched with, worked out once per table."""

    table: dict  # kept: its id stays its own while the entry is cached
    bodied: tuple[tuple[str, LookalikeDef], ...]  # the look-alikes with body words or patterns, in the table's order
    body_words: tuple[str, ...]  # every look-alike's body words, once each
    report_body_words: tuple[str, ...]  # … but those of look-alikes whose body counts under a report's title
    newline_words: bool  # a body word holds a \n
    title_words: re.Pattern  # any look-alike's title word (title and title_unless_report); never matches if none


_TABLES: dict[int, _Tables] = {}  # by id of a pack set's look-alike table


def _tables(lookalikes: dict[str, LookalikeDef]) -> _Tables:
    entry = _TABLES.get(id(lookalikes))
    if entry is None or entry.table is not lookalikes:
        body = tuple(dict.fromkeys(word for d in lookalikes.values() for word in d.body))
        report_body = tuple(dict.fromkeys(word for d in lookalikes.values() if not d.body_unless_report for word in d.body))
        titles = sorted({word for d in lookalikes.values() for word in (*d.title, *d.title_unless_report)})
        title_words = re.compile("|".join(map(re.escape, titles)) if titles else "(?!)")
        if len(_TABLES) >= CACHED_TABLES:  # a long-lived web page may load many pack sets
            _TABLES.clear()
        bodied = tuple((name, d) for name, d in lookalikes.items() if d.body or d.body_patterns)
        entry = _TABLES[id(lookalikes)] = _Tables(lookalikes, bodied, body, report_body, any("\n" in w for w in body), title_words)
    return entry


_ANY_OF: dict[tuple[str, ...], tuple[re.Pattern | None, int]] = {}


def words_present(text: str, words: tuple[str, ...]) -> frozenset[str]:
    """Which of ``words`` occur in ``text``: one regex scan for them all instead of one search of the
    whole text per word.  The scan reports non-overlapping matches only; a word it does not report
    can still occur, but only starting inside a reported match (at any other column the scan would
    have matched it), so such words are looked for around the matches alone."""
    regex, reach = _any_of(words)
    if regex is None:
        return frozenset(w for w in words if w in text)
    found = set()
    spans = []
    for m in regex.finditer(text):
        found.add(m.group())
        spans.append(m.span())
    if spans and len(found) < len(words):
        near = "\0".join(text[s : e + reach] for s, e in spans)  # every column a match covers, and a word from there
        found.update(w for w in words if w not in found and w in near)
    return frozenset(found)


def _any_of(words: tuple[str, ...]) -> tuple[re.Pattern | None, int]:
    """The scan's regex (None for an empty word or one with NUL: then each word is searched) and how far
    a word reaches past the column it starts at."""
    known = _ANY_OF.get(words)
    if known is None:
        if not words or any(not w or "\0" in w for w in words):
            known = (None, 0)
        else:
            known = (re.compile(trie_pattern(words)), max(map(len, words)) - 1)
        if len(_ANY_OF) >= CACHED_TABLES:
            _ANY_OF.clear()
        _ANY_OF[words] = known
    return known
