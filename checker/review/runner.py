"""Review a folder: check every report in parallel, keep compact rows, then compare the reports.

Workers (``concurrent.futures.ProcessPoolExecutor``) check one batch of files
each and turn every result into a :class:`ReportRecord` of plain rows before
returning it, so no Document or Outline crosses the process boundary or stays
in the parent; at most ``4 × jobs`` batches are in flight, so memory does not
grow with the folder beyond those rows.  A file that cannot be read becomes a
record with ``error`` set; the others go on.
"""

from __future__ import annotations

import os
import pickle
import sys
import tempfile
from array import array
from collections.abc import Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Iterator

from ..config import Config
from ..formats.summary import add_findings, located, outline_rows, report_row, rule_summary
from ..kinds._crossreport import CrossReport, DigestSpec, Mention, Paragraph, digest, entity_key, told_at
from ..model import Diagnostic
from ..packs import Rule
from ..parts import Part, parts_of, role_labels

LAST_YEAR_KINDS = ("carried_over", "plan_followthrough", "repeated_shortcoming")  # what reads last year's reports
NO_RULES = ("FZ0",)  # a select prefix no rule has: read and parse only (last year's reports)


@dataclass(frozen=True)
class Job:
    """What every worker needs to check one file (picklable)."""

    base: Config = field(default_factory=Config)
    discover: bool = True
    cross: tuple[Rule, ...] = ()  # the cross-report rules that are on (``engine.cross_rules``)
    parts: tuple[Part, ...] = ()  # the required parts of the packs: the review table's columns
    previous: bool = False  # last year's folder: no rules, only what copy detection needs
    titles: dict[str, str] = field(default_factory=dict)  # rule code → its Chinese title (what a reader sees)
    labels: dict[str, str] = field(default_factory=dict)  # role → its short name (``parts.role_labels``)
    ignored_configs: tuple[str, ...] = ()  # fzcheck configs inside the reviewed folders: listed, never applied
    last_year: bool = True  # last year's reports are compared too (False: keep nothing only they would need)

    @property
    def spec(self) -> DigestSpec:
        if self.last_year:
            return DigestSpec.of(self.cross, self.labels)
        # without last year's reports the kinds that read them find nothing: no plan and 不足 items,
        # no signatures of the shingle sizes only they use
        return DigestSpec.of([r for r in self.cross if r.kind not in LAST_YEAR_KINDS], self.labels)


def job_for(config: Config, discover: bool = True) -> Job:
    """The job of a review under ``config`` (the folder's configuration): its cross-report rules."""
    from ..api import ruleset_for
    from ..engine import cross_rules

    ruleset = ruleset_for(config)
    titles = {code: rule.title for code, rule in ruleset.rules.items() if rule.title}
    return Job(config, discover, cross_rules(ruleset, config), parts_of(ruleset), titles=titles, labels=role_labels(ruleset))


@dataclass(slots=True)
class ReportRecord:
    """One report of a review: its table row, findings, outline and paragraphs, without its document."""
    file: str
    row: dict
    diagnostics: list[Diagnostic]  # placed by ``location`` (formats.summary.located): no Document needed
    outline: list[dict]
    paragraphs: tuple[Paragraph, ...] = ()
    mentions: tuple[Mention, ...] = ()
    names: tuple[str, ...] = ()
    follow: object = None  # plan_followthrough.FollowDigest (plan and 不足 items), when a follow-through rule is on
    stored: object = None  # diagnostics and outline: pickled bytes (``pack``), then their place in a ``Spool``
    compared: object = None  # names and follow: pickled bytes (``pack``), then their place in a ``Spool``
    spooled_mentions: object = None  # mentions: pickled bytes (``pack``), then their place in a ``Spool``
    spooled_paragraphs: object = None  # paragraphs: pickled bytes (``pack``), then their place in a ``Spool``

    @property
    def error(self) -> str:
        return self.row.get("error", "")

    def pack(self) -> ReportRecord:
        """Diagnostics and outline pickled into ``stored``, what copy detection compares into
        ``compared`` (in the worker: the parent only spools the bytes)."""
        if self.stored is None:
            self.stored = pickle.dumps((self.diagnostics, self.outline), pickle.HIGHEST_PROTOCOL)
            self.diagnostics, self.outline = [], []
        if self.compared is None:
            self.compared = pickle.dumps((self.names, self.follow), pickle.HIGHEST_PROTOCOL)
            self.spooled_mentions = pickle.dumps(self.mentions, pickle.HIGHEST_PROTOCOL)
            self.spooled_paragraphs = pickle.dumps(self.paragraphs, pickle.HIGHEST_PROTOCOL)
            self.paragraphs, self.mentions, self.names, self.follow = (), (), (), None
        return self

    def unpack_compared(self) -> ReportRecord:
        """What the cross-report kinds compare, back from ``pack``'s bytes (when not spooled)."""
        if isinstance(self.compared, bytes):
            self.names, self.follow = pickle.loads(self.compared)
            self.mentions = pickle.loads(self.spooled_mentions)  # type: ignore[arg-type]
            self.paragraphs = pickle.loads(self.spooled_paragraphs)  # type: ignore[arg-type]
            self.compared = self.spooled_mentions = self.spooled_paragraphs = None
        return self


