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

import io
import tempfile
from array import array
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import IO, TYPE_CHECKING

from ..model import Diagnostic, Location
from . import _minhash
from ._crossreport import CrossReport, Paragraph, PlaceTable, current, finding, fmt, label, pct, place

if TYPE_CHECKING:
    from ..packs import Rule

KIND = "copied_paragraph"
PLACEHOLDERS = ("other", "similarity", "count")


@dataclass(frozen=True)
class Params:
    """What a rule of the ``copied_paragraph`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
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
    catalogue, groups = _groups(current(reports), rule.params)
    total = catalogue.units()
    findings = [
        _group_finding(rule, catalogue, members, sim)
        for members, sim in groups
        if not _is_boilerplate(catalogue.keys(members), total, rule.params)
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
    catalogue, groups = _groups(current(reports), rule.params)
    total = catalogue.units()
    out = []
    for members, _ in groups:
        keys = catalogue.keys(members)
        if _is_boilerplate(keys, total, rule.params):
            places = tuple(catalogue.places(members))
            out.append(SharedFormula(places[0].excerpt, len(set(keys)), len({p.path for p in places}), places))
    out.sort(key=lambda f: (-f.units, f.excerpt))
    return out


def _is_boilerplate(keys: list[str], total: int, p: Params) -> bool:
    """Learnt from the folder itself: a paragraph that more than ``boilerplate_share`` of the ``total``
    units (and at least ``boilerplate_min_units``) write alike is a shared formula (现将……报告如下, a
    closing pledge), not one unit copying another."""
    units = len(set(keys))
    return units >= p.boilerplate_min_units and units > p.boilerplate_share * total


_GROUPS: dict[tuple, tuple] = {}  # the last folder's groups: check_reports and shared_formulas share them


def forget() -> None:
    """Drop the last folder's groups and the shingle sets of its paragraphs once both have been asked."""
    _GROUPS.clear()
    _shingles.cache_clear()


class _Scratch:
    """Bytes written once and read back: in memory up to ``LIMIT``, then in a temporary file (a few
    reports' signatures never touch the disk, a county's do not stay in memory)."""

    LIMIT = 1 << 20

    def __init__(self) -> None:
        self.file: IO[bytes] = io.BytesIO()
        self.on_disk = False

    def write(self, data: bytes) -> None:
        self.file.write(data)
        if not self.on_disk and self.file.tell() > self.LIMIT:
            disk = tempfile.TemporaryFile(prefix="fzcheck-copies-")
            disk.write(self.file.getvalue())  # type: ignore[attr-defined]
            self.file, self.on_disk = disk, True

    def seek(self, at: int) -> None:
        self.file.seek(at)

    def read(self, size: int) -> bytes:
        return self.file.read(size)

    def close(self) -> None:
        self.file.close()


