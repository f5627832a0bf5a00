"""Official name — a fixed official name written wrongly or cut short.

## What it checks
Candidates are stretches that begin with ``prefix`` and end with ``suffix``
within ``max_gap`` characters, with no punctuation in between (习近平…思想).
A candidate that is not one of ``names`` is reported with the official name
whose middle part is most alike (difflib ratio ≥ 0.5 after removing honorifics
such as 总书记: 习近平总书记法治思想 → 习近平法治思想), or with the current name
given in ``renamed`` for a superseded one.  With no close name nothing is reported.  Descriptive phrases are not names: a candidate whose middle contains one
of ``not_names`` (关于, 的, 重要 …) is skipped.  A long name's tail written
without the prefix (新时代中国特色社会主义思想 without 习近平) and a long name
written without its suffix (习近平新时代中国特色社会主义 without 思想) are reported
as cut short.  The title, headings and body text are searched; quoted titles
(《》) are skipped.

## Why it matters
The names of the guiding thoughts are fixed by the Party; a misspelt or
truncated name (习近平法制思想, 习近平新时代中国特色社会思想) is among the errors
that proofreaders of official documents check first.

## Parameters
- ``names``: the official names.
- ``prefix``, ``suffix``: what every name starts and ends with (习近平, 思想).
- ``max_gap`` (default 16): longest middle part of a candidate.
- ``not_names``: words that mark a descriptive phrase, not a name.
- ``honorifics``: words inserted into a name that do not belong to it (总书记).
- ``renamed``: tables with ``from`` (a superseded name) and ``to`` (its current name).
- ``min_cut`` (default 8): a tail or stem at least this long is checked for truncation.

## Placeholders
``{found}``: the text as written; ``{expected}``: the official name.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Diagnostic, Edit, Fix
from ._strings import mask_quoted, segments_on
from ._textscan import clean_text, line_starts, lines_holding, lines_holding_in, sections_by_line, words_regex
from .base import diagnostic, per_rule

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "official_name"
PLACEHOLDERS = ("found", "expected")
_NO_PUNCT = r"[^，,。；;：:、！？!?“”\"《》（）()\s]"


@dataclass(frozen=True)
class Params:
    """What a rule of the ``official_name`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    names: tuple[str, ...]
    prefix: str
    suffix: str
    max_gap: int = 16
    not_names: tuple[str, ...] = ("关于", "的", "重要", "和", "与", "及")
    honorifics: tuple[str, ...] = ("总书记", "同志", "主席")
    renamed: tuple[dict, ...] = ()
    min_cut: int = 8


def validate(params: Params, ruleset) -> str:
    if not params.names:
        return "names 不能为空"
    for name in params.names:
        if not (name.startswith(params.prefix) and name.endswith(params.suffix)):
            return f"“{name}” 不是以 prefix “{params.prefix}” 开头、以 suffix “{params.suffix}” 结尾"
    if not params.prefix or not params.suffix or params.max_gap < 1:
        return "prefix、suffix 不能为空，max_gap 至少为 1"
    for i, raw in enumerate(params.renamed, start=1):
        if not isinstance(raw, dict) or set(raw) != {"from", "to"} or raw.get("to") not in params.names:
            return f"第 {i} 条 renamed 必须是含 from、to 的表，且 to 是 names 之一"
    return ""


def closest(middle: str, middles: dict[str, str], honorifics: tuple[str, ...]) -> str:
    """The official name whose middle part is most like ``middle`` (honorifics removed), or ''."""
    for word in honorifics:
        middle = middle.replace(word, "")
    best, score = "", 0.0
    for other, name in middles.items():
        ratio = difflib.SequenceMatcher(None, middle, other).ratio()
        if ratio > score:
            best, score = name, ratio
    return best if score >= 0.5 else ""


class _Compiled:
    __slots__ = ("anchor_words", "anchors", "candidate", "cuts", "middles", "names", "renamed", "rule")

    def __init__(self, rule) -> None:
        p = rule.params
        pre, suf = re.escape(p.prefix), re.escape(p.suffix)
        self.rule = rule
        self.middles = {n[len(p.prefix) : len(n) - len(p.suffix)]: n for n in p.names}
        self.renamed = {r["from"]: r["to"] for r in p.renamed}
        self.candidate = re.compile(f"{pre}(?:(?!{pre}){_NO_PUNCT}){{1,{p.max_gap}}}?{suf}")
        cuts: list[tuple[re.Pattern, str, str]] = []  # (regex, name, what every match of it holds)
        for name in p.names:
            tail = name[len(p.prefix) :]
            stem = name[: len(name) - len(p.suffix)]
            if len(tail) >= p.min_cut:  # 新时代中国特色社会主义思想 without 习近平
                cuts.append((re.compile(f"(?<!{pre}){re.escape(tail)}"), name, tail))
            if len(stem) >= p.min_cut:  # 习近平新时代中国特色社会主义 without 思想
                cuts.append((re.compile(f"{re.escape(stem)}(?!{suf})"), name, stem))
        self.cuts = tuple(cuts)
        self.anchor_words = tuple(_anchors(p))
        self.anchors = words_regex(self.anchor_words)  # a candidate, tail or stem holds one of them
        self.names = words_regex(tuple(p.names)) if _names_maskable(p, self.candidate) else None


_compiled = per_rule(_Compiled)


def find(text: str, rule) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, found, expected) in one piece of text."""
    if _compiled(rule).anchors.search(text) is None:  # no candidate, tail or stem can be there
        return iter(())
    return find_everywhere(text, rule)


def find_everywhere(text: str, rule) -> Iterator[tuple[int, int, str, str]]:
    """:func:`find` without the look for an anchor first."""
    p = rule.params
    comp = _compiled(rule)
    scan = mask_quoted(text, ("《》",))
    taken: list[tuple[int, int]] = []
    for m in comp.candidate.finditer(scan) if p.prefix in scan else ():
        found = m.group()
        middle = found[len(p.prefix) : len(found) - len(p.suffix)]
        taken.append(m.span())
        if found in p.names or any(w in middle for w in p.not_names):
            continue
        renamed = comp.renamed.get(found)
        expected = renamed or closest(middle, comp.middles, p.honorifics)
        if expected:  # no confident suggestion, no finding: 习近平总书记治国理政思想 is a description
            yield m.start(), m.end(), found, expected
    for regex, name, literal in comp.cuts:
        for m in regex.finditer(scan) if literal in scan else ():
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append(m.span())
            yield m.start(), m.end(), m.group(), name


def _anchors(p: Params) -> list[str]:
    """A candidate, a tail or a stem holds one of these: a candidate and a stem start with the prefix,
    and a tail is cut (and looked for) only when it is ``min_cut`` characters long or more."""
    return [p.prefix, *(tail[:4] for name in p.names if len(tail := name[len(p.prefix) :]) >= p.min_cut)]


_MASK = "，"  # a mark no candidate runs over (_NO_PUNCT)


def _names_maskable(p: Params, candidate: re.Pattern) -> bool:
    """Whether an anchor inside an official name can never give a finding, so that a line whose every
    anchor stands inside an official name may be skipped (:func:`lines_beyond_names`).  It holds when
    a candidate found at a name's start is that name (the first ``suffix`` after the prefix ends it)
    and no candidate can start anywhere else in a name or run into one: the prefix stands in a name
    only at its start and two prefixes cannot overlap.  A tail or stem inside a name then overlaps the
    name's candidate, which is taken, and is skipped too."""
    prefix = p.prefix
    if any(prefix[i:] == prefix[: len(prefix) - i] for i in range(1, len(prefix))):
        return False  # 啊啊: two prefixes may overlap
    for name in p.names:
        m = candidate.match(name)
        if m is None or m.end() != len(name) or name.find(prefix, 1) != -1 or any(ch in name for ch in _MASK + "《》\n"):
            return False
    return True


def lines_to_read(report: Report, comp: _Compiled) -> frozenset[int]:
    """The lines that may give a finding: those holding an anchor outside every official name (found
    in the text with each name masked), and those where a piece the rule reads (a heading's text, a
    run-in body) cuts a name (:func:`_cut_inside`).  Any other line holding an anchor holds it inside
    whole names, where :func:`_names_maskable` shows no finding can come from (most reports write
    习近平法治思想 as it should be written and nothing else)."""
    text = clean_text(report)
    names = [m.span() for m in comp.names.finditer(text)] if comp.names is not None else []
    if not names:
        return lines_holding(report, comp.anchor_words)
    starts = line_starts(report)
    found = lines_holding_in(_masked(text, names), starts, comp.anchor_words)
    on_line = sections_by_line(report)
    for start, end in names:
        n = bisect_right(starts, start)
        if n in on_line and n not in found:
            col = starts[n - 1]
            if _cut_inside(report.doc.lines[n - 1].text, on_line[n], (start - col, end - col)):
                found.add(n)
    return frozenset(found)


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span of ``spans`` (ascending, apart) replaced by as many ``_MASK``: its pieces
    in one list, joined once."""
    pieces = []
    at = 0
    for start, end in spans:
        pieces += (text[at:start], _MASK * (end - start))
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


def _cut_inside(text: str, sections: tuple, name: tuple[int, int]) -> bool:
    """Whether a piece of the line that a rule reads may start or end inside ``name`` (its columns):
    the pieces of a line are the whole line, the heading text of a section on it and the rest of the
    line from a run-in body's start."""
    cuts = []
    for section in sections:
        if not text.startswith(section.heading, section.heading_col):
            return True  # a heading text that is not a piece of the line: not known where it cuts
        cuts += (section.heading_col, section.heading_col + len(section.heading), section.body_start_col)
    start, end = name
    return any(start < cut < end for cut in cuts)


def check(report: Report, rule: Rule[Params]) -> list[Diagnostic] | tuple[()]:
    """The findings as a list, or () at once when no line may hold one (most reports)."""
    comp = _compiled(rule)
    lines = lines_to_read(report, comp)  # from scans of the whole text
    if not lines:
        return ()
    found = []
    for segment in segments_on(report, lines):
        for start, end, written, expected in sorted(find(segment.text, rule)):
            span = segment.span(start, end)
            fix = Fix((Edit(span.start, span.end, expected),), "unsafe", f"改为“{expected}”")
            found.append(diagnostic(rule, span, fix=fix, found=written, expected=expected))
    return found
