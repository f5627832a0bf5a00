"""Shared helpers of the text-scanning kinds (pattern, pairs, consistent_symbol): which
parts of which lines they read, what they skip, and minimal edits for a replacement.

Not a kind: it has no ``KIND`` and is not in the registry.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import accumulate, count
from operator import add, attrgetter
from typing import NamedTuple

from ..model import Edit, Line
from ..wordtrie import trie_pattern

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
ZH_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕…—·"
# Macros a pattern may use inside or outside a character class: [{han}{zhpunct}]
MACROS = {"{han}": HAN, "{zhpunct}": re.escape(ZH_PUNCT)}
# Line kinds a text rule reads by default (META: web-page metadata copied before the title).
DEFAULT_SCOPE = ("TITLE", "SALUTATION", "BODY", "H", "SIGN", "DATE")
# Linear: an e-mail address starts only where a word starts and its parts are bounded (RFC 5321:
# 64 characters before the @, 63 per domain label), so a long run of letters is not rescanned from
# every position in it (that was quadratic: 80 KB of letters took over half a minute).
_URL_RE = re.compile(
    r"(?:https?://|ftp://|www\.)[!-~]+|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}(?![\w-])",
    re.ASCII,
)


@lru_cache(maxsize=256)
def words_regex(words: tuple[str, ...]) -> re.Pattern:
    """A regex finding the longest of ``words`` that starts at each place, as the alternation of
    them longest first does, written as a trie (法(?:制(?:宣传(?:教育)?|办)|治审核)): where a word
    starts with a common character (法), the scan looks at the next character once instead of
    trying every word in turn.  Empty words are ignored; no word at all matches nothing."""
    pattern = trie_pattern(words)
    return re.compile(pattern if pattern else "(?!)")


def words_finders(words: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    """Regexes one of which finds a match in a text exactly when the text holds one of ``words``:
    :func:`words_regex` or, when the words fall into a few groups sharing a string (党的15大 … 党的22大,
    15届 … 22届, 1中全会 … 9中全会), one regex per group opening with that string.  A regex opening
    with a literal string is searched for with a fast scan for it, where the trie of the words, opening
    with a class of their first characters (digits), is tried at every digit of the text."""
    words = tuple(sorted({w for w in words if w}))
    groups = _anchor_groups(words)
    if not groups or len(groups) >= len(words) or len(groups) > _MOST_GROUPS:
        if _MOST_GROUPS < len(words) <= _MOST_LITERALS and not all(w[0] < _LATIN_END for w in words):
            return tuple(re.compile(re.escape(w)) for w in words)
        return (words_regex(words),)
    return tuple(re.compile(_anchored_pattern(anchor, group)) for anchor, group in groups)


_MOST_GROUPED = 64
_MOST_GROUPS = 3  # more groups than this: more scans of the text than the trie's one
# ... unless the trie opens with a class of characters beyond Latin-1 (the doubled marks ，， 。。 、、
# ；； ：：): ``re`` tests such a class with a table of blocks at every character of the text (about 80
# instructions a character for FZ405's five marks, each a common one), where a scan for a literal
# string skips to its first character in a tight loop (about 5): a scan per word is the cheaper up to
# this many words.
_MOST_LITERALS = 6
_LATIN_END = "\u0100"


def lines_holding(report, words: tuple[str, ...]) -> frozenset[int]:
    """Numbers of the lines holding one of ``words`` (none holding a newline): the lines of
    :func:`matching_lines` for each regex of :func:`words_finders`, a scan for each string a group of
    the words shares (法治, 十, 五 for 十四五, 七五普法 and the 法治… plans: 6 us a report where the trie
    opening with 法, which is in every line, took 13)."""
    finders = _line_finders(words)
    if len(finders) == 1:
        return matching_lines(report, finders[0])
    return frozenset().union(*(matching_lines(report, finder) for finder in finders))


def lines_holding_in(text: str, starts: list[int], words: tuple[str, ...]) -> set[int]:
    """:func:`lines_holding` in ``text``, a text of the report's line layout (``starts``: where each of
    its lines starts; the report's text with some words masked, say)."""
    found: set[int] = set()
    for finder in _line_finders(words):
        found.update(bisect_right(starts, m.start()) for m in _to_line_end(finder).finditer(text))
    return found


