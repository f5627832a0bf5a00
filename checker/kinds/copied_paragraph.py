"""Copied paragraph — near-identical paragraphs in the reports of different entities.

## What it checks
Cross-report: only ``fzcheck review`` runs it; in ``fzcheck check`` (one report
at a time) it finds nothing.  Every body paragraph of at least ``min_chars``
characters is normalised (punctuation and spaces dropped, digit runs made
equal, the report's own entity name masked) and cut into overlapping
``shingle_size``-character shingles.  A MinHash signature of the shingles
(one-permutation hashing, 64 bins) estimates the Jaccard similarity of two
paragraphs; an LSH index over the signature bands finds the candidate pairs, so
the work grows with the number of paragraphs, not with its square.  Paragraphs
whose estimated similarity is at least ``threshold`` and that come from reports
of different entities form one finding that names every place.

Character shingles rather than jieba tokens: Chinese has no spaces, and an edit
changes how jieba cuts the words around it, which changes more word shingles
than character shingles; five characters are about two to three words, as
discriminating as word bigrams; and the shingles need no dictionary, so each
review worker starts without loading jieba's 0.7 s dictionary.

## Why it matters
Reviewers of hundreds of annual reports name formulaic and copied text as a
main defect: a paragraph copied from another township's report does not
describe this township's year.

## Parameters
- ``threshold``: estimated Jaccard similarity (0–1) from which two paragraphs count as copies (default 0.8).
- ``shingle_size``: characters per shingle (default 5).
- ``min_chars``: shortest paragraph compared, in characters after normalising (default 40).

## Placeholders
``{other}``: the other place(s) (单位、文件、行); ``{similarity}``: e.g. 96%;
``{count}``: how many other reports share the paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..model import Diagnostic, Location
from . import _minhash
from ._crossreport import CrossReport, Paragraph, current, finding, fmt, label, pct, place

if TYPE_CHECKING:
    from ..packs import Rule

KIND = "copied_paragraph"
PLACEHOLDERS = ("other", "similarity", "count")


@dataclass(frozen=True)
class Params:
    threshold: float = 0.8
    shingle_size: int = 5
    min_chars: int = 40
    measure: str = "jaccard"  # jaccard | overlap
    boilerplate_share: float = 1.0  # a paragraph in more than this share of the units is a shared formula
    boilerplate_min_units: int = 4  # … and in at least this many units


MEASURES = ("jaccard", "overlap")


def validate(params: Params, ruleset) -> str:
    if params.measure not in MEASURES:
        return f"measure 只能是 {'、'.join(MEASURES)}"
    if not 0 < params.boilerplate_share <= 1:
        return "boilerplate_share 必须是 0 到 1 之间的小数，如 0.5"
    if params.boilerplate_min_units < 2:
        return "boilerplate_min_units 至少为 2"
    return validate_shingles(params)


def validate_shingles(params) -> str:
    if not isinstance(params.threshold, (int, float)) or not 0 < params.threshold <= 1:
        return "threshold 必须是 0 到 1 之间的小数，如 0.8"
    if not 2 <= params.shingle_size <= 12:
        return "shingle_size 必须在 2 到 12 之间"
    if params.min_chars < params.shingle_size:
        return "min_chars 不能小于 shingle_size"
    return ""



def check_reports(reports: Sequence[CrossReport], rule: Rule[Params]) -> list[Diagnostic]:
    """Groups of near-identical paragraphs written by different entities, one finding per group;
    groups shared by so many units that they are the county's common formulas are left out."""
    findings = [
        _group_finding(rule, members, sim)
        for members, sim in _groups(current(reports), rule.params)
        if not _is_boilerplate(members, current(reports), rule.params)
    ]
    findings.sort(key=lambda f: (f.location.path, f.location.line))
    return findings


@dataclass(frozen=True)
class SharedFormula:
    """A paragraph that many units write alike: the county's boilerplate, not copying."""

    excerpt: str
    units: int  # how many different units use it
    reports: int  # how many reports
    places: tuple[Location, ...]


def shared_formulas(reports: Sequence[CrossReport], rule: Rule[Params]) -> list[SharedFormula]:
    """The groups ``check_reports`` leaves out as boilerplate, most widely shared first (the dashboard lists them)."""
    reports = current(reports)
    out = []
    for members, _ in _groups(reports, rule.params):
        if _is_boilerplate(members, reports, rule.params):
            places = tuple(place(r, para.line, para.column, para.end_column, para.excerpt) for r, para in members)
            out.append(
                SharedFormula(members[0][1].excerpt, len({r.key for r, _ in members}), len({p.path for p in places}), places)
            )
    out.sort(key=lambda f: (-f.units, f.excerpt))
    return out


def _is_boilerplate(members: list[tuple[CrossReport, Paragraph]], reports: Sequence[CrossReport], p: Params) -> bool:
    """Learnt from the folder itself: a paragraph that more than ``boilerplate_share`` of the units
    (and at least ``boilerplate_min_units``) write alike is a shared formula (现将……报告如下, a closing
    pledge), not one unit copying another."""
    units = len({r.key for r, _ in members})
    total = len({r.key for r in reports})
    return units >= p.boilerplate_min_units and units > p.boilerplate_share * total


