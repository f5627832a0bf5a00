"""Helpers shared by formatters: positions of a diagnostic, summaries, display widths."""

from __future__ import annotations

import unicodedata
from collections import Counter

from ..model import Diagnostic, Document
from ..positions import LineIndex

ROLE_LABELS = {
    "measures": "举措成效",
    "shortcomings": "不足原因",
    "first_responsible": "第一责任人",
    "plan": "下年安排",
    "other": "其他",
}
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}


def positions(doc: Document | None, index: LineIndex | None, d: Diagnostic) -> tuple[int, int, int, int]:
    if doc is None or index is None:
        return 1, 1, 1, 1
    line, col = index.line_col(d.span.start)
    end_line, end_col = index.line_col(d.span.end)
    return line, col, end_line, end_col


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


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


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
