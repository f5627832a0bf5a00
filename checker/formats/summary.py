"""Compact, picklable rows of one checked report: what the review keeps instead of the Document.

Pure functions over :class:`checker.api.Result`; the web page (issue 6) imports
:func:`report_row` and the writers, which take these rows and return bytes/str.

A *report row* (``report_row``) is a flat dict:

``file``, ``entity``, ``year``, ``title``, one ``True``/``False``/``None`` per
required part of the packs (keyed by role: ``measures``, ``shortcomings``,
``first_responsible``, ``plan`` and a county's own; ``None`` when the file
could not be read), ``errors``,
``warnings``, ``infos``, ``status`` (one of :data:`STATUSES`) and ``error``
(the reader's message, or "").

A review keeps every diagnostic as a Diagnostic placed by a Location (``located``):
the file, entity, line and column, and the quoted line around the finding with the
finding marked.  ``diagnostic_row`` flattens one for the review's JSON and CSV.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Collection, Iterable, Sequence

from ..model import SEVERITY_RANK, Diagnostic, Location
from ..parts import Part, columns
from ..positions import LineIndex
from .common import SEVERITY_LABELS, location, positions  # noqa: F401  (SEVERITY_LABELS re-exported to the writers)

FOLLOW_COLUMN = "上年安排落实"  # row["followthrough"]: "5/7", with --previous (plan_followthrough)


def has_followthrough(rows) -> bool:
    return any("followthrough" in r for r in rows)


STATUSES = ("pass", "warn", "fail", "unreadable")
STATUS_LABELS = {"pass": "通过", "warn": "有警告", "fail": "有错误", "unreadable": "无法读取"}

QUOTE_WIDTH = 120


def report_row(result, parts: Sequence[Part], checked: Collection[str] | None = None) -> dict:
    """One row of the review table for ``result``: one ✓/✗ per required part (``parts_of`` the packs).

    ``checked``: the rule codes that ran (``None``: all).  A part is ✓ when a section carries its
    role, or (for a part judged by its content, which may be written inside another part, such as
    第一责任人) when its missing-part rule ran and did not fire.
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
            roles.update(result.outline_roles.roles(section))
    for part in columns(parts):
        row[part.key] = _present(part, result, codes, roles, checked)
    row["error"] = result.error or ""
    counts = Counter(d.severity for d in result.diagnostics)
    row["errors"], row["warnings"], row["infos"] = counts["error"], counts["warning"], counts["info"]
    row["status"] = status_of(row)
    return row


def _present(part: Part, result, codes: set[str], roles: set[str], checked) -> bool | None:
    if result.error or result.outline is None:
        return None
    if any(code in codes for code in part.missing):
        return False
    if part.within_role and checked is not None and not all(code in checked for code in part.missing):
        return None  # its rule did not run: nothing to say
    if part.role in roles:
        return True
    if part.by_content:
        ran = checked is None or all(code in checked for code in part.missing)
        looked = not (result.facts and result.facts.lookalike)
        return any(code in codes for code in part.buried) or (ran and looked)
    return False


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
            "roles": list(result.outline_roles.roles(s)),
            "line": s.line,
            "end_line": s.end_line,
        }
        for s in result.outline.walk()
    ]


def rule_summary(rows: list[dict], diagnostics: Iterable[Diagnostic], titles: dict[str, str] | None = None) -> list[dict]:
    """Per rule: its Chinese title (from ``titles``, the packs' ``title`` fields), how many reports
    break it, how many findings, and the share of reports."""
    # per rule, one byte per report (by its number in ``numbers``): a county's rules each break
    # thousands of reports, a set of them per rule would cost a hundred times as much
    numbers: dict[str, int] = {}
    reports: dict[str, bytearray] = {}
    findings: Counter = Counter()
    meta: dict[str, tuple[str, str]] = {}
    for d in diagnostics:
        n = numbers.setdefault(d.location.path, len(numbers))
        seen = reports.setdefault(d.code, bytearray())
        if len(seen) <= n:
            seen.extend(bytes(n + 1 - len(seen)))
        seen[n] = 1
        findings[d.code] += 1
        meta.setdefault(d.code, (d.name, d.severity))
    total = len(rows) or 1
    out = [
        {
            "code": code,
            "name": meta[code][0],
            "title": (titles or {}).get(code, ""),
            "severity": meta[code][1],
            "reports": count,
            "findings": findings[code],
            "share": count / total,
        }
        for code, count in ((code, seen.count(1)) for code, seen in reports.items())
    ]
    out.sort(key=lambda r: (-r["reports"], -SEVERITY_RANK[r["severity"]], r["code"]))
    return out