_GROUPS: dict[tuple, list] = {}  # the last folder's groups: check_reports and shared_formulas share them


def forget() -> None:
    """Drop the last folder's groups (they hold its reports' paragraphs) and the shingle sets of its
    paragraphs once both have been asked."""
    _GROUPS.clear()
    _shingles.cache_clear()


def _groups(reports: Sequence[CrossReport], params: Params) -> list[tuple[list[tuple[CrossReport, Paragraph]], float]]:
    """Groups of similar paragraphs (members sorted by file and line) of two or more entities, with
    the lowest similarity that joined them."""
    key = (tuple(id(r) for r in reports), params)
    if key in _GROUPS:
        return _GROUPS[key]
    flat = [(r, para) for r in reports for para in r.paragraphs if para.length >= params.min_chars]
    best, uf = _similar_pairs(flat, params)
    groups: dict[int, list[int]] = {}
    for pid in best:
        groups.setdefault(uf.find(pid), []).append(pid)
    out = []
    for members in groups.values():
        members.sort(key=lambda m: (flat[m][0].file, flat[m][1].line))
        if len({flat[m][0].key for m in members}) >= 2:
            out.append(([flat[m] for m in members], min(best[m] for m in members)))
    _GROUPS.clear()
    _GROUPS[key] = out
    return out


def paragraph_similarity(a: Paragraph, b: Paragraph, params: Params) -> float:
    """Estimated Jaccard similarity of the two paragraphs' shingles; or (``measure = "overlap"``) the
    exact share of the shorter paragraph's shingles found in the other, when the longer is at most
    half as long again: a copy with a clause inserted or words swapped keeps nearly all of its
    shingles, while a short formula inside a long paragraph does not count."""
    size = params.shingle_size
    if params.measure != "overlap" or not a.norm or not b.norm:
        return _minhash.similarity(a.sigs[size], b.sigs[size])
    sa, sb = _shingles(a.norm, size), _shingles(b.norm, size)
    common = len(sa & sb)
    if min(len(a.norm), len(b.norm)) * 3 < max(len(a.norm), len(b.norm)) * 2:
        return common / len(sa | sb)
    return common / min(len(sa), len(sb))


@lru_cache(maxsize=512)  # ~11 KB each: a bounded few MB however many reports
def _shingles(norm: str, size: int) -> frozenset[str]:
    return frozenset(norm[i : i + size] for i in range(max(0, len(norm) - size) + 1))


def _similar_pairs(flat: list[tuple[CrossReport, Paragraph]], params: Params):
    """Pairs of paragraphs of different entities at or above the threshold, joined into groups through
    the band index; the best similarity each paragraph reached.  Each paragraph is compared with the
    first paragraph that shares one of its bands (band by band, each other paragraph once)."""
    uf = _minhash.UnionFind()
    best: dict[int, float] = {}
    firsts = _minhash.first_sharing([para.sigs[params.shingle_size] for _, para in flat])
    for pid, (report, para) in enumerate(flat):
        tried: set[int] = set()
        for first in firsts:
            other = first[pid]
            if other < 0 or other == pid or other in tried:
                continue
            tried.add(other)
            oreport, opara = flat[other]
            if oreport.key == report.key:
                continue
            sim = paragraph_similarity(para, opara, params)
            if sim >= params.threshold:
                uf.union(pid, other)
                best[pid] = max(best.get(pid, 0.0), sim)
                best[other] = max(best.get(other, 0.0), sim)
    return best, uf


def _group_finding(rule: Rule[Params], members: list[tuple[CrossReport, Paragraph]], sim: float) -> Diagnostic:
    """The finding of one group: every place is told which other place (and how many more) it shares
    the paragraph with."""
    places = [place(r, para.line, para.column, para.end_column, para.excerpt) for r, para in members]
    keys = [r.key for r, _ in members]
    # per key: its first place and how many places and reports it has (linear in the group)
    first: dict[str, int] = {}
    places_of: dict[str, int] = {}
    files_of: dict[str, set[str]] = {}
    for j, key in enumerate(keys):
        first.setdefault(key, j)
        places_of[key] = places_of.get(key, 0) + 1
        files_of.setdefault(key, set()).add(places[j].path)
    order = sorted(first.values())
    all_files = len({p.path for p in places})
    told: list[Location] = []
    # most places of a group are told the same words: one string for each message, however many
    # places it is told at (a county's groups name tens of thousands of places)
    messages: dict[tuple[int, int, int], str] = {}
    for i, mine in enumerate(keys):
        j = next(j for j in order if keys[j] != mine)  # at most two steps: keys are distinct
        n_other = len(places) - places_of[mine]
        count = all_files - len(files_of[mine])
        message = messages.get((j, n_other, count))
        if message is None:
            other = label(places[j]) + (f"等{n_other}处" if n_other > 1 else "")
            message = messages[j, n_other, count] = fmt(rule.message, other=other, similarity=pct(sim), count=count)
        told.append(_with_message(places[i], message))
    summary = f"{len(first)} 个单位的报告中有几乎相同的段落（相似度{pct(sim)}）"
    return finding(rule, told, summary, sim)


def _with_message(location: Location, message: str) -> Location:
    return replace(location, message=message)
