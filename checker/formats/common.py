"""Helpers shared by formatters: positions of a diagnostic, summaries, display widths."""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter

from ..model import SEVERITY_RANK, Diagnostic, Document, unfrozen_twin
from ..positions import LineIndex

SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}


class Places:
    """Line numbers of the outline as the user's file has them.  A flattened report is parsed as a
    view split at its headings (checker/parse/split.py): its outline lines are pieces of the file's
    long line, told here by the file's line and the column each piece starts at."""

    def __init__(self, result) -> None:
        o, doc = result.outline, result.document
        self._lines = o.lines
        self._index = LineIndex(doc.text) if o.split and doc is not None else None

    def at(self, n: int) -> tuple[int, int]:
        """(line, column) in the file, 1-based, where outline line ``n`` starts."""
        if self._index is None or not 1 <= n <= len(self._lines):
            return n, 1
        return self._index.line_col(self._lines[n - 1].start)

    def line(self, n: int) -> int:
        return self.at(n)[0]

    def span(self, a: int, b: int) -> str:
        if self._index is None:
            return f"第{a}行" if a == b else f"第{a}–{b}行"
        line, col = self.at(a)
        return f"第{line}行第{col}字起"


def positions(doc: Document | None, index: LineIndex | None, d: Diagnostic) -> tuple[int, int, int, int]:
    if doc is None or index is None:
        return 1, 1, 1, 1
    span = d.span
    return index.span(span.start, span.end)  # line_col of each end, in one search when on one line


# The fields of a diagnostic in every machine format (DESIGN.md §3), in contract order.
DIAGNOSTIC_FIELDS = ("code", "name", "severity", "message", "line", "column", "end_line", "end_column", "hint", "basis")


def diagnostic_dict(doc: Document | None, index: LineIndex | None, d: Diagnostic) -> dict:
    """The fields every machine format shares: code … basis with 1-based positions, and the location."""
    line, col, end_line, end_col = positions(doc, index, d)
    values = (d.code, d.name, d.severity, d.message, line, col, end_line, end_col, d.hint, d.basis)
    item = dict(zip(DIAGNOSTIC_FIELDS, values))
    where = location(doc, line)
    if where:
        item["location"] = where
    return item


def location(doc: Document | None, line: int) -> str:
    """A human location for non-text sources (第3段, 第2页), or ''."""
    if doc is None or not doc.locations or not 1 <= line <= len(doc.locations):
        return ""
    return doc.locations[line - 1]


def char_width(ch: str) -> int:
    """Columns a character takes on a terminal: 2 for East Asian wide and fullwidth, else 1."""
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


class _Widths(dict):
    """character → :func:`char_width`, filled as characters turn up (a report uses a few hundred)."""

    def __missing__(self, ch: str) -> int:
        if len(self) > 20000:  # a text of every script: kept bounded
            self.clear()
        width = self[ch] = char_width(ch)
        return width


_WIDTHS = _Widths()


def display_width(text: str) -> int:
    """The sum of :func:`char_width` over ``text``: one C loop of dictionary look-ups, not a Unicode
    table query per character (tests/formats/test_display_width.py holds the two equal)."""
    if text.isascii():
        return len(text)
    return sum(map(_WIDTHS.__getitem__, text))


@dataclass(frozen=True, slots=True)
class FileRecord:
    """What a run keeps of one checked file once its output is written: enough for the summary,
    the statistics and the exit code, nothing of its text."""

    path: str
    error: str = ""
    diagnostics: tuple[tuple[str, str, str], ...] = ()  # (code, name, severity), in output order
    fixable: int = 0  # findings with a safe fix
    failing: bool = False  # a finding at or above the file's --fail-on level
    extras: dict = field(default_factory=dict)  # what one format's ending needs (SARIF: rules, artifact)

    def __reduce__(self):
        """Pickled as its fields in order (a worker sends one per file), made again by :func:`file_record`:
        the slots dataclass's own state, read and restored through ``dataclasses.fields`` field by
        field, costs about four times as much, its __init__ (object.__setattr__ per field) twice."""
        return file_record, (self.path, self.error, self.diagnostics, self.fixable, self.failing, self.extras)


