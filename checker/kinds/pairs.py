"""Pairs — brackets, quotes and title marks that open and close within the paragraph.

## What it checks
Within each paragraph (a line of the text; headings from their text), every opener in
``pairs`` must be closed by its partner, and nothing may close that was not opened.
（ and ( are the same bracket in two widths: a pair whose halves differ in width, such as
(社区）, is a *mismatched* pair.  Depending on ``report``:

- ``unpaired``: an opener never closed (“ without ”) or a closer never opened;
- ``mismatched``: a bracket pair of mixed width, fixed to full width (safe outside 《》;
  inside a quoted title the fix is only suggested).

A right single quote between two Latin letters (an apostrophe) is not a closer.

## Why it matters
GB/T 15834-2011 4.8 and 4.9: quotation marks and brackets are used in pairs; a half left
open makes the reader guess where a quotation or a note ends.

## Parameters
- ``report``: ``unpaired`` | ``mismatched``.
- ``pairs``: the pairs checked, each opener then closer (default （）“”‘’《》【】〔〕).

## Placeholders
``{found}``: the mark or the mismatched pair as written; ``{missing}``: the partner that is
missing; ``{name}``, ``{partner}``: their names (左双引号, 右括号…); ``{expected}``: the pair
written correctly.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from ..model import Diagnostic, Edit, Fix, Span
from ._rare_chars import PAIR_MARKS, encode_rare, keep, rare_chars
from ._textscan import Region, clean_text, heading_cols, matching_lines, regions_on, shorten, span_is_plain
from .base import diagnostic

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "pairs"
PLACEHOLDERS = ("found", "missing", "name", "partner", "expected")
HALF = {"(": "（", ")": "）"}  # half-width bracket → its full-width form
NAMES = {
    "（": "左括号", "）": "右括号", "(": "左括号", ")": "右括号",
    "“": "左双引号", "”": "右双引号", "‘": "左单引号", "’": "右单引号",
    "《": "左书名号", "》": "右书名号", "〈": "左单书名号", "〉": "右单书名号",
    "【": "左方头括号", "】": "右方头括号", "〔": "左六角括号", "〕": "右六角括号",
}


@dataclass(frozen=True)
class Params:
    """What a rule of the ``pairs`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    report: str
    pairs: tuple[str, ...] = ("（）", "“”", "‘’", "《》", "【】", "〔〕")


def validate(params: Params, ruleset) -> str:
    if params.report not in ("unpaired", "mismatched"):
        return "report 只能是 unpaired 或 mismatched"
    bad = [p for p in params.pairs if len(p) != 2 or p[0] == p[1]]
    if bad:
        return f"pairs 的每一项应为一对不同的符号，如 “（）”（不是：{'、'.join(bad)}）"
    return ""


class Mark(NamedTuple):  # a tuple: a report has thousands of marks, and a tuple is the cheapest to make
    col: int
    char: str
    kind: str  # the full-width pair this mark belongs to


@lru_cache(maxsize=32)
def _marks(pairs: tuple[str, ...]) -> tuple[dict[str, str], dict[str, str]]:
    openers = {p[0]: p for p in pairs}
    closers = {p[1]: p for p in pairs}
    if "（）" in pairs:
        openers["("] = "（）"
        closers[")"] = "（）"
    return openers, closers


@lru_cache(maxsize=32)
def _watch_re(pairs: tuple[str, ...]) -> re.Pattern:
    """One character class of every mark of ``pairs`` (and ( ) with （）): search marks, not characters."""
    chars = set("".join(pairs)) | (set("()") if "（）" in pairs else set())
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]")


@lru_cache(maxsize=32)
def _line_re(pairs: tuple[str, ...]) -> re.Pattern:
    """From a line's first mark to its end: one match per line holding a mark (never across a line end)."""
    return re.compile(_watch_re(pairs).pattern + "[^\\n]*")


@lru_cache(maxsize=32)
def _fast_res(pairs: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern] | None:
    """(skip, read): a pair with no other mark inside it (（依法行政）, “放管服”) is the commonest case.
    The mark-by-mark scan would push its opener and pop it at once at its closer (the opener is then
    on top of the stack, of the closer's kind), so leaving such a pair out changes nothing else.
    ``skip`` passes, in one regex step, text without marks and the pairs no rule reads; ``read``
    matches, at a mark, a pair a rule does read: a title 《…》 or brackets of mixed widths.
    Not for ‘’ (its closer may be an apostrophe), and None when a mark opens one pair and closes
    another."""
    openers, closers = _marks(pairs)
    if set(openers) & set(closers):
        return None
    every = re.escape("".join(sorted(set(openers) | set(closers))))
    boring, read = [], []
    for pair in pairs:
        if pair == "‘’":
            continue
        inside = f"[^{every}]*"
        if pair == "《》":
            read.append(f"《{inside}》")
        elif pair == "（）" and "(" in openers:
            boring.append(f"（{inside}）|\\({inside}\\)")
            read.append(f"（{inside}\\)|\\({inside}）")
        else:
            boring.append(f"{re.escape(pair[0])}{inside}{re.escape(pair[1])}")
    # nothing follows the repeat, so the match never backtracks: it ends where the text stops fitting
    skip = re.compile(f"(?:[^{every}]+|" + "|".join(boring) + ")*" if boring else f"[^{every}]*")
    return skip, re.compile("|".join(read) if read else "(?!)")


def scan(text: str, col: int, params: Params) -> tuple[list[tuple[Mark, Mark]], list[Mark]]:
    """(matched pairs, unpaired marks) of one line from column ``col``, in one pass: linear in the
    line (a closer finds its opener in constant time, however many marks are left open).  Of the
    pairs with no mark inside, only those a rule reads are listed: 《》 (a title) and （） written
    with mixed widths."""
    fast = _fast_res(params.pairs)
    watch = _watch_re(params.pairs)
    pairing = _Pairing(*_marks(params.pairs))
    at, n = col, len(text)
    while True:
        if fast is not None:
            skip, read = fast
            at = skip.match(text, at).end()
            if at >= n:
                break
            m = read.match(text, at)
            if m is not None:
                pairing.pair(text, at, m.end() - 1)
                at = m.end()
                continue
        else:
            m = watch.search(text, at)
            if m is None:
                break
            at = m.start()
        pairing.mark(text, at)  # a mark in a pair with marks inside, or one left alone
        at += 1
    return pairing.finish()


class _Pairing:
    """The marks of one line, read left to right: openers on a stack, each closer paired with the
    nearest open opener of its kind (the openers above it were never closed: crossed marks)."""

    def __init__(self, openers: dict[str, str], closers: dict[str, str]) -> None:
        self.openers, self.closers = openers, closers
        self.stack: list[Mark] = []
        self.open_at: dict[str, list[int]] = {}  # kind → stack positions of its open openers
        self.matched: list[tuple[Mark, Mark]] = []
        self.unpaired: list[Mark] = []

    def pair(self, text: str, start: int, end: int) -> None:
        """A pair with no mark inside (the fast path's): matched at once."""
        kind = self.openers[text[start]]
        self.matched.append((Mark(start, text[start], kind), Mark(end, text[end], kind)))

    def mark(self, text: str, i: int) -> None:
        ch = text[i]
        if ch == "’" and 0 < i < len(text) - 1 and _is_latin(text[i - 1]) and _is_latin(text[i + 1]):
            return  # an apostrophe: China’s
        if ch in self.openers:
            kind = self.openers[ch]
            self.open_at.setdefault(kind, []).append(len(self.stack))
            self.stack.append(Mark(i, ch, kind))
        elif ch in self.closers:
            self.close(Mark(i, ch, self.closers[ch]))

    def close(self, closer: Mark) -> None:
        positions = self.open_at.get(closer.kind)
        if not positions:
            self.unpaired.append(closer)
            return
        depth = positions[-1]
        crossed = self.stack[depth + 1 :]
        self.unpaired.extend(crossed)  # crossed: the inner openers were never closed
        for mark in crossed:
            self.open_at[mark.kind].pop()
        positions.pop()
        self.matched.append((self.stack[depth], closer))
        del self.stack[depth:]

    def finish(self) -> tuple[list[tuple[Mark, Mark]], list[Mark]]:
        """At the line's end the openers left are unpaired: (matched, unpaired)."""
        self.unpaired.extend(self.stack)
        self.unpaired.sort(key=lambda m: m.col)
        return self.matched, self.unpaired


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def line_scans(report: Report, params: Params) -> tuple[tuple[Region, list, list], ...]:
    """(region, matched, unpaired) of each region that may give a finding, once per report (the
    unpaired and the mismatched rule read the same marks): see :func:`lines_to_scan`."""
    key = ("pairs", params.pairs)
    found = report._memo.get(key)
    if found is None:
        watch = _watch_re(params.pairs)
        found = []
        for region in regions_on(report, sorted(lines_to_scan(report, params))):
            if watch.search(region.text, region.col) is not None:
                matched, unpaired = scan(region.text, region.col, params)
                if matched or unpaired:
                    found.append((region, matched, unpaired))
        found = report._memo[key] = tuple(found)
    return found


def lines_to_scan(report: Report, params: Params) -> set[int]:
    """The lines whose scan may give a finding, from one pass over the whole text: a line whose every
    mark is in a pair with no mark inside, of one width (（依法行政）, “放管服”, 《纲要》), has no unpaired
    mark and no mixed pair.  The pass stops at any other mark (nested, alone, ‘’ or a mixed pair) and
    that line is scanned; so is every heading line on which the pass, from the heading's text (its
    region's column, not the line's start), stops.  Only the regions of these lines are built."""
    if _whole_skip(params.pairs) is None:  # no fast path: every line holding a mark
        return matching_lines(report, _line_re(params.pairs))
    wanted = _stops(params.pairs, clean_text(report), rare_chars(report))
    wanted.update(_headings_to_scan(report, params.pairs, wanted))
    return wanted


def _stops(pairs: tuple[str, ...], text: str, rare: bytes | None = None) -> set[int]:
    """Numbers of the lines of ``text`` on which :func:`_whole_skip`'s pass stops before the line's
    end: those holding a mark once the simple pairs are taken out of :func:`marks_and_line_ends` (a
    simple pair is there an opener right before its closer).  Each pair is replaced by a NUL, which no
    pair holds, so that taking one out never brings two marks together (“《》” keeps its quotes
    apart); the marks then left on a line are those the pass stops at, its first one or after it.
    ``rare``: the text's :func:`_rare_chars.encode_rare`, when already made."""
    left = marks_and_line_ends(text, pairs, rare)
    if left is None:
        return {index + 1 for index in _pass_stops(_whole_skip(pairs), text)}
    left = left.replace("\x00", "")  # a NUL of the text is no mark
    for pair in _simple_pairs(pairs):
        left = left.replace(pair, "\x00")
    left = left.replace("\x00", "")
    if not left.strip("\n"):  # every mark in a simple pair: most reports
        return set()
    return {number for number, marks in enumerate(left.split("\n"), 1) if marks}


def _pass_stops(skip: re.Pattern, text: str) -> Iterator[int]:
    """Indexes (0-based) of the lines of ``text`` on which the pass stops before the line's end, the
    pass run over the text (when the marks have no codec)."""
    at, index, counted, end = 0, 0, 0, len(text)
    while True:
        at = skip.match(text, at).end()
        if at >= end:
            return
        index += text.count("\n", counted, at)
        counted = at
        yield index
        at = text.find("\n", at) + 1  # on to the next line
        if at == 0:
            return


def marks_and_line_ends(text: str, pairs: tuple[str, ...], rare: bytes | None = None) -> str | None:
    """``text`` with every character but the marks of ``pairs`` and the newlines left out (NULs may
    stand in the text's NULs and its other rare characters), or None when the marks have no codec: the pass of :func:`_whole_skip` stops on the same
    lines of it (the pass goes over any character but a mark, and a simple pair may hold any
    character but a mark or a line end: leaving such characters out makes no pair simple that was
    not, nor the reverse).  Read from the report's rare characters (``rare``, or the text's) when they
    hold every mark of ``pairs`` (the default pairs), else from the pairs' own charmap codec: either
    drops the other characters in C, at about half the instructions ``re`` spends testing each
    character of a text against the class of marks; the marks left are some dozens, not thousands."""
    shared = _marks_and_newline_if_rare(pairs)
    if shared is not None:
        return keep(encode_rare(text) if rare is None else rare, shared)
    codec = _marks_codec(pairs)
    if codec is None:
        return None
    encoding, table = codec
    return codecs.charmap_decode(codecs.charmap_encode(text, "ignore", encoding)[0], "strict", table)[0]


@lru_cache(maxsize=32)
def _marks_and_newline_if_rare(pairs: tuple[str, ...]) -> str | None:
    """The marks of ``pairs`` and the newline, when the report's rare characters hold every mark."""
    marks = _marks_text(pairs)
    return "\n" + marks if set(marks) <= set(PAIR_MARKS) else None


@lru_cache(maxsize=32)
def _marks_text(pairs: tuple[str, ...]) -> str:
    openers, closers = _marks(pairs)
    return "".join(sorted(set(openers) | set(closers)))


@lru_cache(maxsize=32)
def _marks_codec(pairs: tuple[str, ...]) -> tuple[object, str] | None:
    """(encoding map, decoding table) of a charmap codec knowing only NUL, the newline and the marks
    of ``pairs`` (byte 0 must stand for NUL: ``charmap_build`` then makes its fast map, not a dict),
    or None when the marks do not fit in one (more than 253, or NUL, a newline or a character beyond
    the BMP among them)."""
    marks = _marks_text(pairs)
    if len(marks) > 253 or "\x00" in marks or "\n" in marks or max(marks) > "\uffff":
        return None
    table = "\x00\n" + marks + "\ufffe" * (254 - len(marks))
    return codecs.charmap_build(table), table


@lru_cache(maxsize=32)
def _simple_pairs(pairs: tuple[str, ...]) -> tuple[str, ...]:
    """The pairs :func:`_whole_skip` passes when nothing but marks and newlines is left: every pair but
    ‘’ (its closer may be an apostrophe), and () beside （）."""
    return tuple(pair for pair in pairs if pair != "‘’") + (("()",) if "（）" in pairs else ())


def _headings_to_scan(report: Report, pairs: tuple[str, ...], stopped: set[int]) -> list[int]:
    """The heading lines on which the pass, from the heading's text (its region's column), stops
    before the line's end, besides the lines ``stopped`` (where the whole text's pass stopped).  On a
    line the pass goes over whole, the marks come as simple pairs, opener then closer: the pass from
    the heading's text stops only when that column is inside a pair (（四依法行政）: its number holds an
    odd number of marks), at the pair's closer; elsewhere it is between pairs and goes on as the whole
    text's pass does."""
    cols, lines, kinds = heading_cols(report), report.doc.lines, report.outline.kinds
    watch = _watch_re(pairs)
    found = []
    for n, col in cols.items():
        if col and n not in stopped and kinds[n - 1] == "H" and _number_leaves_a_pair_open(lines[n - 1].text, col, watch):
            found.append(n)
    return found


def _number_leaves_a_pair_open(text: str, col: int, watch: re.Pattern) -> bool:
    """On a line whose marks are all in simple pairs: whether the heading's number (before ``col``)
    ends inside one, holding its opener and not its closer (an odd number of marks)."""
    return len(watch.findall(text, 0, col)) % 2 == 1


@lru_cache(maxsize=32)
def _whole_skip(pairs: tuple[str, ...]) -> re.Pattern | None:
    """Text without marks and pairs with no mark inside (none across a line end), the brackets of one
    width: where it stops, a line needs its scan.  None when :func:`_fast_res` has no fast path."""
    if _fast_res(pairs) is None:
        return None
    openers, closers = _marks(pairs)
    every = re.escape("".join(sorted(set(openers) | set(closers))))
    inside = f"[^{every}\\n]*"
    simple = []
    for pair in pairs:
        if pair == "‘’":
            continue
        simple.append(f"{re.escape(pair[0])}{inside}{re.escape(pair[1])}")
        if pair == "（）":
            simple.append(f"\\({inside}\\)")
    return re.compile(f"(?:[^{every}]+|" + "|".join(simple) + ")*")


def check(report: Report, rule: Rule[Params]) -> list[Diagnostic] | tuple[()]:
    """The findings as a list, or () at once when no line needs a look (most reports)."""
    scans = line_scans(report, rule.params)
    return _findings(rule, scans) if scans else ()


def _findings(rule: Rule[Params], scans: tuple[tuple[Region, list, list], ...]) -> list[Diagnostic]:
    params = rule.params
    findings = []
    for region, matched, unpaired in scans:
        text, line = region.text, region.line
        if params.report == "unpaired":
            for mark in unpaired:
                is_opener = mark.char in ("(", mark.kind[0])
                missing = mark.kind[1] if is_opener else mark.kind[0]
                findings.append(
                    diagnostic(
                        rule,
                        Span(line.offset(mark.col), line.offset(mark.col + 1)),
                        found=mark.char,
                        missing=missing,
                        name=NAMES.get(mark.char, mark.char),
                        partner=NAMES.get(missing, missing),
                        expected="",
                    )
                )
            continue
        titles = [(o.col, c.col) for o, c in matched if o.kind == "《》"]
        for opener, closer in matched:
            if opener.kind != "（）" or (opener.char == "(") == (closer.char == ")"):
                continue
            found = text[opener.col : closer.col + 1]
            expected = "（" + found[1:-1] + "）"
            edits = tuple(
                Edit(line.offset(m.col), line.offset(m.col + 1), HALF[m.char]) for m in (opener, closer) if m.char in HALF
            )
            inside_title = any(a < opener.col and closer.col < b for a, b in titles)
            plain = span_is_plain(line, opener.col, closer.col + 1)
            fix = Fix(edits, "unsafe" if inside_title else "safe", "括号统一为全角") if plain else None
            span = Span(line.offset(opener.col), line.offset(closer.col + 1))
            findings.append(diagnostic(rule, span, fix=fix, found=shorten(found), missing="", name="", partner="", expected=shorten(expected)))
    return findings
