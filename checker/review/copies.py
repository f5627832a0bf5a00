"""Copy detection across reports: copied paragraphs (FZ701), foreign entity names (FZ702),
paragraphs carried over from last year's report of the same entity (FZ703/FZ704).

Two halves:

* in the worker, per report, :func:`extract` turns a checked report into compact
  :class:`Paragraph` records (a MinHash signature, place, role, a short excerpt)
  and :class:`Mention` records (where a township-like name ends), so that the
  parent never holds a Document;
* in the parent, :func:`detect` indexes the signatures (LSH over signature
  bands: each paragraph is compared only with the paragraphs it shares a band
  with, never with all others) and builds :class:`CrossFinding` objects, each
  naming every place involved.

Signatures: one-permutation MinHash (Li, Owen & Zhang 2012).  Every character
shingle is hashed once (CRC-32 of its UTF-32 bytes: stable across processes,
unlike ``hash()``); the top ``BIN_BITS`` bits pick one of ``BINS`` bins and the
bin keeps the smallest remaining value.  Two signatures agree in a bin with
probability equal to the Jaccard similarity of the shingle sets, so the share of
agreeing bins (among bins not empty in both) estimates it.
"""

from __future__ import annotations

import re
import zlib
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

BINS = 64
BIN_BITS = 6  # 2**6 == BINS
VALUE_MASK = (1 << (32 - BIN_BITS)) - 1
EMPTY = 0xFFFFFFFF
BANDS, ROWS = 16, 4  # BANDS * ROWS == BINS; P(candidate | J=0.8) = 1 - (1 - 0.8**4)**16 ≈ 0.9998
EXCERPT = 36

_DROP = re.compile(r"[^\w]|_", re.UNICODE)
_DIGITS = re.compile(r"\d+")
_SENTENCE = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")
_OFFICE_TAIL = re.compile(r"(?:人民政府|党委|政府|办事处|党政办公室|党政办)$")
_COUNTY_CHARS = "省州盟市县区旗"
_ETHNIC = re.compile(
    r"(?:(?:藏|回|蒙古|土|撒拉|东乡|保安|彝|苗|瑶|壮|侗|布依|土家|满|朝鲜|哈萨克|维吾尔|柯尔克孜|锡伯|达斡尔|鄂温克|"
    r"鄂伦春|白|傣|哈尼|傈僳|纳西|羌|仡佬|畲|水|黎|佤|拉祜|景颇|毛南|仫佬|京|裕固)族)+(?=乡$)"
)


# ---------------------------------------------------------------- parameters


@dataclass(frozen=True)
class CrossRule:
    code: str
    name: str
    severity: str
    message: str
    hint: str
    basis: str
    params: object


@dataclass(frozen=True)
class CrossSpec:
    """The cross-report rules that are on, read from the loaded packs (picklable)."""

    copied: tuple[CrossRule, ...] = ()
    foreign: tuple[CrossRule, ...] = ()
    carried: tuple[CrossRule, ...] = ()

    @property
    def shingle_sizes(self) -> tuple[int, ...]:
        return tuple(sorted({r.params.shingle_size for r in (*self.copied, *self.carried)}))

    @property
    def min_chars(self) -> int:
        sizes = [r.params.min_chars for r in (*self.copied, *self.carried)]
        return min(sizes) if sizes else 0

    @property
    def suffixes(self) -> tuple[str, ...]:
        return tuple(sorted({s for r in self.foreign for s in r.params.suffixes}, key=len, reverse=True))

    @property
    def allow_words(self) -> tuple[str, ...]:
        return tuple(sorted({w for r in self.foreign for w in r.params.allow_words}))

    def __bool__(self) -> bool:
        return bool(self.copied or self.foreign or self.carried)