@lru_cache(maxsize=256)
def _line_finders(words: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    """As :func:`words_finders`, a regex for each word too (a scan for a string is faster than the
    trie's scan for a class of characters, and each scan reads the whole text anyway), up to four."""
    words = tuple(sorted({w for w in words if w}))
    groups = _anchor_groups(words)
    if not groups and len(words) <= _MOST_LINE_SCANS:  # nothing shared worth a scan (% and ％): each word's
        return tuple(re.compile(re.escape(word)) for word in words)
    if not groups or len(groups) > _MOST_LINE_SCANS:
        return (words_regex(words),)
    return tuple(re.compile(_anchored_pattern(anchor, group)) for anchor, group in groups)


_MOST_LINE_SCANS = 4


@lru_cache(maxsize=256)
def _anchor_groups(words: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``words`` grouped by a string each word of a group holds, chosen greedily: the string held by
    the most of the words left, the longest of those (法治 for three plans' names, then 十 for 十三,
    十四, 十五, then 五 for 七五 and 八五).  A single
    character serves only when it is a letter outside ASCII (届, not a digit or a comma: those are in
    every report, and the scan would stop at each)."""
    if len(words) > _MOST_GROUPED:  # every substring of every word is weighed: a few dozen words at most
        return ()
    left = list(words)
    groups = []
    while left:
        candidates = {w[i:j] for w in left for i in range(len(w)) for j in range(i + 1, len(w) + 1)}
        eligible = [c for c in candidates if len(c) > 1 or (c.isalpha() and not c.isascii())]
        if not eligible:
            return ()
        anchor = max(eligible, key=lambda c: (sum(c in w for w in left), len(c), c))
        groups.append((anchor, tuple(w for w in left if anchor in w)))
        left = [w for w in left if anchor not in w]
    return tuple(groups)


def _anchored_pattern(anchor: str, group: tuple[str, ...]) -> str:
    """``anchor``, then look-arounds telling which word of ``group`` it stands in (each holds it)."""
    alternatives = []
    for word in group:
        at = word.index(anchor)
        before, after = word[:at], word[at + len(anchor) :]
        alternatives.append((f"(?<={re.escape(before + anchor)})" if before else "") + (f"(?={re.escape(after)})" if after else ""))
    if "" in alternatives:  # the anchor is a word itself
        return re.escape(anchor)
    return re.escape(anchor) + "(?:" + "|".join(alternatives) + ")"


_END = float("inf")  # beyond every offset


def expand_macros(pattern: str) -> str:
    for name, value in MACROS.items():
        pattern = pattern.replace(name, value)
    return pattern


class Region(NamedTuple):
    """The part of a line a text rule reads: from ``col`` (0-based, cleaned) to the end (a tuple: made
    at a third of a frozen dataclass's cost, for each line a rule reads)."""

    line: Line
    col: int

    @property
    def text(self) -> str:
        return self.line.text


def clean_text(report) -> str:
    """The cleaned lines joined by newlines, once per report: a cheap whole-text pre-check for rules."""
    text = report.__dict__.get("_clean_text")
    if text is None:
        text = report.__dict__["_clean_text"] = "\n".join(map(_TEXT_OF, report.doc.lines))
    return text


_TEXT_OF = attrgetter("text")


def line_starts(report) -> list[int]:
    """Where each line starts in :func:`clean_text`, once per report: the lengths of the lines before
    it and one newline after each, added up in C."""
    starts = report.__dict__.get("_line_starts")
    if starts is None:
        lengths = map(len, map(_TEXT_OF, report.doc.lines[:-1]))
        starts = report.__dict__["_line_starts"] = list(map(add, accumulate(lengths, initial=0), count()))
    return starts


def matching_lines(report, regex) -> frozenset[int]:
    """Numbers of the lines on which ``regex`` matches, from one scan of :func:`clean_text`.  Only for
    a regex that cannot match across a line end (a table of words without newlines): then every line
    holding an occurrence holds a match of the scan, even where matches overlap."""
    memo = report.__dict__.setdefault("_matching_lines", {})  # rules of one kind often ask for the same words
    # keyed by the regex's id, the regex kept with its lines (alive while the report is: its id stays
    # its own): a compiled pattern's hash is worked out from its whole code each time (7,000
    # instructions for mixed_numerals' class of numerals and its measure words)
    entry = memo.get(id(regex))
    if entry is None or entry[0] is not regex:
        entry = memo[id(regex)] = (regex, _lines_matching(report, _to_line_end(regex)))
    return entry[1]


def _lines_matching(report, scan) -> frozenset[int]:
    """:func:`matching_lines` worked out: a search for the first match, and only when there is one the
    scan of the rest (most scans find nothing: no generator made for them)."""
    text = clean_text(report)
    first = scan.search(text)
    if first is None:
        return _NO_LINES
    starts = line_starts(report)
    return frozenset(bisect_right(starts, m.start()) for m in scan.finditer(text, first.start()))


_NO_LINES: frozenset[int] = frozenset()


def _to_line_end(regex):
    """``regex`` followed by the rest of its line: one match per line that holds one (the first),
    not one per occurrence (法治 on every line), and the same lines, as a match cannot run over a
    line end: the scan goes on after the line.  Kept by the regex's id (see :func:`matching_lines`),
    with the regex, which stays alive while kept."""
    entry = _LINE_END.get(id(regex))
    if entry is not None and entry[0] is regex:
        return entry[1]
    if len(_LINE_END) >= _MOST_LINE_END:
        _LINE_END.clear()
    _LINE_END[id(regex)] = (regex, made := _line_end_made(regex))
    return made


_LINE_END: dict[int, tuple] = {}
_MOST_LINE_END = 512


def _line_end_made(regex):
    if not isinstance(regex, re.Pattern):
        return regex
    try:
        return re.compile(f"(?:{regex.pattern})[^\n]*", regex.flags)
    except (re.error, TypeError):  # a pattern with global flags inside, or of bytes
        return regex


def lines_touched(report, matches: Iterable) -> list[int]:
    """Numbers (ascending) of the lines that ``matches`` (found in :func:`clean_text`) start on, end on
    or run over."""
    return lines_of_spans(line_starts(report), (m.span() for m in matches))


def lines_of_spans(starts: list[int], spans: Iterable[tuple[int, int]]) -> list[int]:
    """Numbers (ascending) of the lines that ``spans`` (ascending starts, as a scan gives them) start
    on, end on or run over, ``starts`` being where each line starts.  A span within the lines already
    taken (most of them: many matches on one line) costs one comparison, not two bisections."""
    found: list[int] = []
    bound = -1  # where the line after the last one taken starts: a span ending before it adds nothing
    previous, count = 0, len(starts)
    spans = iter(spans)
    for start, end in spans:
        if start < previous:  # not in scan order: no shortcut for this one and the rest
            return _lines_of_spans_in_any_order(starts, [(start, end), *spans], found)
        previous = start
        last_col = end - 1 if end > start else start
        if last_col < bound:
            continue
        first, last = bisect_right(starts, start), bisect_right(starts, last_col)
        if found and first <= found[-1]:
            first = found[-1] + 1
        found.extend(range(first, last + 1))
        bound = starts[last] if last < count else _END
    return found


def _lines_of_spans_in_any_order(starts: list[int], spans: Iterable[tuple[int, int]], found: list[int]) -> list[int]:
    taken = set(found)
    for start, end in spans:
        first, last = bisect_right(starts, start), bisect_right(starts, max(start, end - 1))
        taken.update(range(first, last + 1))
    return sorted(taken)


def regions(report, scope: tuple[str, ...] = DEFAULT_SCOPE) -> Iterator[Region]:
    """Every non-blank line of a kind in ``scope``; a heading is read from its text, not its number
    (the numbering rules own the number and the space after it)."""
    cache = report.__dict__.setdefault("_regions", {})  # many text rules walk the same regions
    found = cache.get(scope)
    if found is None:
        heading_col = heading_cols(report)
        kinds = report.outline.kinds
        found = cache[scope] = tuple(
            Region(line, heading_col.get(line.number, 0) if kinds[line.number - 1] == "H" else 0)
            for line in report.doc.lines
            if kinds[line.number - 1] in scope and line.text.strip()
        )
    return iter(found)


def sections(report) -> tuple:
    """Every section of the outline in document order (``Outline.walk``), once per report: the kinds
    here walk it several times."""
    found = report._memo.get("sections")
    if found is None:
        found = report._memo["sections"] = tuple(report.outline.walk())
    return found


def sections_by_line(report) -> dict[int, tuple]:
    """Line number → the sections whose heading stands on it (in document order), once per report."""
    found = report._memo.get("sections_by_line")
    if found is None:
        found = {}
        for section in sections(report):
            found[section.line] = (*found.get(section.line, ()), section)
        report._memo["sections_by_line"] = found
    return found


def heading_cols(report) -> dict[int, int]:
    """Line number → column where a heading's text starts (after its number), once per report."""
    found = report.__dict__.get("_heading_col")
    if found is None:
        found = report.__dict__["_heading_col"] = {s.line: s.heading_col for s in sections(report)}
    return found


def regions_on(report, numbers: Iterable[int], scope: tuple[str, ...] = DEFAULT_SCOPE) -> list[Region]:
    """The regions of :func:`regions` on the lines ``numbers`` (ascending), without building the others."""
    heading_col = heading_cols(report)
    kinds, lines = report.outline.kinds, report.doc.lines
    found = []
    for n in numbers:
        line = lines[n - 1]
        if kinds[n - 1] in scope and line.text.strip():
            found.append(Region(line, heading_col.get(n, 0) if kinds[n - 1] == "H" else 0))
    return found


def enclosed_ranges(text: str, pairs: tuple[str, ...]) -> list[tuple[int, int]]:
    """Column ranges strictly inside each closed pair (e.g. the title inside 《…》), nesting-aware.
    An opener without its closer on the line encloses nothing."""
    ranges: list[tuple[int, int]] = []
    for pair in pairs:
        if len(pair) != 2 or pair[0] == pair[1] or pair[0] not in text:
            continue  # a pair of one character twice opens nothing
        opener, closer = pair
        depth, start = 0, 0
        for m in _marks(pair).finditer(text):  # only the marks, not every character
            if m.group() == opener:
                if not depth:
                    start = m.start()
                depth += 1
            elif depth:
                depth -= 1
                if not depth:
                    ranges.append((start + 1, m.start()))
    return ranges


@lru_cache(maxsize=64)
def _marks(pair: str) -> re.Pattern:
    return re.compile(f"[{re.escape(pair)}]")


def url_ranges(text: str) -> list[tuple[int, int]]:
    if "@" not in text and "://" not in text and "www." not in text:  # what every address holds
        return []
    return [(m.start(), m.end()) for m in _URL_RE.finditer(text)]


def overlaps(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start < r_end and r_start < max(end, start + 1) for r_start, r_end in ranges)


def minimal_edits(offset: int, old: str, new: str) -> tuple[Edit, ...]:
    """The smallest edits turning ``old`` (at ``offset``) into ``new``: unchanged characters are
    never part of an edit, so a fix cannot touch the words around a punctuation mark."""
    return tuple(Edit(offset + start, offset + end, text) for start, end, text in _changes(old, new))


@lru_cache(maxsize=1024)
def _changes(old: str, new: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, replacement) in ``old`` of each change turning it into ``new`` (the same few
    replacements come back in every report: ，for , …)."""
    if old == new:
        return ()
    import difflib

    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    return tuple((i1, i2, new[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")


def span_is_plain(line: Line, start: int, end: int) -> bool:
    """True when no leftover was cut out of columns [start, end): an edit there maps 1:1 to the text."""
    return line.offset(end) - line.offset(start) == end - start


def shorten(text: str, limit: int = 16) -> str:
    return text if len(text) <= limit else text[: limit // 2] + "…" + text[-(limit // 2) :]
