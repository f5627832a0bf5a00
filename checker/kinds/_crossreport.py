"""What the cross-report kinds know of one report, and how they build their findings.

A review checks each report on its own (in a worker process) and keeps only a
:class:`CrossReport`: compact :class:`Paragraph` records (a MinHash signature
per shingle size, place, role, a short excerpt) and :class:`Mention` records
(where a township-like name ends), so that the parent never holds a Document.
The cross-report kinds' ``check_reports(reports, rule)`` compare these and
return Diagnostics placed by :class:`~checker.model.Location` (file and line),
each naming the other places involved in ``related``.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Diagnostic, Location, Span
from ..parts import PREAMBLE_LABEL
from ._minhash import normalise, signature

if TYPE_CHECKING:
    from ..packs import Rule

EXCERPT = 36
DEFAULT_SUFFIXES = ("乡", "镇", "街道", "苏木")

_SENTENCE = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")
_OFFICE_TAIL = re.compile(r"(?:人民政府|党委|政府|办事处|党政办公室|党政办)$")
_COUNTY_CHARS = "省州盟市县区旗"
_ETHNIC = re.compile(
    r"(?:(?:藏|回|蒙古|土|撒拉|东乡|保安|彝|苗|瑶|壮|侗|布依|土家|满|朝鲜|哈萨克|维吾尔|柯尔克孜|锡伯|达斡尔|鄂温克|"
    r"鄂伦春|白|傣|哈尼|傈僳|纳西|羌|仡佬|畲|水|黎|佤|拉祜|景颇|毛南|仫佬|京|裕固)族)+(?=乡$)"
)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of one report as the cross-report rules compare it: where it is and an excerpt."""
    line: int
    column: int
    end_column: int
    role: str
    excerpt: str
    sigs: dict[int, bytes]  # shingle size → MinHash signature
    length: int
    norm: str = ""  # the normalised text: exact similarity of the candidates the index finds
    part: str = ""  # the name of the part it stands in (its role's short name, 开头 before the first heading)


@dataclass(frozen=True, slots=True)
class Mention:
    """Where a township-like name ends: the ``window`` of text before and including the suffix."""

    line: int
    end_column: int  # 1-based column just after the suffix
    window: str
    related: bool  # the sentence names a relation (与、同、交流 …)


@dataclass
class CrossReport:
    """What the cross-report kinds need of one report (kept instead of its Document)."""

    file: str
    entity: str
    key: str  # who wrote it: the township name, or the file when unknown
    names: tuple[str, ...]
    paragraphs: tuple[Paragraph, ...] = ()
    mentions: tuple[Mention, ...] = ()
    previous: bool = False  # one of last year's reports (``carried_over`` and the follow-through kinds read these)
    follow: object = None  # plan_followthrough.FollowDigest, when a follow-through rule is on


@dataclass(frozen=True)
class DigestSpec:
    """What to keep of each report for the cross-report rules that are on (picklable)."""

    shingle_sizes: tuple[int, ...] = ()
    min_chars: int = 0
    suffixes: tuple[str, ...] = ()
    allow_words: tuple[str, ...] = ()
    event_before: tuple[str, ...] = ()
    event_after: tuple[str, ...] = ()
    mentions: bool = False
    active: bool = False
    follow: bool = False  # keep plan and 不足 items (plan_followthrough, repeated_shortcoming)
    labels: tuple[tuple[str, str], ...] = ()  # (role, its short name): the part a paragraph stands in

    @classmethod
    def of(cls, rules: Iterable[Rule], labels: Mapping[str, str] | None = None) -> DigestSpec:
        """What ``rules`` need kept of each report; ``labels``: the roles' short names (``parts.role_labels``)."""
        compared = [r.params for r in rules if hasattr(r.params, "shingle_size")]
        named = [r.params for r in rules if hasattr(r.params, "suffixes")]
        return cls(
            shingle_sizes=tuple(sorted({p.shingle_size for p in compared})),
            min_chars=min((p.min_chars for p in compared), default=0),
            suffixes=tuple(sorted({s for p in named for s in p.suffixes}, key=len, reverse=True)),
            allow_words=tuple(sorted({w for p in named for w in p.allow_words})),
            event_before=tuple(sorted({w for p in named for w in getattr(p, "event_before", ())})),
            event_after=tuple(sorted({w for p in named for w in getattr(p, "event_after", ())})),
            mentions=bool(named),
            active=bool(compared or named),
            follow=any(r.kind in ("plan_followthrough", "repeated_shortcoming") for r in rules),
            labels=tuple((labels or {}).items()),
        )


# ---------------------------------------------------------------- one report


def entity_names(entity: str, suffixes: Iterable[str] = DEFAULT_SUFFIXES) -> tuple[str, ...]:
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