_FileRecordSlots = unfrozen_twin(FileRecord)


def file_record(
    path: str, error: str, diagnostics: tuple[tuple[str, str, str], ...], fixable: int, failing: bool, extras: dict
) -> FileRecord:
    """``FileRecord(path, error, diagnostics, fixable, failing, extras)`` at a third of the cost (made
    for every file, and again from its pickle in the main process); tests/formats/test_record_of.py
    holds the two equal."""
    record = _FileRecordSlots()
    record.path = path
    record.error = error
    record.diagnostics = diagnostics
    record.fixable = fixable
    record.failing = failing
    record.extras = extras
    record.__class__ = FileRecord  # type: ignore[assignment]
    return record  # type: ignore[return-value]


def record_of(result, fail_on: str = "error", extras: dict | None = None) -> FileRecord:
    found = result.diagnostics
    metas = tuple(map(_META, found))  # (code, name, severity) of each finding
    threshold = SEVERITY_RANK.get(fail_on)
    failing = threshold is not None and bool(metas) and max(map(SEVERITY_RANK.__getitem__, map(_SEVERITY, metas))) >= threshold
    return file_record(result.path, result.error, metas, _safe_fixes(found) if found else 0, failing, extras or {})


_META = attrgetter("code", "name", "severity")
_SEVERITY = itemgetter(2)


def _safe_fixes(found) -> int:
    """How many of the findings carry a fix marked safe (in C-level passes: a Fix is always true)."""
    return list(map(_APPLICABILITY, filter(None, map(_FIX, found)))).count("safe")


_FIX = attrgetter("fix")
_APPLICABILITY = attrgetter("applicability")


def no_extras(result, ctx, rules) -> dict:
    return {}


class Totals:
    """Counts over the records seen so far: the summary and the per-rule statistics."""

    def __init__(self) -> None:
        self.files = 0
        self.failed = 0  # files that could not be read
        self.fixable = 0
        self.severities: Counter = Counter()
        self.codes: Counter = Counter()
        self.meta: dict[str, tuple[str, str]] = {}

    def add(self, record: FileRecord) -> None:
        self.files += 1
        self.failed += bool(record.error)
        self.fixable += record.fixable
        found = record.diagnostics
        if found:  # counted by Counter.update's C loop (the main process adds every file's record)
            self.severities.update([severity for _, _, severity in found])
            self.codes.update([code for code, _, _ in found])
            self.meta.update({code: (name, severity) for code, name, severity in found})  # the last of a code wins

    def summary(self) -> dict[str, int]:
        s = self.severities
        return {"files": self.files, "errors": s["error"], "warnings": s["warning"], "infos": s["info"]}

    def statistics(self) -> list[tuple[str, str, str, int]]:
        """(code, name, severity, count) per rule, most frequent first."""
        ranked = sorted(self.codes.items(), key=lambda kv: (-kv[1], kv[0]))
        return [(code, *self.meta[code], n) for code, n in ranked]


class LineSink:
    """A sink that writes each file's text as it comes and nothing at the end."""

    TAKES_BYTES = True  # a piece's text is written as it is: it may come as bytes (formats.takes_bytes)

    def __init__(self, out, ctx) -> None:
        self.out, self.ctx, self.totals = out, ctx, Totals()

    def add(self, piece) -> None:
        text, record = piece
        self.totals.add(record)
        if text:
            self.out.write(text)

    def finish(self) -> None:
        pass


def summary(results) -> dict[str, int]:
    counts = Counter(d.severity for r in results for d in r.diagnostics)
    return {
        "files": len(results),
        "errors": counts["error"],
        "warnings": counts["warning"],
        "infos": counts["info"],
    }


def statistics(results) -> list[tuple[str, str, str, int]]:
    """(code, name, severity, count) per rule, most frequent first."""
    counter: Counter = Counter()
    meta: dict[str, tuple[str, str]] = {}
    for r in results:
        for d in r.diagnostics:
            counter[d.code] += 1
            meta[d.code] = (d.name, d.severity)
    return [(code, *meta[code], n) for code, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]