def cross_spec(ruleset, config) -> CrossSpec:
    """The enabled, selected FZ7xx rules of ``ruleset`` (with severity overrides applied)."""
    groups: dict[str, list[CrossRule]] = {"copied_paragraph": [], "foreign_entity": [], "carried_over": []}
    for rule in sorted(ruleset.enabled(), key=lambda r: r.code):
        if rule.kind in groups and config.selects(rule.code):
            severity = config.severity.get(rule.code, rule.severity)
            groups[rule.kind].append(
                CrossRule(rule.code, rule.name, severity, rule.message, rule.hint, rule.basis, rule.params)
            )
    return CrossSpec(
        tuple(groups["copied_paragraph"]), tuple(groups["foreign_entity"]), tuple(groups["carried_over"])
    )


# ---------------------------------------------------------------- signatures


def normalise(text: str, own_names: Iterable[str] = ()) -> str:
    """Letters only: punctuation and spaces dropped, digit runs → '0', own names → '〇'."""
    for name in own_names:
        if name:
            text = text.replace(name, "〇")
    return _DROP.sub("", _DIGITS.sub("0", text))


def signature(norm: str, size: int) -> bytes:
    """The one-permutation MinHash signature (``BINS`` uint32 values) of ``norm``'s shingles."""
    sig = [EMPTY] * BINS
    data = memoryview(norm.encode("utf-32-le"))
    width = 4 * size
    crc = zlib.crc32
    shift = 32 - BIN_BITS
    for i in range(0, max(0, len(data) - width) + 1, 4):
        h = crc(data[i : i + width])
        b = h >> shift
        v = h & VALUE_MASK
        if v < sig[b]:
            sig[b] = v
    return array("I", sig).tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    if a == b:
        return 1.0
    x, y = array("I", a), array("I", b)
    same = used = 0
    for p, q in zip(x, y):
        if p == EMPTY and q == EMPTY:
            continue
        used += 1
        if p == q:
            same += 1
    return same / used if used else 0.0


def band_keys(sig: bytes) -> list[int]:
    """One key per band whose bins are not all empty (empty bands would join all short paragraphs)."""
    keys = []
    empty = b"\xff" * (4 * ROWS)
    for band in range(BANDS):
        chunk = sig[band * 4 * ROWS : (band + 1) * 4 * ROWS]
        if chunk != empty:
            keys.append(band << 128 | int.from_bytes(chunk, "little"))
    return keys


# ---------------------------------------------------------------- worker side


@dataclass(frozen=True, slots=True)
class Paragraph:
    line: int
    column: int
    end_column: int
    role: str
    excerpt: str
    sigs: tuple[bytes, ...]  # one per shingle size of the spec, in ``CrossSpec.shingle_sizes`` order
    length: int


@dataclass(frozen=True, slots=True)
class Mention:
    """Where a township-like name ends: the ``window`` of text before and including the suffix."""

    line: int
    end_column: int  # 1-based column just after the suffix
    window: str
    related: bool  # the sentence names a relation (与、同、交流 …)


def entity_names(entity: str, suffixes: Iterable[str] = ("乡", "镇", "街道", "苏木")) -> tuple[str, ...]:
    """Names a report may use for its township: 安多县多玛乡 → (多玛乡,); 湟中区群加藏族乡 →
    (群加藏族乡, 群加乡); empty when the entity is not township-level."""
    name = _OFFICE_TAIL.sub("", entity.strip())
    suffix = next((s for s in sorted(suffixes, key=len, reverse=True) if name.endswith(s)), "")
    if not suffix or len(name) - len(suffix) < 2:
        return ()
    # drop the county prefix: cut after the rightmost county-level character that still
    # leaves at least two characters before the suffix (安多县|多玛乡, but 新市镇 stays whole)
    core = name
    for i in range(len(name) - len(suffix) - 2, 0, -1):
        if name[i - 1] in _COUNTY_CHARS:
            core = name[i:]
            break
    names = [core]
    plain = _ETHNIC.sub("", core)
    if plain != core and len(plain) > len(suffix) + 1:
        names.append(plain)
    return tuple(names)