def entity_key(entity: str, names: tuple[str, ...], file: str) -> str:
    if names:
        return names[-1]  # the plainest form: 群加乡 for 群加藏族乡
    if entity:
        return _OFFICE_TAIL.sub("", entity)
    stem = re.sub(r"[\d\s_\-—年度]+", "", Path(file).stem)
    return stem or file


def digest(result, spec: DigestSpec) -> tuple[tuple[Paragraph, ...], tuple[Mention, ...], tuple[str, ...]]:
    """Paragraph signatures, name mentions and own names of one checked report."""
    doc, outline = result.document, result.outline
    if doc is None or outline is None or not spec.active:
        return (), (), ()
    entity = result.facts.entity if result.facts else ""
    own = entity_names(entity, spec.suffixes or DEFAULT_SUFFIXES)
    paragraphs = _paragraphs(doc, outline, result.outline_roles, spec, (*own, entity)) if spec.shingle_sizes else []
    mentions = _mentions(doc, outline, spec) if spec.mentions else []
    return tuple(paragraphs), tuple(mentions), own


def _role_by_line(outline, outline_roles) -> list[str]:
    roles = ["preamble"] * (len(outline.lines) + 2)
    for section in outline.walk():  # pre-order: deeper sections overwrite their parents
        own = outline_roles.roles(section)
        main = next((r for r in own if r != "other"), own[0] if own else "other")
        for n in range(section.line, section.end_line + 1):
            roles[n] = main
    return roles


def _paragraphs(doc, outline, outline_roles, spec: DigestSpec, own: tuple[str, ...]) -> list[Paragraph]:
    """Every line long enough to compare, by its text whatever its role: a body line whole, a heading
    line from its text after the number (a bare “（一）” with one sentence is parsed as a heading, and
    is as much a copied paragraph as any)."""
    roles = _role_by_line(outline, outline_roles)
    labels = {"preamble": PREAMBLE_LABEL, **dict(spec.labels)}
    text_cols: dict[int, int] = {}
    for s in outline.walk():
        text_cols[s.line] = s.body_start_col if s.body_start_col >= 0 else s.heading_col
    skip = set(outline.title_lines) | set(outline.signature)
    out = []
    place = _file_place(doc, outline)
    for line, kind in zip(outline.lines, outline.kinds):
        n = line.number
        if n in skip:
            continue
        if kind == "BODY":
            col = 0
        elif n in text_cols:
            col = text_cols[n]
        else:
            continue
        text = line.text[col:].strip()
        norm = normalise(text, own)
        if len(norm) < spec.min_chars:
            continue
        lead = len(line.text[col:]) - len(line.text[col:].lstrip())
        at, start = place(line, col + lead)
        end = place(line, col + lead + len(text))[1]
        excerpt = text if len(text) <= EXCERPT else text[:EXCERPT] + "…"
        sigs = {size: signature(norm, size) for size in spec.shingle_sizes}
        out.append(Paragraph(at, start, end, roles[n], excerpt, sigs, len(norm), norm, labels.get(roles[n], roles[n])))
    return out


def _mentions(doc, outline, spec: DigestSpec) -> list[Mention]:
    pattern = re.compile("|".join(re.escape(s) for s in spec.suffixes))
    title = set(outline.title_lines)
    seen: dict[tuple[str, bool], Mention] = {}
    place = _file_place(doc, outline)
    for line in outline.lines:
        if line.number in title or not line.text:
            continue
        text = line.text
        for m in pattern.finditer(text):
            if m.start() == 0 or not "\u4e00" <= text[m.start() - 1] <= "\u9fff":
                continue
            related = any(w in _sentence_at(text, m.start()) for w in spec.allow_words) or _event_place(
                text, m.start(), m.end(), spec
            )
            window = text[max(0, m.start() - 14) : m.end()]
            key = (window, related)
            if key not in seen:
                at, end = place(line, m.end())
                seen[key] = Mention(at, end, window, related)
    return list(seen.values())


def _file_place(doc, outline):
    """(line, 1-based column) in the file of a column of an outline line.  A flattened report's
    outline lines are pieces of one line of the file (checker/parse/split.py)."""
    if not outline.split:
        return lambda line, col: (line.number, line.offset(col) - line.start + 1)
    from ..positions import LineIndex

    index = LineIndex(doc.text)
    return lambda line, col: index.line_col(line.offset(col))


def _event_place(text: str, start: int, end: int, spec: DigestSpec) -> bool:
    """The name is where an event took place (“推进会在某某镇召开”, “赴某某镇学习”): in its clause, a
    place word stands right before the name (``event_before``: 在、赴 …) and an event word after it
    (``event_after``: 召开、举行、学习 …).  Both are needed: “在某某镇党委的领导下” is no event."""
    if not spec.event_before or not spec.event_after:
        return False
    cuts = "，。；、,;！？"
    clause_start = max(text.rfind(c, 0, start) for c in cuts) + 1
    ends = [i for i in (text.find(c, end) for c in cuts) if i != -1]
    rest = text[end : min(ends) if ends else len(text)]
    before = text[clause_start:start]  # ends with the name, less its suffix
    near = before[-6:]  # the place word, then at most a few characters of the name
    return any(w in near for w in spec.event_before) and any(w in rest for w in spec.event_after)


