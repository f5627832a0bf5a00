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


def validate(params: Params, ruleset) -> str:
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
    """Groups of near-identical paragraphs written by different entities, one finding per group."""
    reports = current(reports)
    flat = [(r, para) for r in reports for para in r.paragraphs if para.length >= rule.params.min_chars]
    best, uf = _similar_pairs(flat, rule.params)
    groups: dict[int, list[int]] = {}
    for pid in best:
        groups.setdefault(uf.find(pid), []).append(pid)
    findings = []
    for members in groups.values():
        members.sort(key=lambda m: (flat[m][0].file, flat[m][1].line))
        if len({flat[m][0].key for m in members}) >= 2:
            findings.append(_group_finding(rule, [flat[m] for m in members], min(best[m] for m in members)))
    findings.sort(key=lambda f: (f.location.path, f.location.line))
    return findings


def _similar_pairs(flat: list[tuple[CrossReport, Paragraph]], params: Params):
    """Pairs of paragraphs of different entities at or above the threshold, joined into groups through
    the band index; the best similarity each paragraph reached."""
    size = params.shingle_size
    uf = _minhash.UnionFind()
    best: dict[int, float] = {}
    index: dict[int, int] = {}  # band key → first paragraph seen with it
    for pid, (report, para) in enumerate(flat):
        sig = para.sigs[size]
        tried: set[int] = set()
        for key in _minhash.band_keys(sig):
            other = index.setdefault(key, pid)
            if other == pid or other in tried:
                continue
            tried.add(other)
            oreport, opara = flat[other]
            if oreport.key == report.key:
                continue
            sim = _minhash.similarity(sig, opara.sigs[size])
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
    for i, mine in enumerate(keys):
        j = next(j for j in order if keys[j] != mine)  # at most two steps: keys are distinct
        n_other = len(places) - places_of[mine]
        other = label(places[j]) + (f"等{n_other}处" if n_other > 1 else "")
        count = all_files - len(files_of[mine])
        message = fmt(rule.message, other=other, similarity=pct(sim), count=count)
        told.append(_with_message(places[i], message))
    summary = f"{len(first)} 个单位的报告中有几乎相同的段落（相似度{pct(sim)}）"
    return finding(rule, told, summary, sim)


def _with_message(location: Location, message: str) -> Location:
    return replace(location, message=message)
