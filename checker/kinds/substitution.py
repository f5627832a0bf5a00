"""Substitution — a table of words to replace (Vale's ``substitution``), matched on jieba tokens.

## What it checks
Each ``[[rule.swap]]`` entry names a word (``from``) and its replacement
(``to``).  The title, headings and body text are searched (not the signature).
A finding is a ``from`` that stands as whole words in the text: the match
must start and end on jieba token boundaries of its sentence, so
法制 in 学法制度 (学法/制度) is never touched.  Text inside quoted titles and
quotations (《》 “” ‘’ 「」) is skipped: a cited name such as 《法制日报》 is
written as it was published.  Occurrences inside a ``keep`` word (法制审核,
法制办 …) are skipped.  An entry with ``context_any`` fires only in a sentence
that also contains one of those words (党政负责人 only where the sentence is
about the 第一责任人 duty); one with ``context_none`` stays silent in a sentence that contains
one of those words (《法制日报》 in a sentence about 2019 is history, not a current name).

The text is first searched for the table's words as plain substrings (one
compiled alternation, longest first); jieba is loaded, and only the candidate
sentence segmented, when a candidate is present.

## Why it matters
Reports are official documents: reviewers return them for outdated or
non-standard wording (法制宣传 for 法治宣传 since the 2014 Fourth Plenum) as they
do for missing parts.  The table is data so that a county can add its own words.

## Parameters
- ``swap``: the entries, each a table with ``from``, ``to``, ``example`` (a
  sentence in which the entry must fire, checked by the test suite), and
  optionally ``fix`` (``unsafe`` by default, ``safe`` only when the replacement
  is certain, ``none`` for no fix), ``context_any`` and ``context_none`` (lists of words).
- ``keep``: words whose occurrences are never reported (法制审核, 法制办 …).
- ``skip_quoted`` (default true): ignore text inside quotes and title marks.
- ``token_aligned`` (default true): require jieba token boundaries.

## Placeholders
``{found}``: the word as written; ``{expected}``: its replacement.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..model import Diagnostic, Edit, Fix
from ._strings import JIEBA_BLOCK, mask_quoted, report_segments, segments_on
from ._textscan import clean_text, line_starts, words_regex
from .base import diagnostic, per_rule

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "substitution"
PLACEHOLDERS = ("found", "expected")
ENTRY_KEYS = ("from", "to", "example", "fix", "context_any", "context_none")
FIX_VALUES = ("safe", "unsafe", "none")
_SENTENCE_END = "。；;！？!?\n"


@dataclass(frozen=True)
class Params:
    """What a rule of the ``substitution`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    swap: tuple[dict, ...] = ()
    keep: tuple[str, ...] = ()
    skip_quoted: bool = True
    token_aligned: bool = True


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of a substitution table: the wrong form, the right one, an example, the context it needs."""
    source: str
    target: str
    example: str
    fix: str
    context_any: tuple[str, ...]
    context_none: tuple[str, ...] = ()


def entries(params: Params) -> list[Entry]:
    """The swap table as validated entries (``validate`` has already rejected malformed ones)."""
    out = []
    for raw in params.swap:
        out.append(
            Entry(
                source=raw["from"],
                target=raw["to"],
                example=raw.get("example", ""),
                fix=raw.get("fix", "unsafe"),
                context_any=tuple(raw.get("context_any", ())),
                context_none=tuple(raw.get("context_none", ())),
            )
        )
    return out


def validate(params: Params, ruleset) -> str:
    if not params.swap:
        return "swap 不能为空：至少写一条 [[rule.swap]]（from、to、example）"
    seen: set[str] = set()
    for i, raw in enumerate(params.swap, start=1):
        problem = _entry_problem(raw, f"第 {i} 条 swap", seen)
        if problem:
            return problem
    sources = [raw["from"] for raw in params.swap]
    for raw in params.swap:
        for other in sources:
            if other in raw["to"]:
                return f"“{raw['from']}”→“{raw['to']}” 的替换结果又包含 “{other}”，改完仍会报告（循环）"
    for word in params.keep:
        if not isinstance(word, str) or not word:
            return "keep 必须是非空字符串列表"
    return ""


def _entry_problem(raw, where: str, seen: set[str]) -> str:
    """What is wrong with one [[rule.swap]] entry ("" when nothing); ``seen``: the sources so far."""
    if not isinstance(raw, dict):
        return f"{where} 必须是表（[[rule.swap]]）"
    unknown = next((key for key in raw if key not in ENTRY_KEYS), None)
    if unknown is not None:
        return f"{where} 有未知的键 “{unknown}”，可用：{', '.join(ENTRY_KEYS)}"
    for key in ("from", "to", "example"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            return f"{where} 缺少 {key}（非空字符串）"
    source, target = raw["from"], raw["to"]
    if source == target:
        return f"{where}：from 与 to 相同（“{source}”）"
    if source in seen:
        return f"{where}：“{source}” 重复出现"
    seen.add(source)
    if source not in raw["example"]:
        return f"{where}：example 中没有出现 “{source}”"
    if raw.get("fix", "unsafe") not in FIX_VALUES:
        return f"{where}：fix 只能是 safe、unsafe 或 none"
    for key in ("context_any", "context_none"):
        ctx = raw.get(key, [])
        if not isinstance(ctx, (list, tuple)) or not all(isinstance(w, str) and w for w in ctx):
            return f"{where}：{key} 必须是非空字符串列表"
    return ""


class _Compiled:
    __slots__ = ("_segmenter", "by_source", "keep", "known_in", "regex", "rule", "single_line", "words")

    def __init__(self, rule) -> None:
        table = entries(rule.params)
        self.rule = rule
        self.by_source = {e.source: e for e in table}
        self.regex = words_regex(tuple(self.by_source))  # the longest source at each place
        self.keep = words_regex(tuple(rule.params.keep)) if rule.params.keep else None
        self.words = tuple(sorted({*self.by_source, *rule.params.keep}))
        self.single_line = not any("\n" in word for word in self.by_source)
        self._segmenter = None
        self.known_in = -1  # the version of _VOCABULARY known to hold the sources

    def segmenter(self):
        if self._segmenter is None:
            from ..analyze.tokens import Segmenter
            from ..resources import default_rules_dir

            self._segmenter = Segmenter(str(default_rules_dir() / "jieba-userdict.txt"), self.words)
        return self._segmenter


compiled = per_rule(_Compiled)

Finders = tuple[tuple[str, re.Pattern], ...]


def vocabulary_finders(words: tuple[str, ...]) -> Finders:
    """(first character, regex of the words opening with it) for each first character of ``words``:
    each regex opens with a literal character, which ``re`` skips to with a fast search, where the
    regex of every word opens with a class of their first characters, tested at every character of
    the text (习党全推民法: 281,000 instructions a report of the benchmark corpus for the one scan,
    147,000 for the six).  One regex of every word ("" for its character) when they open with many
    characters."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        if word:
            by_first.setdefault(word[0], []).append(word)
    if len(by_first) > _MOST_FIRSTS:
        return (("", words_regex(words)),)
    return tuple((first, words_regex(tuple(group))) for first, group in sorted(by_first.items()))


_MOST_FIRSTS = 12


class _Vocabulary:
    """The sources of every substitution rule checked in this process (their tables' words): the
    kind's rules find where their words stand with one scan for all of them, not one scan each.
    Emptied when it grows large.  The web page checks in several threads at once: the words, their
    version and their regex change together under a lock, and a caller gets the version, the regex and
    the words that belong to each other."""

    LIMIT = 5000

    def __init__(self) -> None:
        self.words: dict[str, None] = {}
        self.current = (0, vocabulary_finders(()), frozenset())  # (version, finders of the words, the words), replaced as one
        self._lock = threading.Lock()

    def holding(self, comp: _Compiled) -> tuple[int, Finders, frozenset[str]]:
        """The vocabulary's version, finders and words once it holds ``comp``'s sources."""
        current = self.current
        if comp.known_in == current[0]:
            return current
        with self._lock:
            if not comp.by_source.keys() <= self.words.keys():
                if len(self.words) + len(comp.by_source) > self.LIMIT:
                    self.words.clear()
                self.words.update(dict.fromkeys(comp.by_source))
                self.current = (self.current[0] + 1, vocabulary_finders(tuple(self.words)), frozenset(self.words))
            comp.known_in = self.current[0]
            return self.current


_VOCABULARY = _Vocabulary()


def _lines_with_a_source(report, comp: _Compiled) -> frozenset[int]:
    """The lines holding a source of this rule: from one scan of the text per report for the sources
    of every rule of the kind (:func:`word_lines`)."""
    version, finders, words = _VOCABULARY.holding(comp)
    found = word_lines(report, version, finders, words)
    sources = comp.by_source
    if found.keys().isdisjoint(sources):  # most rules on most reports: no source anywhere
        return _NO_LINES
    return frozenset().union(*[lines for word, lines in found.items() if word in sources])


_NO_LINES: frozenset[int] = frozenset()


def word_lines(report, version: int, finders: Finders, words: frozenset[str]) -> dict[str, set[int]]:
    """Each word of the vocabulary that the text holds → the lines holding it, every occurrence
    counted (one inside or across another too): each finder's scan goes on one character after each
    match, and the words found at a place are the longest one there and the words it starts with
    (all of them open with the character there: one finder finds them)."""
    key = ("substitution", version)
    found = report._memo.get(key)
    if found is None:
        found = report._memo[key] = {}
        text, starts = clean_text(report), line_starts(report)
        for first, regex in finders:
            if first not in text:  # a character looked up in a fraction of a scan's time
                continue
            m = regex.search(text)
            while m is not None:
                number = bisect_right(starts, m.start())
                longest = m.group()
                for word in _starting(longest, words):
                    found.setdefault(word, set()).add(number)
                m = regex.search(text, m.start() + 1)
    return found


def _starting(longest: str, words: frozenset[str]) -> list[str]:
    """The words that ``longest`` starts with (itself among them)."""
    return [longest[:end] for end in range(1, len(longest) + 1) if longest[:end] in words]


_SENTENCE_END_RE = re.compile(f"[{re.escape(_SENTENCE_END)}]")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end]: from after the last sentence end before it to its next one."""
    s = max(text.rfind(ch, 0, start) for ch in _SENTENCE_END) + 1
    m = _SENTENCE_END_RE.search(text, end)
    return s, min(len(text), m.start() + 1 if m else len(text))


def _joined(text: str, at: int) -> bool:
    """Whether jieba may put text[at - 1] and text[at] in one token (a cut never falls between them)."""
    return JIEBA_BLOCK.fullmatch(text, at - 1, at + 1) is not None or text[at - 1 : at + 1] == "\r\n"


_BLOCK_RUN = re.compile(JIEBA_BLOCK.pattern[1:-1], JIEBA_BLOCK.flags)  # a run of block characters, no group


def jieba_window(text: str, s: int, e: int, start: int, end: int) -> tuple[int, int]:
    """The part of the sentence text[s:e] around text[start:end] that jieba segments apart from the
    rest: it runs from the token boundary it is sure to make at or before ``start`` to the one at or
    after ``end`` (where a block of :data:`JIEBA_BLOCK` ends: at the sentence's punctuation).
    Its token boundaries are the sentence's there, at a fraction of the cost of cutting the sentence.
    Where the characters either side of ``start`` (``end``) are both in a block, the window reaches
    the start (end) of that block, found with one scan, not a test of each character in turn."""
    if "\r" in text:  # a \r\n pair is never cut either: step by step
        return _window_by_steps(text, s, e, start, end)
    ws, we = start, end
    if ws > s and _BLOCK_RUN.fullmatch(text, ws - 1, ws + 1) is not None:
        for block in _BLOCK_RUN.finditer(text, s, ws + 1):  # the last block ends at ws + 1
            ws = block.start()
    if we < e and _BLOCK_RUN.fullmatch(text, we - 1, we + 1) is not None:
        we = _BLOCK_RUN.match(text, we, e).end()  # type: ignore[union-attr]
    return ws, we


def _window_by_steps(text: str, s: int, e: int, start: int, end: int) -> tuple[int, int]:
    """:func:`jieba_window` one character at a time."""
    ws, we = start, end
    while ws > s and _joined(text, ws):
        ws -= 1
    while we < e and _joined(text, we):
        we += 1
    return ws, we


def find(text: str, rule) -> Iterator[tuple[int, int, Entry]]:
    """(start, end, entry) for every reportable occurrence in one piece of text."""
    return _find(text, compiled(rule))


def _find(text: str, comp: _Compiled) -> Iterator[tuple[int, int, Entry]]:
    if comp.regex.search(text) is None:
        return
    p: Any = comp.rule.params
    scan = mask_quoted(text) if p.skip_quoted else text
    kept: list[tuple[int, int]] = [m.span() for m in comp.keep.finditer(text)] if comp.keep else []
    for m in comp.regex.finditer(scan):
        start, end = m.span()
        if any(ks < end and start < ke for ks, ke in kept):
            continue
        entry = comp.by_source[m.group()]
        s, e = _sentence_bounds(text, start, end)
        if entry.context_any and not any(w in scan[s:e] for w in entry.context_any):
            continue
        if entry.context_none and any(w in text[s:e] for w in entry.context_none):
            continue
        if p.token_aligned:
            ws, we = jieba_window(text, s, e, start, end)
            starts, ends = comp.segmenter().boundaries(text[ws:we])
            if start - ws not in starts or end - ws not in ends:
                continue
        yield start, end, entry


def check(report: Report, rule: Rule[Params]) -> list[Diagnostic] | tuple[()]:
    """The findings: nothing at once (no generator made) when no line holds a source of the rule, as
    for most of the kind's rules on most reports."""
    comp = compiled(rule)
    if comp.single_line:  # one scan of the whole text first: the lines holding a source
        lines = _lines_with_a_source(report, comp)
        if not lines:
            return ()
        segments = segments_on(report, lines)
    else:
        segments = report_segments(report)
    return _findings(segments, rule, comp)


def _findings(segments, rule: Rule[Params], comp: _Compiled) -> list[Diagnostic]:
    found = []
    for segment in segments:
        for start, end, entry in _find(segment.text, comp):
            span = segment.span(start, end)
            fix = None
            if entry.fix != "none":
                fix = Fix((Edit(span.start, span.end, entry.target),), entry.fix, f"改为“{entry.target}”")  # type: ignore[arg-type]
            found.append(diagnostic(rule, span, fix=fix, found=entry.source, expected=entry.target))
    return found