def _sentence_at(text: str, pos: int) -> str:
    for m in _SENTENCE.finditer(text):
        if m.start() <= pos < m.end():
            return m.group()
    return text


# ---------------------------------------------------------------- findings


def place(report: CrossReport, line: int, column: int, end_column: int, excerpt: str, **extra) -> Location:
    return Location(report.file, line, column, end_column, excerpt, report.entity, **extra)


def label(location: Location) -> str:
    """How a message names a place: 安多县多玛乡（county/多玛乡.txt 第5行）."""
    who = location.entity or Path(location.path).name
    return f"{who}（{location.path} 第{location.line}行）"


def finding(rule: Rule, places: Sequence[Location], summary: str = "", score: float | None = None) -> Diagnostic:
    """One cross-report Diagnostic: reported at ``places[0]``, naming the others; a place with a
    ``message`` is one where the finding is also reported to that report."""
    return Diagnostic(
        code=rule.code,
        name=rule.name,
        severity=rule.severity,  # type: ignore[arg-type]
        message=places[0].message,
        span=Span(0, 0),
        hint=rule.hint,
        basis=rule.basis,
        location=places[0],
        related=tuple(places[1:]),
        summary=summary,
        score=score,
    )


class PlaceTable:
    """The places of one finding as numbers: per place its report (an index into ``sites``, each
    report's (file, entity), shared by all findings), line, columns, excerpt and message (an index
    into ``messages``) — a few dozen bytes a place where a Location costs over a hundred; a Location
    is made when a place is read (a county's groups name tens of thousands of places)."""

    __slots__ = ("sites", "report", "line", "column", "end_column", "excerpt", "messages", "message")

    def __init__(self, sites: Sequence[tuple[str, str]], messages: Sequence[str]) -> None:
        self.sites, self.messages = sites, messages
        self.report, self.line, self.column, self.end_column = array("i"), array("i"), array("i"), array("i")
        self.excerpt: list[str] = []
        self.message = array("i")

    def add(self, site: int, line: int, column: int, end_column: int, excerpt: str, message: int) -> None:
        self.report.append(site)
        self.line.append(line)
        self.column.append(column)
        self.end_column.append(end_column)
        self.excerpt.append(excerpt)
        self.message.append(message)

    def __len__(self) -> int:
        return len(self.report)

    def __getitem__(self, i: int) -> Location:
        path, entity = self.sites[self.report[i]]
        return Location(path, self.line[i], self.column[i], self.end_column[i], self.excerpt[i], entity,
                        message=self.messages[self.message[i]])

    def without(self, i: int) -> PlacesBut:
        return PlacesBut(self, i)


class PlacesBut(Sequence):
    """Every place of a ``PlaceTable`` but one (the one a finding is told at): a Diagnostic's
    ``related``, read like the tuple it stands for."""

    __slots__ = ("table", "skip")

    def __init__(self, table: PlaceTable, skip: int) -> None:
        self.table, self.skip = table, skip

    def __len__(self) -> int:
        return len(self.table) - 1

    def __getitem__(self, i):
        if isinstance(i, slice):
            return tuple(self[j] for j in range(*i.indices(len(self))))
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self.table[i + (i >= self.skip)]

    def __iter__(self):
        return (self.table[j] for j in range(len(self.table)) if j != self.skip)

    def __eq__(self, other) -> bool:
        return isinstance(other, (tuple, PlacesBut)) and tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __add__(self, other) -> tuple:
        return tuple(self) + tuple(other)

    def __radd__(self, other) -> tuple:
        return tuple(other) + tuple(self)

    def __repr__(self) -> str:
        return repr(tuple(self))


def told_at(f: Diagnostic, i: int) -> Diagnostic:
    """``f`` as the report of its place ``i`` sees it: placed there, naming the other places."""
    if isinstance(f.related, PlacesBut):
        table = f.related.table
        place = table[i]
        return replace(f, message=place.message, location=place, related=table.without(i))
    places = f.places
    place = places[i]
    return replace(f, message=place.message, location=place, related=places[:i] + places[i + 1 :])


class _Keep(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def fmt(template: str, **values) -> str:
    return template.format_map(_Keep(values))


def pct(value: float) -> str:
    return f"{round(value * 100)}%"


def current(reports: Sequence[CrossReport]) -> list[CrossReport]:
    return [r for r in reports if not r.previous]


def previous(reports: Sequence[CrossReport]) -> list[CrossReport]:
    return [r for r in reports if r.previous]