def extract(result, spec: CrossSpec) -> tuple[tuple[Paragraph, ...], tuple[Mention, ...], tuple[str, ...]]:
    """Paragraph signatures, name mentions and own names of one checked report."""
    doc, outline = result.document, result.outline
    if doc is None or outline is None or not spec:
        return (), (), ()
    entity = result.facts.entity if result.facts else ""
    own = entity_names(entity, spec.suffixes or ("乡", "镇", "街道", "苏木"))
    paragraphs: list[Paragraph] = []
    if spec.copied or spec.carried:
        paragraphs = _paragraphs(doc, outline, spec, (*own, entity))
    mentions: list[Mention] = []
    if spec.foreign:
        mentions = _mentions(doc, outline, spec)
    return tuple(paragraphs), tuple(mentions), own


def _role_by_line(outline) -> list[str]:
    roles = ["preamble"] * (len(outline.lines) + 2)
    for section in outline.walk():  # pre-order: deeper sections overwrite their parents
        main = next((r for r in section.roles if r != "other"), section.roles[0] if section.roles else "other")
        for n in range(section.line, section.end_line + 1):
            roles[n] = main
    return roles


def _paragraphs(doc, outline, spec: CrossSpec, own: tuple[str, ...]) -> list[Paragraph]:
    roles = _role_by_line(outline)
    body_cols: dict[int, int] = {s.line: s.body_start_col for s in outline.walk() if s.body_start_col >= 0}
    skip = set(outline.title_lines) | set(outline.signature)
    sizes = spec.shingle_sizes
    out = []
    for line, kind in zip(doc.lines, outline.kinds):
        n = line.number
        if n in skip:
            continue
        if kind == "BODY":
            col = 0
        elif n in body_cols:
            col = body_cols[n]
        else:
            continue
        text = line.text[col:].strip()
        norm = normalise(text, own)
        if len(norm) < spec.min_chars:
            continue
        lead = len(line.text[col:]) - len(line.text[col:].lstrip())
        start = line.offset(col + lead) - line.start + 1
        end = line.offset(col + lead + len(text)) - line.start + 1
        excerpt = text if len(text) <= EXCERPT else text[:EXCERPT] + "…"
        sigs = tuple(signature(norm, size) for size in sizes)
        out.append(Paragraph(n, start, end, roles[n], excerpt, sigs, len(norm)))
    return out


def _mentions(doc, outline, spec: CrossSpec) -> list[Mention]:
    suffixes = spec.suffixes
    allow = spec.allow_words
    pattern = re.compile("|".join(re.escape(s) for s in suffixes))
    title = set(outline.title_lines)
    seen: dict[tuple[str, bool], Mention] = {}
    for line in doc.lines:
        if line.number in title or not line.text:
            continue
        text = line.text
        for m in pattern.finditer(text):
            if m.start() == 0 or not "\u4e00" <= text[m.start() - 1] <= "\u9fff":
                continue
            sentence = _sentence_at(text, m.start())
            related = any(w in sentence for w in allow)
            window = text[max(0, m.start() - 14) : m.end()]
            key = (window, related)
            if key not in seen:
                end = line.offset(m.end()) - line.start + 1
                seen[key] = Mention(line.number, end, window, related)
    return list(seen.values())


def _sentence_at(text: str, pos: int) -> str:
    for m in _SENTENCE.finditer(text):
        if m.start() <= pos < m.end():
            return m.group()
    return text


# ---------------------------------------------------------------- parent side


@dataclass(frozen=True)
class Place:
    file: str
    entity: str
    line: int
    column: int
    end_column: int
    excerpt: str
    mark: tuple[int, int] | None = None  # the finding inside ``excerpt``; None: all of it

    def label(self) -> str:
        who = f"{self.entity}" if self.entity else Path(self.file).name
        return f"{who}（{self.file} 第{self.line}行）"


@dataclass
class CrossFinding:
    """One cross-report finding; ``places[0]`` is where it is reported first."""

    code: str
    name: str
    severity: str
    message: str
    hint: str
    basis: str
    places: list[Place]
    similarity: float = 1.0
    summary: str = ""  # one line for the list of cross-report findings (default: the message)
    # per-place diagnostics: (place index, message) — each names the other place(s)
    notes: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class ReportKey:
    """What detection needs of one report (kept by the parent instead of the Document)."""

    index: int
    file: str
    entity: str
    key: str  # who wrote it: the township name, or the file when unknown
    names: tuple[str, ...]
    paragraphs: tuple[Paragraph, ...]
    mentions: tuple[Mention, ...]


