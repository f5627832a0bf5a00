"""Repeated paragraph — the same paragraph written twice in one report.

## What it checks
Paragraphs (lines) of at least ``min_chars`` characters, compared after
removing spaces, that occur more than once in the report.  Every repetition
after the first is reported, pointing back to the first; the unsafe fix deletes
the repetition.  The title, the signature and the date are not compared.

## Why it matters
A paragraph pasted twice (often the same measure under the results and again
under the plan) is the most visible sign of a report assembled by copying, and
reviewers count it against the report.

## Parameters
- ``min_chars`` (default 20): shorter lines (headings, 一是… stubs) are not compared.

## Placeholders
``{first}``: the line number of the first occurrence; ``{preview}``: the paragraph's first words.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import compress, count, repeat
from operator import attrgetter, ge, itemgetter, methodcaller
from typing import TYPE_CHECKING

from ..model import Diagnostic, Edit, Fix, Span
from ._strings import ALL_SPACES
from ._textscan import clean_text
from .base import diagnostic

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "repeated_paragraph"
PLACEHOLDERS = ("first", "preview")
# a run of spaces written [s][s]* rather than [s]+: a pattern that opens with a character class lets
# re skip to the next space in C instead of trying the repeat at every position (2.5× faster here)
_SPACES = re.compile(2 * ("[" + re.escape(ALL_SPACES) + "]") + "*")
_SKIP_KINDS = {"TITLE", "SIGN", "DATE", "META", "BLANK"}
_OPENING = itemgetter(slice(0, 12))  # a key's first characters: keys written twice open alike
_TEXT = attrgetter("text")
_LSTRIP = methodcaller("lstrip", ALL_SPACES)


@dataclass(frozen=True)
class Params:
    """What a rule of the ``repeated_paragraph`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    min_chars: int = 20


def validate(params: Params, ruleset) -> str:
    return "" if params.min_chars >= 5 else "min_chars 至少为 5"


def compared_texts(report: Report) -> list[str]:
    """Each line's text without spaces, from one pass over the whole text (no space is a line end)."""
    keys = _SPACES.sub("", clean_text(report)).split("\n")
    if len(keys) != len(report.doc.lines):  # a line holding a line end of its own: one by one
        keys = [_SPACES.sub("", line.text) for line in report.doc.lines]
    return keys


def written_once(report: Report, min_chars: int) -> bool:
    """Whether no two lines can have the same key of ``min_chars`` characters or more, told from the
    lines as written, their spaces not taken out (a scan of the whole text for spaces costs more than
    the rest of the rule on most reports).  A key is a line's text without spaces; a line as long as
    a key compared is at least as long as it; its opening (its first 12 characters once the spaces
    before them are stripped) is the key's when no space stands in it: every character of
    ALL_SPACES but " " is one ``isprintable`` refuses.  So when those openings hold no space and are
    all different, no key is written twice (most reports); else the keys are compared."""
    texts = list(map(_TEXT, report.doc.lines))
    openings = list(map(_OPENING, map(_LSTRIP, compress(texts, map(ge, map(len, texts), repeat(min_chars))))))
    joined = "".join(openings)
    if " " in joined or not joined.isprintable():
        return False  # a space in an opening (or a line end, a control character): the keys are compared
    return len(set(openings)) == len(openings)


def check(report: Report, rule: Rule[Params]) -> list[Diagnostic]:
    min_chars = rule.params.min_chars
    if written_once(report, min_chars):
        return []  # no paragraph long enough is written twice (most reports)
    keys = compared_texts(report)
    repeated = _repeated(keys, min_chars)
    if not repeated:
        return []  # no paragraph long enough is written twice
    first_seen: dict[str, int] = {}
    lines, kinds = report.doc.lines, report.outline.kinds
    found = []
    for i in compress(count(), map(repeated.__contains__, keys)):  # a line written once is passed in C
        if kinds[i] in _SKIP_KINDS:
            continue
        line, key = lines[i], keys[i]
        first = first_seen.setdefault(key, line.number)
        if first != line.number:
            found.append(_repetition(report, rule, line, key, first))
    return found


def _repeated(keys: list[str], min_chars: int) -> set[str]:
    """The keys of at least ``min_chars`` characters that more than one line has."""
    compared = list(compress(keys, map(ge, map(len, keys), repeat(min_chars))))
    if len(set(map(_OPENING, compared))) == len(compared):
        return set()  # no two keys open alike, so none is written twice (most reports): no key hashed whole
    if len(set(compared)) == len(compared):
        return set()
    return {key for key, times in Counter(compared).items() if times > 1}


def _repetition(report: Report, rule: Rule[Params], line, key: str, first: int) -> Diagnostic:
    """The finding on a repeated line, with the fix that deletes it."""
    text, lines = report.doc.text, report.doc.lines
    start, line_end, number = line.start, line.end, line.number  # (Line.end is worked out when asked)
    # the line and its newline (a flattened report's view has pieces of one line: no newline to take)
    end = line_end + 1 if text.startswith("\n", line_end) else line_end
    if number > 1 and number == len(lines) and start > 0 and text.startswith("\n", start - 1):
        start = lines[number - 2].end  # last line: remove the newline before it instead
    fix = Fix((Edit(start, end, ""),), "unsafe", "删除重复的段落")
    preview = key[:12] + ("…" if len(key) > 12 else "")
    return diagnostic(rule, Span(line.start, line_end), fix=fix, first=first, preview=preview)