_SIZE = (1 << 32) - 1  # a place's size bits (Spool._write)


class Spool:
    """Every report's diagnostics and outline, and what copy detection compares of it, in a temporary
    file, written as the reports come in: while the workers check the folder, the main process keeps
    only the rows.  Once every report is in, the cross-report kinds read back the names and
    follow-through items (``load_compared``) and go through each report's paragraphs and name
    mentions read from the file (``paragraphs``, ``mentions``); each writer reads the diagnostics and
    outline one report at a time (``load``)."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile(prefix="fzcheck-review-")
        self.end = 0

    def put(self, record: ReportRecord) -> None:
        record.pack()
        record.diagnostics = record.outline = ()  # type: ignore[assignment]  # in the file now (``load``): no list each
        record.stored = self._write(record.stored)
        record.compared = self._write(record.compared)
        record.spooled_mentions = self._write(record.spooled_mentions)
        record.spooled_paragraphs = self._write(record.spooled_paragraphs)

    def _write(self, data) -> int:
        """``data`` appended to the file; its place: one number, the offset shifted left by 32 bits
        plus the size (a tuple of two numbers costs a record three objects more, four times over)."""
        assert isinstance(data, bytes) and len(data) <= _SIZE
        self.file.seek(self.end)
        self.file.write(data)
        at = self.end
        self.end += len(data)
        return at << 32 | len(data)

    def _read(self, place: int) -> object:
        self.file.seek(place >> 32)
        return pickle.loads(self.file.read(place & _SIZE))

    def load(self, record: ReportRecord) -> tuple[list[Diagnostic], list[dict]]:
        return self._read(record.stored)  # type: ignore[return-value]

    def load_compared(self, record: ReportRecord) -> None:
        """The record's names and follow-through items, back from the file; its paragraphs and name
        mentions stay there, read whenever a kind goes through them (``paragraphs``, ``mentions``)."""
        if type(record.compared) is int:
            record.names, record.follow = self._read(record.compared)
            record.compared = None

    def paragraphs(self, record: ReportRecord) -> Sequence[Paragraph]:
        """The record's paragraphs: read from the file each time they are gone through (copy
        detection goes through every report's, a few reports at a time)."""
        if type(record.spooled_paragraphs) is int:
            return _SpooledItems(self, record.spooled_paragraphs)
        return record.paragraphs

    def mentions(self, record: ReportRecord) -> Sequence[Mention]:
        """The record's name mentions: read from the file each time they are gone through."""
        if type(record.spooled_mentions) is int:
            return _SpooledItems(self, record.spooled_mentions)
        return record.mentions

    def close(self) -> None:
        self.file.close()


class _SpooledItems(Sequence):
    """A tuple kept in a ``Spool``, read back whenever it is gone through (a report's name mentions
    and paragraphs are gone through a few times, each kind a report at a time: no need to hold every
    report's at once)."""

    def __init__(self, spool: Spool, stored: int) -> None:
        self.spool, self.stored = spool, stored

    def _items(self) -> tuple:
        return self.spool._read(self.stored)  # type: ignore[return-value]

    def __iter__(self):
        return iter(self._items())

    def __len__(self) -> int:
        return len(self._items())

    def __getitem__(self, i):
        return self._items()[i]