def entity_key(entity: str, names: tuple[str, ...], file: str) -> str:
    if names:
        return names[-1]  # the plainest form: 群加乡 for 群加藏族乡
    if entity:
        return _OFFICE_TAIL.sub("", entity)
    stem = re.sub(r"[\d\s_\-—年度]+", "", Path(file).stem)
    return stem or file


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


class _Keep(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def _fmt(template: str, **values) -> str:
    return template.format_map(_Keep(values))


def _pct(value: float) -> str:
    return f"{round(value * 100)}%"


def detect_copies(reports: list[ReportKey], rule: CrossRule, size_index: int) -> list[CrossFinding]:
    """FZ701: groups of near-identical paragraphs written by different entities."""
    p = rule.params
    flat: list[tuple[int, Paragraph]] = []
    for r in reports:
        for para in r.paragraphs:
            if para.length >= p.min_chars:
                flat.append((r.index, para))
    by_index = {r.index: r for r in reports}
    uf = _UnionFind()
    best: dict[int, float] = {}
    index: dict[int, int] = {}  # band key → first paragraph seen with it
    for pid, (rid, para) in enumerate(flat):
        sig = para.sigs[size_index]
        tried: set[int] = set()
        for key in band_keys(sig):
            other = index.setdefault(key, pid)
            if other == pid or other in tried:
                continue
            tried.add(other)
            orid, opara = flat[other]
            if by_index[orid].key == by_index[rid].key:
                continue
            sim = similarity(sig, opara.sigs[size_index])
            if sim >= p.threshold:
                uf.union(pid, other)
                best[pid] = max(best.get(pid, 0.0), sim)
                best[other] = max(best.get(other, 0.0), sim)
    groups: dict[int, list[int]] = {}
    for pid in best:
        groups.setdefault(uf.find(pid), []).append(pid)
    findings = []
    for members in groups.values():
        members.sort(key=lambda m: (by_index[flat[m][0]].file, flat[m][1].line))
        keys = {by_index[flat[m][0]].key for m in members}
        if len(keys) < 2:
            continue
        places = []
        for m in members:
            rid, para = flat[m]
            r = by_index[rid]
            places.append(Place(r.file, r.entity, para.line, para.column, para.end_column, para.excerpt))
        sim = min(best[m] for m in members)
        finding = CrossFinding(rule.code, rule.name, rule.severity, "", rule.hint, rule.basis, places, sim)
        member_keys = [by_index[flat[m][0]].key for m in members]
        # per key: its first place and how many places and reports it has (linear in the group)
        first: dict[str, int] = {}
        places_of: dict[str, int] = {}
        files_of: dict[str, set[str]] = {}
        for j, key in enumerate(member_keys):
            first.setdefault(key, j)
            places_of[key] = places_of.get(key, 0) + 1
            files_of.setdefault(key, set()).add(places[j].file)
        order = sorted(first.values())
        all_files = len({pl.file for pl in places})
        for i, mine in enumerate(member_keys):
            j = next(j for j in order if member_keys[j] != mine)  # at most two steps: keys are distinct
            n_other = len(places) - places_of[mine]
            other = places[j].label() + (f"等{n_other}处" if n_other > 1 else "")
            count = all_files - len(files_of[mine])
            finding.notes.append((i, _fmt(rule.message, other=other, similarity=_pct(sim), count=count)))
        finding.message = finding.notes[0][1]
        finding.summary = f"{len(keys)} 个单位的报告中有几乎相同的段落（相似度{_pct(sim)}）"
        findings.append(finding)
    findings.sort(key=lambda f: (f.places[0].file, f.places[0].line))
    return findings


def detect_foreign(reports: list[ReportKey], rule: CrossRule) -> list[CrossFinding]:
    """FZ702: a report that writes the name of another township of the folder."""
    owners: dict[str, ReportKey] = {}
    for r in reports:
        for name in r.names:
            owners.setdefault(name, r)
    if not owners:
        return []
    longest = max(len(name) for name in owners)
    findings = []
    for r in reports:
        if not r.names:  # not known as a township: its own name could be any of them
            continue
        reported: set[str] = set()
        for mention in sorted(r.mentions, key=lambda m: (m.line, m.end_column)):
            if mention.related:
                continue
            window = mention.window
            # the longest known name the window ends with (a dict lookup per length, not a scan of all names)
            name = next(
                (window[-k:] for k in range(min(longest, len(window)), 1, -1) if window[-k:] in owners), ""
            )
            if not name:
                continue
            owner = owners[name]
            if owner.key == r.key or name in reported or any(name in own or own in name for own in r.names):
                continue
            if r.entity and name in r.entity:
                continue
            reported.add(name)
            start = mention.end_column - len(name)
            at = len(window) - len(name)
            place = Place(r.file, r.entity, mention.line, start, mention.end_column, window, (at, at + len(name)))
            there = Place(owner.file, owner.entity, 1, 1, 1, owner.entity)
            message = _fmt(rule.message, name=name, other=f"{owner.file} 的单位")
            f = CrossFinding(rule.code, rule.name, rule.severity, message, rule.hint, rule.basis, [place, there])
            f.notes.append((0, message))
            findings.append(f)
    findings.sort(key=lambda f: (f.places[0].file, f.places[0].line, f.places[0].column))
    return findings


def detect_carried(
    reports: list[ReportKey], previous: list[ReportKey], rules: tuple[CrossRule, ...], sizes: tuple[int, ...],
    previous_sizes: tuple[int, ...] | None = None,
) -> list[CrossFinding]:
    """FZ703/FZ704: paragraphs unchanged from last year's report of the same entity."""
    if not rules or not previous:
        return []
    previous_sizes = previous_sizes or sizes
    last: dict[str, list[ReportKey]] = {}
    for r in previous:
        last.setdefault(r.key, []).append(r)
    from .summary import ROLE_LABELS

    findings = []
    for r in reports:
        olds = last.get(r.key)
        if not olds:
            continue
        for rule in rules:
            p = rule.params
            si, pi = sizes.index(p.shingle_size), previous_sizes.index(p.shingle_size)
            index: dict[int, list[tuple[ReportKey, Paragraph]]] = {}
            for old in olds:
                for para in old.paragraphs:
                    if para.length >= p.min_chars:
                        for key in band_keys(para.sigs[pi]):
                            index.setdefault(key, []).append((old, para))
            for para in r.paragraphs:
                if para.role not in p.roles or para.length < p.min_chars:
                    continue
                sig = para.sigs[si]
                match, score = None, 0.0
                for key in band_keys(sig):
                    for old, opara in index.get(key, ()):
                        sim = similarity(sig, opara.sigs[pi])
                        if sim > score:
                            match, score = (old, opara), sim
                if match is None or score < p.threshold:
                    continue
                old, opara = match
                here = Place(r.file, r.entity, para.line, para.column, para.end_column, para.excerpt)
                there = Place(old.file, old.entity, opara.line, opara.column, opara.end_column, opara.excerpt)
                part = ROLE_LABELS.get(para.role, para.role)
                message = _fmt(rule.message, other=f"{old.file} 第{opara.line}行", similarity=_pct(score), part=part)
                f = CrossFinding(rule.code, rule.name, rule.severity, message, rule.hint, rule.basis, [here, there], score)
                f.notes.append((0, message))
                findings.append(f)
    findings.sort(key=lambda f: (f.places[0].file, f.places[0].line, f.code))
    return findings


def detect(reports: list[ReportKey], spec: CrossSpec, previous: list[ReportKey] | None = None) -> list[CrossFinding]:
    """Every cross-report finding of a folder (and of its previous year's folder)."""
    sizes = spec.shingle_sizes
    found: list[CrossFinding] = []
    for rule in spec.copied:
        found.extend(detect_copies(reports, rule, sizes.index(rule.params.shingle_size)))
    for rule in spec.foreign:
        found.extend(detect_foreign(reports, rule))
    if previous:
        found.extend(detect_carried(reports, previous, spec.carried, sizes))
    return found
