"""The review workbook (openpyxl): what a county office forwards.

Sheet 1 “报告一览”: one row per report — frozen header, auto filter, column
widths, ✓ green / ✗ red and a coloured status.  Sheet 2 “全部问题”: every
diagnostic, cross-report ones included (the rule's name and basis, the same on every row
of a rule, are on sheet 3 instead: 30,000 rows of them cost seconds).  Sheet 3 “规则统计”:
per rule, how many reports break it, and its basis.  ``build_workbook(rows, diagnostics, rule_summary) -> bytes``
is pure: no file is written here.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from ..model import Diagnostic
from ..parts import Part, columns
from .summary import FOLLOW_COLUMN, SEVERITY_LABELS, STATUS_LABELS, has_followthrough

RED, GREEN, AMBER, GREY, HEAD = "FFC7CE", "C6EFCE", "FFEB9C", "E7E6E6", "DDEBF7"


def report_columns(parts: Sequence[Part]) -> tuple[tuple[str, int], ...]:
    """The 报告一览 sheet's columns: one per required part of the packs in use."""
    return (
        ("文件", 36),
        ("单位", 18),
        ("年度", 7),
        *((p.column, max(11, 2 * len(p.column) + 2)) for p in columns(parts)),
        ("错误", 7),
        ("警告", 7),
        ("提示", 7),
        ("结论", 10),
        ("说明", 40),
    )


DIAGNOSTIC_COLUMNS = (
    ("文件", 36),
    ("单位", 18),
    ("行", 6),
    ("列", 6),
    ("代码", 8),
    ("级别", 7),
    ("问题", 60),
    ("原文", 50),
    ("修改建议", 50),
)
RULE_COLUMNS = (
    ("代码", 8), ("规则名", 32), ("级别", 7), ("涉及报告数", 11), ("问题数", 9), ("占报告比例", 11), ("依据", 60),
)
MARK = {True: "✓", False: "✗", None: "—"}
STATUS_FILLS = {"pass": GREEN, "warn": AMBER, "fail": RED, "unreadable": GREY}


class _Styles:
    """Style objects made once per workbook: openpyxl registers a style per assignment, so
    sharing one object per look (and leaving plain cells unstyled) keeps 30,000 rows fast."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Font, PatternFill

        self.fills = {c: PatternFill("solid", start_color=c, end_color=c) for c in (RED, GREEN, AMBER, GREY, HEAD)}
        self.bold = Font(bold=True)
        self.wrap = Alignment(wrap_text=True, vertical="top")

    def cell(self, ws, value, fill: str | None = None, bold: bool = False, wrap: bool = False, fmt: str | None = None):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(ws, value=value)
        if fill:
            cell.fill = self.fills[fill]
        if bold:
            cell.font = self.bold
        if wrap:
            cell.alignment = self.wrap
        if fmt:
            cell.number_format = fmt
        return cell


def _sheet(wb, title: str, columns):
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    for i, (_, width) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    return ws


def _finish(ws, columns, count: int) -> None:
    from openpyxl.utils import get_column_letter

    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, count) + 1}"


def build_workbook(rows: list[dict], diagnostics: list[Diagnostic], rules: list[dict], *, parts: Sequence[Part]) -> bytes:
    """The three-sheet workbook as the bytes of an .xlsx file (``parts``: the packs' required parts,
    a column each on the first sheet)."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    styles = _Styles()
    _report_sheet(wb, styles, rows, parts)
    _diagnostic_sheet(wb, styles, diagnostics)
    _rule_sheet(wb, styles, rules, diagnostics)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()



def _new_sheet(wb, styles: _Styles, title: str, cols, count: int):
    ws = _sheet(wb, title, cols)
    _finish(ws, cols, count)
    ws.append([styles.cell(ws, name, HEAD, bold=True) for name, _ in cols])
    return ws


def _report_sheet(wb, styles: _Styles, rows: list[dict], parts: Sequence[Part]) -> None:
    report_cols = report_columns(parts)
    follow = has_followthrough(rows)
    if follow:  # with --previous: last year's plan items reported on, “5/7”
        at = len(report_cols) - 5
        report_cols = (*report_cols[:at], (FOLLOW_COLUMN, 14), *report_cols[at:])
    ws = _new_sheet(wb, styles, "报告一览", report_cols, len(rows))
    for row in rows:
        cells = [row["file"], row["entity"] or None, row["year"]]
        for part in columns(parts):
            value = row[part.key]
            cells.append(styles.cell(ws, MARK[value], GREEN if value else RED if value is False else GREY))
        if follow:
            cells.append(row.get("followthrough") or "—")
        cells += [row["errors"], row["warnings"], row["infos"]]
        cells.append(styles.cell(ws, STATUS_LABELS[row["status"]], STATUS_FILLS[row["status"]], bold=True))
        cells.append(row.get("error") or None)
        ws.append(cells)


def _diagnostic_sheet(wb, styles: _Styles, diagnostics: list[Diagnostic]) -> None:
    ws = _new_sheet(wb, styles, "全部问题", DIAGNOSTIC_COLUMNS, len(diagnostics))
    labels = SEVERITY_LABELS
    for d in diagnostics:
        fill = {"error": RED, "warning": AMBER}.get(d.severity)
        label = styles.cell(ws, labels[d.severity], fill) if fill else labels[d.severity]
        p = d.location
        message = styles.cell(ws, d.message, wrap=True)
        ws.append([p.path, p.entity or None, p.line, p.column, d.code, label, message, p.excerpt or None, d.hint or None])


def _rule_sheet(wb, styles: _Styles, rules: list[dict], diagnostics: list[Diagnostic]) -> None:
    basis: dict[str, str | None] = {}
    for d in diagnostics:
        basis.setdefault(d.code, d.basis or None)
    ws = _new_sheet(wb, styles, "规则统计", RULE_COLUMNS, len(rules))
    for r in rules:
        share = styles.cell(ws, r["share"], fmt="0%")
        ws.append([r["code"], r["name"], SEVERITY_LABELS[r["severity"]], r["reports"], r["findings"], share, basis.get(r["code"])])
