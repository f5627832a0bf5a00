"""Compact, picklable rows of one checked report: what the review keeps instead of the Document.

Pure functions over :class:`checker.api.Result`; the web page (issue 6) imports
:func:`report_row` and the writers, which take these rows and return bytes/str.

A *report row* (``report_row``) is a flat dict:

``file``, ``entity``, ``year``, ``title``, one ``True``/``False``/``None`` per
required part (``measures``, ``shortcomings``, ``first_responsible``,
``plan``; ``None`` when the file could not be read), ``errors``,
``warnings``, ``infos``, ``status`` (one of :data:`STATUSES`) and ``error``
(the reader's message, or "").

A review keeps every diagnostic as a Diagnostic placed by a Location (``located``):
the file, entity, line and column, and the quoted line around the finding with the
finding marked.  ``diagnostic_row`` flattens one for the review's JSON and CSV.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Collection, Iterable

from ..model import SEVERITY_RANK, Diagnostic, Location
from ..parts import PLACE_LABELS as ROLE_LABELS  # noqa: F401  (the writers label outline roles with it)
from ..positions import LineIndex
from .common import SEVERITY_LABELS, location, positions  # noqa: F401  (SEVERITY_LABELS re-exported to the writers)

# (row key, role, code whose finding says the part is missing, column label)
PARTS: tuple[tuple[str, str, str], ...] = (
    ("measures", "FZ101", "举措成效"),
    ("shortcomings", "FZ102", "不足原因"),
    ("first_responsible", "FZ104", "第一责任人"),
    ("plan", "FZ106", "下年安排"),
)
PART_KEYS = tuple(p[0] for p in PARTS)
PART_LABELS = {key: label for key, _, label in PARTS}
BURIED_FIRST_RESPONSIBLE = "FZ105"  # content present, only not a part of its own

STATUSES = ("pass", "warn", "fail", "unreadable")
STATUS_LABELS = {"pass": "通过", "warn": "有警告", "fail": "有错误", "unreadable": "无法读取"}

QUOTE_WIDTH = 120


def report_row(result, checked: Collection[str] | None = None) -> dict:
    """One row of the review table for ``result``.

    ``checked``: the rule codes that ran (``None``: all).  A part is ✓ when a
    section carries its role, or (for the 第一责任人 part, which may be written
    inside another part) when its missing-part rule ran and did not fire.
    """
    facts = result.facts
    row = {
        "file": result.path,
        "entity": facts.entity if facts else "",
        "year": facts.year if facts else None,
        "title": facts.title if facts else "",
    }
    codes = {d.code for d in result.diagnostics}
    roles: set[str] = set()
    if result.outline is not None:
        for section in result.outline.walk():
            roles.update(section.roles)
    for key, code, _ in PARTS:
        if result.error or result.outline is None:
            row[key] = None
        elif code in codes:
            row[key] = False
        elif key in roles:
            row[key] = True
        elif key == "first_responsible":
            ran = checked is None or code in checked
            looked = not (facts and facts.lookalike)
            row[key] = BURIED_FIRST_RESPONSIBLE in codes or (ran and looked)
        else:
            row[key] = False
    row["error"] = result.error or ""
    counts = Counter(d.severity for d in result.diagnostics)
    row["errors"], row["warnings"], row["infos"] = counts["error"], counts["warning"], counts["info"]
    row["status"] = status_of(row)
    return row


def status_of(row: dict) -> str:
    if row.get("error"):
        return "unreadable"
    if row["errors"]:
        return "fail"
    if row["warnings"]:
        return "warn"
    return "pass"


def add_findings(row: dict, severities: Iterable[str]) -> dict:
    """Count cross-report findings into ``row`` (in place) and settle its status again."""
    for severity in severities:
        row[{"error": "errors", "warning": "warnings", "info": "infos"}[severity]] += 1
    row["status"] = status_of(row)
    return row


def located(result) -> list[Diagnostic]:
    """Every diagnostic of ``result`` placed by a :class:`Location` (file, line and column, the quoted
    text around it with the finding marked): what a review keeps once the report's text is gone."""
    doc = result.document
    index = LineIndex(doc.text) if doc is not None else None
    lines = doc.text.split("\n") if doc is not None else []
    entity = result.facts.entity if result.facts else ""
    out = []
    for d in result.diagnostics:
        line, col, end_line, end_col = positions(doc, index, d)
        source = lines[line - 1] if 1 <= line <= len(lines) else ""
        last = end_col if end_line == line else len(source) + 1
        quote, a, b = quote_window(source, col - 1, max(col - 1, last - 1))
        where = Location(
            result.path, line, col, end_col, quote, entity, (a, b), end_line=end_line, where=location(doc, line)
        )
        out.append(replace(d, location=where))
    return out


def diagnostic_row(d: Diagnostic) -> dict:
    """A located diagnostic as the flat dict of the review's JSON (and CSV): the machine fields of the
    JSON contract plus the file, the entity and the quoted text with the finding marked."""
    p = d.location
    row = {
        "file": p.path, "entity": p.entity, "code": d.code, "name": d.name, "severity": d.severity,
        "message": d.message, "line": p.line, "column": p.column, "end_line": p.last_line, "end_column": p.end_column,
        "hint": d.hint, "basis": d.basis,
    }
    if p.where:
        row["location"] = p.where
    mark = p.mark or (0, len(p.excerpt))
    row["quote"], row["mark_start"], row["mark_end"] = p.excerpt, mark[0], mark[1]
    return row


def quote_window(source: str, start: int, end: int, width: int = QUOTE_WIDTH) -> tuple[str, int, int]:
    """A window of at most ``width`` characters of ``source`` around ``[start, end)``,
    and the span's place inside the window."""
    source = source.rstrip()
    start = max(0, min(start, len(source)))
    end = max(start, min(end, len(source)))
    if len(source) <= width:
        return source, start, end
    left = max(0, min(start - 20, len(source) - width))
    right = left + width
    prefix = "…" if left else ""
    suffix = "…" if right < len(source) else ""
    shift = len(prefix) - left
    return prefix + source[left:right] + suffix, start + shift, min(end, right) + shift


def outline_rows(result) -> list[dict]:
    """The outline as a flat pre-order list (level gives the depth)."""
    if result.outline is None:
        return []
    return [
        {
            "level": s.level,
            "marker": s.marker,
            "heading": s.heading,
            "roles": list(s.roles),
            "line": s.line,
            "end_line": s.end_line,
        }
        for s in result.outline.walk()
    ]


def rule_summary(rows: list[dict], diagnostics: Iterable[Diagnostic]) -> list[dict]:
    """Per rule: how many reports break it, how many findings, and the share of reports."""
    reports: dict[str, set[str]] = {}
    findings: Counter = Counter()
    meta: dict[str, tuple[str, str]] = {}
    for d in diagnostics:
        reports.setdefault(d.code, set()).add(d.location.path)
        findings[d.code] += 1
        meta.setdefault(d.code, (d.name, d.severity))
    total = len(rows) or 1
    out = [
        {
            "code": code,
            "name": meta[code][0],
            "severity": meta[code][1],
            "reports": len(files),
            "findings": findings[code],
            "share": len(files) / total,
        }
        for code, files in reports.items()
    ]
    out.sort(key=lambda r: (-r["reports"], -SEVERITY_RANK[r["severity"]], r["code"]))
    return out