class _Catalogue:
    """The paragraphs copy detection compares (long enough), numbered in the order of the reports:
    four numbers are kept of each (its report, line and columns), its signature goes to a temporary
    file for the band index, and the paragraphs themselves are gone through report by report
    (``CrossReport.paragraphs`` may be read back from the review's spool each time: no report's
    paragraphs are held for long, however many reports there are).  A paragraph that joins a group
    keeps its excerpt too."""

    CACHED = 64  # reports whose paragraphs stay at hand: the earlier paragraph of a pair is often in one

    def __init__(self, reports: Sequence[CrossReport], params: Params) -> None:
        self.reports, self.params = reports, params
        self.report_of, self.line, self.column, self.end_column = array("i"), array("i"), array("i"), array("i")
        self.start = array("i")  # per report: the number of its first paragraph
        self.sites = [(r.file, r.entity) for r in reports]  # what a place names of its report
        self._texts: dict[str, str] = {}
        self._cache: OrderedDict[int, tuple[Paragraph, ...]] = OrderedDict()
        self.sigs = _Scratch()
        for i in range(len(reports)):
            self.start.append(len(self.report_of))
            for para in self.paragraphs(i):
                self._add(i, para)
        self.excerpts: list[str | None] = [None] * len(self)  # of the paragraphs that joined a group

    def _add(self, i: int, para: Paragraph) -> None:
        sig = para.sigs[self.params.shingle_size]
        if len(sig) != _minhash.SIG_BYTES:
            raise ValueError(f"signature of {len(sig)} bytes")
        self.report_of.append(i)
        self.line.append(para.line)
        self.column.append(para.column)
        self.end_column.append(para.end_column)
        self.sigs.write(sig)

    def __len__(self) -> int:
        return len(self.report_of)

    def signature_blocks(self) -> Iterator[bytes]:
        """Every signature in order, read back from the file in blocks of 4,096."""
        self.sigs.seek(0)
        while block := self.sigs.read(_minhash.SIG_BYTES * 4096):
            yield block

    def paragraphs(self, i: int) -> tuple[Paragraph, ...]:
        """Report ``i``'s paragraphs long enough to compare (the last ``CACHED`` reports' kept at hand)."""
        cache = self._cache
        if i in cache:
            cache.move_to_end(i)
            return cache[i]
        found = cache[i] = tuple(p for p in self.reports[i].paragraphs if p.length >= self.params.min_chars)
        if len(cache) > self.CACHED:
            cache.popitem(last=False)
        return found

    def paragraph(self, pid: int) -> Paragraph:
        i = self.report_of[pid]
        return self.paragraphs(i)[pid - self.start[i]]

    def report(self, pid: int) -> CrossReport:
        return self.reports[self.report_of[pid]]

    def grouped(self, pid: int, para: Paragraph) -> None:
        """Keep the excerpt of a paragraph that joined a group (one copy of each equal excerpt)."""
        if self.excerpts[pid] is None:
            self.excerpts[pid] = self._texts.setdefault(para.excerpt, para.excerpt)

    def done(self) -> None:
        """Comparing is over: the signatures and the paragraphs at hand go."""
        self.sigs.close()
        self._cache.clear()
        self._texts.clear()

    def keys(self, members: Sequence[int]) -> list[str]:
        return [self.report(m).key for m in members]

    def units(self) -> int:
        return len({r.key for r in self.reports})

    def places(self, members: Sequence[int]) -> list[Location]:
        return [
            place(self.report(m), self.line[m], self.column[m], self.end_column[m], self.excerpts[m]) for m in members
        ]


def _groups(reports: Sequence[CrossReport], params: Params) -> tuple[_Catalogue, list[tuple[array, float]]]:
    """Groups of similar paragraphs (their numbers in the catalogue, sorted by file and line) of two
    or more entities, with the lowest similarity that joined them."""
    key = (tuple(id(r) for r in reports), params)
    if key in _GROUPS:
        return _GROUPS[key]
    catalogue = _Catalogue(reports, params)
    best, order, uf = _similar_pairs(catalogue, params)
    groups: dict[int, array] = {}
    for pid in order:
        root = uf.find(pid)
        if root not in groups:
            groups[root] = array("i")
        groups[root].append(pid)
    out = []
    for members in groups.values():
        ordered = array("i", sorted(members, key=lambda m: (catalogue.report(m).file, catalogue.line[m])))
        if len(set(catalogue.keys(ordered))) >= 2:
            out.append((ordered, min(best[m] for m in ordered)))
    _GROUPS.clear()
    _GROUPS[key] = catalogue, out
    return catalogue, out


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