@dataclass
class ReviewResult:
    """A whole review: every report's record, the cross-report findings and the required parts."""
    records: list[ReportRecord]  # sorted by file; diagnostics include the cross-report ones
    findings: list[Diagnostic]  # the cross-report findings, one per group of places
    previous_count: int = 0
    parts: tuple[Part, ...] = ()  # the required parts of the packs: a column each
    shared: list = field(default_factory=list)  # copied_paragraph.SharedFormula: the county's common formulas
    titles: dict[str, str] = field(default_factory=dict)  # rule code → its Chinese title
    spool: Spool | None = None  # where spooled records keep their diagnostics and outlines
    placed: dict[str, array] = field(default_factory=dict)  # spooled: file → (finding, place) told there, in pairs
    labels: dict[str, str] = field(default_factory=dict)  # role → its short name (the dashboard's outlines)

    @property
    def rows(self) -> list[dict]:
        return [r.row for r in self.records]

    def reports(self) -> Iterator[ReportRecord]:
        """Every record with its diagnostics (the cross-report ones included) and outline, in order;
        a spooled record is read back for the moment it is used."""
        if self.spool is None:
            yield from self.records
            return
        for record in self.records:
            if record.stored is None:
                yield record
                continue
            diagnostics, outline = self.spool.load(record)
            refs = self.placed.get(record.file)
            if refs:
                diagnostics += [told_at(self.findings[k], i) for k, i in _pairs(refs)]
                diagnostics.sort(key=lambda d: (d.location.line, d.location.column, d.code))
            yield replace(record, diagnostics=diagnostics, outline=outline, stored=None, compared=None, spooled_mentions=None, spooled_paragraphs=None)

    def iter_diagnostics(self) -> Iterator[Diagnostic]:
        for record in self.reports():
            yield from record.diagnostics

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return list(self.iter_diagnostics())

    def diagnostic_rows(self) -> list[dict]:
        """Every diagnostic as the flat dict of the review's JSON."""
        from ..formats.summary import diagnostic_row

        return [diagnostic_row(d) for d in self.iter_diagnostics()]

    def rule_summary(self) -> list[dict]:
        return rule_summary(self.rows, self.iter_diagnostics(), self.titles)

    def close(self) -> None:
        if self.spool is not None:
            self.spool.close()

    def summary(self) -> dict:
        rows = self.rows
        out = {"reports": len(rows)}
        for status in ("pass", "warn", "fail", "unreadable"):
            out[status] = sum(1 for r in rows if r["status"] == status)
        for key in ("errors", "warnings", "infos"):
            out[key] = sum(r[key] for r in rows)
        out["cross_report"] = len(self.findings)
        return out


# ---------------------------------------------------------------- worker


def analyse(path: str, job: Job) -> ReportRecord:
    """Check one file and keep only rows (runs in a worker process)."""
    from ..api import check_path, config_for

    config = config_for(path, job.base, job.discover)
    if job.previous:
        config = replace(config, select=NO_RULES, ignore=())
    try:
        # last year's reports need their parts (roles) only for follow-through (plan and 不足 items)
        result = check_path(path, config, with_roles=not job.previous or job.spec.follow, discover=False)
    except Exception as exc:  # a reader bug must not stop a county's whole review
        from ..api import Result

        result = Result(str(path), error=f"检查时出错（{type(exc).__name__}: {exc}）")
    if job.ignored_configs and not job.previous:
        from .trust import note_ignored_configs

        note_ignored_configs(result, job.ignored_configs, config)
    record = record_of(result, config, job)
    if result.outline is not None:
        result.outline.unlink()  # the report is freed now, not by the cyclic collector (Outline.unlink)
    return record


def record_of(result, config: Config, job: Job) -> ReportRecord:
    """The compact record of one checked report (the web page builds these from its own results)."""
    from ..api import active_rules, ruleset_for

    checked = {r.code for r in active_rules(ruleset_for(config), config)}
    row = report_row(result, job.parts, checked)
    paragraphs, mentions, names = digest(result, job.spec) if not result.error else ((), (), ())
    follow = None
    if job.spec.follow and not result.error:
        from ..kinds.plan_followthrough import follow_digest

        follow = follow_digest(result, last_year=job.previous)
    if job.previous:
        return ReportRecord(result.path, row, [], [], paragraphs, (), names, follow)
    return ReportRecord(result.path, row, located(result), outline_rows(result), paragraphs, mentions, names, follow)


def analyse_batch(paths: list[str], job: Job) -> list[ReportRecord]:
    return [analyse(p, job).pack() for p in paths]


