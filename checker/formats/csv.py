"""CSV for other tools: one row per report (UTF-8 with BOM, so that Excel opens it in Chinese),
or one row per diagnostic.  Pure: ``rows → str``."""

from __future__ import annotations

import csv as _csv
import io
from collections.abc import Sequence

from ..model import Diagnostic
from ..parts import Part, columns
from .summary import STATUS_LABELS, diagnostic_row, has_followthrough

DIAGNOSTIC_FIELDS = (
    "file", "entity", "line", "column", "end_line", "end_column", "code", "name", "severity", "message", "quote",
    "hint", "basis",
)
MARK = {True: "✓", False: "✗", None: ""}


def report_fields(parts: Sequence[Part]) -> tuple[str, ...]:
    return ("file", "entity", "year", *(p.key for p in columns(parts)), "errors", "warnings", "infos", "status", "error")


def render_reports(rows: list[dict], parts: Sequence[Part]) -> str:
    """One row per report; the header names the columns in English (stable for tools; a part by its
    role's name), the parts are ✓/✗ and the status is the Chinese label."""
    fields = report_fields(parts)
    if has_followthrough(rows):
        fields = (*fields[: fields.index("errors")], "followthrough", *fields[fields.index("errors") :])
    part_keys = {p.key for p in columns(parts)}
    out = io.StringIO()
    writer = _csv.writer(out, lineterminator="\r\n")
    writer.writerow(fields)
    for row in rows:
        values = []
        for key in fields:
            value = row.get(key)
            if key in part_keys:
                value = MARK[value]
            elif key == "status":
                value = STATUS_LABELS[value]
            values.append("" if value is None else value)
        writer.writerow(values)
    return "\ufeff" + out.getvalue()


def render_diagnostics(diagnostics: list[Diagnostic]) -> str:
    """One row per located diagnostic (a review's)."""
    out = io.StringIO()
    writer = _csv.writer(out, lineterminator="\r\n")
    writer.writerow(DIAGNOSTIC_FIELDS)
    for d in diagnostics:
        row = diagnostic_row(d)
        writer.writerow(["" if row.get(k) is None else row.get(k) for k in DIAGNOSTIC_FIELDS])
    return "\ufeff" + out.getvalue()