def _similar_pairs(catalogue: _Catalogue, params: Params) -> tuple[array, array, _minhash.UnionFind]:
    """Pairs of paragraphs of different entities at or above the threshold, joined into groups through
    the band index: the best similarity each paragraph reached (0 if none), the paragraphs in the
    order they first reached one, and the groups.  Each paragraph is compared with the first
    paragraph that shares one of its bands (band by band, each other paragraph once), report by
    report."""
    bands = _Bands(len(catalogue))
    for first in _minhash.first_sharing(catalogue.signature_blocks):
        bands.add(first)
    uf = _minhash.UnionFind(len(catalogue))
    best, order = array("d", bytes(8 * len(catalogue))), array("i")
    for i, report in enumerate(catalogue.reports):
        for pid, para in enumerate(catalogue.paragraphs(i), catalogue.start[i]):
            tried: set[int] = set()
            for other in bands.of(pid):
                if other < 0 or other == pid or other in tried:
                    continue
                tried.add(other)
                if catalogue.report(other).key == report.key:
                    continue
                opara = catalogue.paragraph(other)
                sim = paragraph_similarity(para, opara, params)
                if sim >= params.threshold:
                    uf.union(pid, other)
                    _reached(catalogue, best, order, pid, para, sim)
                    _reached(catalogue, best, order, other, opara, sim)
    bands.close()
    catalogue.done()
    _shingles.cache_clear()  # comparing is over: the findings are made without the shingle sets
    return best, order, uf


class _Bands:
    """The band index (``_minhash.first_sharing``'s table per band) in a temporary file, read back
    in step with the paragraphs, ``BLOCK`` paragraphs at a time: for each paragraph, the first
    paragraph sharing each of its bands."""

    BLOCK = 4096

    def __init__(self, size: int) -> None:
        self.size = size
        self.file = _Scratch()
        self.start, self.tables = -self.BLOCK, []  # no block read yet

    def add(self, first: array) -> None:
        self.file.write(first.tobytes())

    def of(self, pid: int) -> list[int]:
        if not self.start <= pid < self.start + self.BLOCK:
            self._load(pid - pid % self.BLOCK)
        at = pid - self.start
        return [table[at] for table in self.tables]

    def _load(self, start: int) -> None:
        count = min(self.BLOCK, self.size - start)
        self.start, self.tables = start, []
        for band in range(_minhash.BANDS):
            self.file.seek(4 * (band * self.size + start))
            table = array("i")
            table.frombytes(self.file.read(4 * count))
            self.tables.append(table)

    def close(self) -> None:
        self.file.close()
        self.tables = []


def _reached(catalogue: _Catalogue, best: array, order: array, pid: int, para: Paragraph, sim: float) -> None:
    """Paragraph ``pid`` is as similar as ``sim`` to another: its best so far, and it joins a group."""
    if not best[pid]:
        order.append(pid)
        catalogue.grouped(pid, para)
    best[pid] = max(best[pid], sim)


def _group_finding(rule: Rule[Params], catalogue: _Catalogue, members: Sequence[int], sim: float) -> Diagnostic:
    """The finding of one group (its ``members``): every place is told which other place (and how
    many more) it shares the paragraph with.  The places are kept as numbers (``PlaceTable``)."""
    places, keys = catalogue.places(members), catalogue.keys(members)
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
    # most places of a group are told the same words: one string for each message, however many
    # places it is told at (a county's groups name tens of thousands of places)
    messages: dict[tuple[int, int, int], int] = {}
    table = PlaceTable(catalogue.sites, [])
    for i, mine in enumerate(keys):
        j = next(j for j in order if keys[j] != mine)  # at most two steps: keys are distinct
        n_other = len(places) - places_of[mine]
        count = all_files - len(files_of[mine])
        told = messages.get((j, n_other, count))
        if told is None:
            other = label(places[j]) + (f"等{n_other}处" if n_other > 1 else "")
            told = messages[j, n_other, count] = len(table.messages)
            table.messages.append(fmt(rule.message, other=other, similarity=pct(sim), count=count))  # type: ignore[attr-defined]
        m = members[i]
        table.add(catalogue.report_of[m], catalogue.line[m], catalogue.column[m], catalogue.end_column[m], places[i].excerpt, told)
    summary = f"{len(first)} 个单位的报告中有几乎相同的段落（相似度{pct(sim)}）"
    return replace(finding(rule, [table[0]], summary, sim), related=table.without(0))