def _batches(files: list[str], jobs: int) -> list[list[str]]:
    size = max(1, min(16, len(files) // (jobs * 8) or 1))
    return [files[i : i + size] for i in range(0, len(files), size)]


def run(files: list[str], job: Job, jobs: int = 0) -> Iterator[ReportRecord]:
    """Records in completion order; ``jobs`` processes (0: one per core, 1: in this process)."""
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(files) <= 2:
        for path in files:
            yield analyse(path, job)
        return
    batches = _batches(files, jobs)
    with ProcessPoolExecutor(max_workers=min(jobs, len(batches))) as pool:
        pending = set()
        queue = iter(batches)
        for batch in queue:
            pending.add(pool.submit(analyse_batch, batch, job))
            if len(pending) >= 4 * jobs:
                break
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield from future.result()
                nxt = next(queue, None)
                if nxt is not None:
                    pending.add(pool.submit(analyse_batch, nxt, job))


# ---------------------------------------------------------------- the whole review


def review(
    files: list[str],
    job: Job,
    jobs: int = 0,
    previous_files: Iterable[str] = (),
    on_record: Callable[[ReportRecord], None] | None = None,
    spool: bool = False,
) -> ReviewResult:
    """Check ``files``, compare them with each other and with ``previous_files``.  With ``spool``, each
    report's diagnostics and outline go to a temporary file as it comes in (``ReviewResult.reports``
    reads them back; ``close`` the result when done)."""
    previous_files = list(previous_files)
    last_year = bool(previous_files) and any(r.kind in LAST_YEAR_KINDS for r in job.cross)
    job = replace(job, last_year=last_year)
    store = Spool() if spool else None
    shared = Shared()
    records: list[ReportRecord] = []
    for record in run(files, job, jobs):
        if store is not None:
            store.put(record)  # the main process keeps only the row while the workers check the others
            _share_keys(record)
        else:
            _unpack(record)
            _intern(record)
            shared.digests(record.unpack_compared())
        records.append(record)
        if on_record is not None:
            on_record(record)
    records.sort(key=lambda r: r.file)
    if store is not None:
        for record in records:  # every report is in: names and follow-through items, back from the spool
            store.load_compared(record)
    previous: list[ReportRecord] = []
    if last_year:
        previous = sorted(run(previous_files, replace(job, previous=True), jobs), key=lambda r: r.file)
        for record in previous:
            shared.digests(record.unpack_compared())
    shared.clear()
    return review_records(records, job, previous, len(previous_files), store)


def review_records(
    records: list[ReportRecord],
    job: Job,
    previous: list[ReportRecord] = (),
    previous_count: int = 0,
    spool: Spool | None = None,
) -> ReviewResult:
    """The cross-report half of the review over records already made (in the order given)."""
    from ..engine import run_cross

    reports = [_spooled_cross_report(r, spool) for r in records if not r.error]
    reports += [_cross_report(r, previous=True) for r in previous if not r.error]
    findings = run_cross(reports, job.cross) if job.cross else []
    placed = {}
    if spool is None:
        attach(records, findings)
    else:
        placed = _places_told(records, findings)
    from ..kinds import copied_paragraph

    shared = [f for rule in job.cross if rule.kind == "copied_paragraph" for f in copied_paragraph.shared_formulas(reports, rule)]
    copied_paragraph.forget()
    _followthrough_column(records, reports, job)
    for r in records:  # only the rows travel on: drop what detection needed
        r.paragraphs, r.mentions, r.follow, r.names = (), (), None, ()
        r.spooled_mentions = r.spooled_paragraphs = None  # their places in the spool
    return ReviewResult(records, findings, previous_count, job.parts, shared, job.titles, spool, placed, job.labels)


def _unpack(record: ReportRecord) -> None:
    if isinstance(record.stored, bytes):
        record.diagnostics, record.outline = pickle.loads(record.stored)
        record.stored = None


class Shared:
    """One copy of each equal text, signature and name mention among the reports' digests, which come
    back pickled, each with its own copies: a paragraph copied from report to report, a county's
    boilerplate (the very things copy detection looks for) are then kept once, however many reports
    hold them.  (The frozen records are updated in place: the values are equal, only their copies go.)"""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}
        self.sigs: dict[tuple, dict] = {}
        self.mentions: dict[Mention, Mention] = {}

    def digests(self, record: ReportRecord) -> None:
        texts = self.texts
        for p in record.paragraphs:
            object.__setattr__(p, "excerpt", texts.setdefault(p.excerpt, p.excerpt))
            object.__setattr__(p, "norm", texts.setdefault(p.norm, p.norm))
            object.__setattr__(p, "role", texts.setdefault(p.role, p.role))
            object.__setattr__(p, "sigs", self.sigs.setdefault(tuple(p.sigs.items()), p.sigs))
        record.mentions = tuple(self.mentions.setdefault(m, m) for m in record.mentions)

    def clear(self) -> None:
        self.texts.clear()
        self.sigs.clear()
        self.mentions.clear()


_SHARED = ("code", "name", "severity", "hint", "basis")


def _intern(record: ReportRecord) -> None:
    """Records come back pickled, each with its own copy of every hint and basis: share them.
    (The frozen Diagnostics are updated in place: the strings are equal, only their copies go.)"""
    for d in record.diagnostics:
        for key in _SHARED:
            object.__setattr__(d, key, sys.intern(getattr(d, key)))
        if d.location is not None:
            object.__setattr__(d.location, "path", sys.intern(d.location.path))
            object.__setattr__(d.location, "entity", sys.intern(d.location.entity))


def _share_keys(record: ReportRecord) -> None:
    """A row comes back pickled with its own copy of every column's name and of its status: one copy
    of each for all rows (a county's rows are kept until the outputs are written)."""
    record.row = {sys.intern(k): sys.intern(v) if k == "status" else v for k, v in record.row.items()}


def _cross_report(record: ReportRecord, previous: bool = False) -> CrossReport:
    entity = record.row.get("entity", "")
    key = entity_key(entity, record.names, record.file)
    return CrossReport(record.file, entity, key, record.names, record.paragraphs, record.mentions, previous, record.follow)


def _spooled_cross_report(record: ReportRecord, spool: Spool | None) -> CrossReport:
    """A report of this year for the cross-report kinds: its paragraphs and name mentions read from
    ``spool`` whenever a kind goes through them (when the review spools)."""
    report = _cross_report(record)
    if spool is not None:
        report.paragraphs, report.mentions = spool.paragraphs(record), spool.mentions(record)  # type: ignore[assignment]
    return report


def _followthrough_column(records: list[ReportRecord], reports: list[CrossReport], job: Job) -> None:
    """``row["followthrough"]``: “5/7” (last year's plan items reported on, of all) for each report
    whose unit has a report of last year; the column appears only when some row has it."""
    rules = [r for r in job.cross if r.kind == "plan_followthrough"]
    if not rules:
        return
    from ..kinds.plan_followthrough import tally

    counts = tally(reports, rules[0])
    for record in records:
        if record.file in counts:
            done, total = counts[record.file]
            record.row["followthrough"] = f"{done}/{total}"


def _places_told(records: list[ReportRecord], findings: list[Diagnostic]) -> dict[str, array]:
    """Per file, the places of findings reported there (a place with a message), as (finding, place)
    numbers in the order of the findings, one pair after the other in an array of 4-byte numbers (a
    county's findings name tens of thousands of places: a tuple each would cost 16 times as much);
    each counted into its report's row."""
    by_file = {r.file: r for r in records}
    told: dict[str, array] = {}
    for k, f in enumerate(findings):
        for i, place in enumerate(f.places):
            record = by_file.get(place.path)
            if record is None or not place.message:
                continue
            refs = told.get(place.path)
            if refs is None:
                refs = told[place.path] = array("i")
            refs.append(k)
            refs.append(i)
            add_findings(record.row, (f.severity,))
    return told


def _pairs(refs: array) -> Iterator[tuple[int, int]]:
    """The (finding, place) pairs of one file's ``_places_told`` entry."""
    it = iter(refs)
    return zip(it, it)



def attach(records: list[ReportRecord], findings: list[Diagnostic]) -> None:
    """Give every place a finding is reported at (a place with a message) a Diagnostic in its report,
    placed there and naming the other places."""
    by_file = {r.file: r for r in records}
    for file, refs in _places_told(records, findings).items():
        record = by_file[file]
        record.diagnostics.extend(told_at(findings[k], i) for k, i in _pairs(refs))
        record.diagnostics.sort(key=lambda d: (d.location.line, d.location.column, d.code))
