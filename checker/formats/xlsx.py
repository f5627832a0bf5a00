"""The review workbook (openpyxl): what a county office forwards.

Sheet 1 “报告一览”: one row per report — frozen header, auto filter, column
widths, ✓ green / ✗ red and a coloured status.  Sheet 2 “全部问题”: every
diagnostic, cross-report ones included (the rule's name and basis, the same on every row
of a rule, are on sheet 3 instead: 30,000 rows of them cost seconds).  Sheet 3 “规则统计”:
per rule, how many reports break it, and its basis.  Sheet 4 “说明”: what each column, mark and
code means, so the workbook can be forwarded as it is.  Every sheet prints landscape, fitted to the
page width, with its header row repeated on each page.  ``build_workbook(rows, diagnostics,
rule_summary) -> bytes`` is pure: no file is written here; ``write_workbook`` saves to a file object.
The diagnostics are read once, in order (an iterable: a review reads them back from its spool), and
every sheet is written row by row (openpyxl's write-only mode), so memory does not grow with them.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

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
    _print_setup(ws)
    return ws


def _print_setup(ws) -> None:
    """Landscape, fitted to one page wide (as many pages long as needed), header row on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def _finish(ws, columns, count: int) -> None:
    from openpyxl.utils import get_column_letter

    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, count) + 1}"


def build_workbook(
    rows: list[dict], diagnostics: Iterable[Diagnostic], rules: list[dict], *, parts: Sequence[Part]
) -> bytes:
    """The workbook as the bytes of an .xlsx file (``parts``: the packs' required parts, a column
    each on the first sheet)."""
    out = io.BytesIO()
    write_workbook(out, rows, diagnostics, rules, parts=parts)
    return out.getvalue()


def write_workbook(
    target, rows: list[dict], diagnostics: Iterable[Diagnostic], rules: list[dict], *, parts: Sequence[Part]
) -> None:
    """``build_workbook`` saved to ``target`` (a path or a binary file object)."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    styles = _Styles()
    _report_sheet(wb, styles, rows, parts)
    basis = _diagnostic_sheet(wb, styles, diagnostics)
    _rule_sheet(wb, styles, rules, basis)
    _notes_sheet(wb, styles, parts, rules, has_followthrough(rows))
    wb.save(target)


def _new_sheet(wb, styles: _Styles, title: str, cols, count: int | None):
    """A sheet with its header row; ``count`` rows to filter (``None``: ``_finish`` it once they are written)."""
    ws = _sheet(wb, title, cols)
    if count is not None:
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


def _diagnostic_sheet(wb, styles: _Styles, diagnostics: Iterable[Diagnostic]) -> dict[str, str | None]:
    """Every diagnostic, one row each; returns each code's basis (its first diagnostic's) for 规则统计."""
    ws = _new_sheet(wb, styles, "全部问题", DIAGNOSTIC_COLUMNS, None)
    labels = SEVERITY_LABELS
    basis: dict[str, str | None] = {}
    count = 0
    for d in diagnostics:
        fill = {"error": RED, "warning": AMBER}.get(d.severity)
        label = styles.cell(ws, labels[d.severity], fill) if fill else labels[d.severity]
        p = d.location
        message = styles.cell(ws, d.message, wrap=True)
        ws.append([p.path, p.entity or None, p.line, p.column, d.code, label, message, p.excerpt or None, d.hint or None])
        basis.setdefault(d.code, d.basis or None)
        count += 1
    _finish(ws, DIAGNOSTIC_COLUMNS, count)  # the filter is written after the rows
    return basis


def _rule_sheet(wb, styles: _Styles, rules: list[dict], basis: dict[str, str | None]) -> None:
    ws = _new_sheet(wb, styles, "规则统计", RULE_COLUMNS, len(rules))
    for r in rules:
        share = styles.cell(ws, r["share"], fmt="0%")
        name = r.get("title") or r["name"]
        ws.append([r["code"], name, SEVERITY_LABELS[r["severity"]], r["reports"], r["findings"], share, basis.get(r["code"])])


NOTES_COLUMNS = (("项目", 22), ("说明", 90))
FIXED_NOTES = (
    ("文件", "送审报告的文件路径。"),
    ("单位", "从标题、标题下一行或落款识别出的报告单位；识别不出时留空。"),
    ("年度", "报告所述年度（从标题、开头、落款日期或下一年度安排推断）。"),
)
COUNT_NOTES = (
    ("错误", "“错误”级问题的个数：缺少规定内容等，送审前应当改正。"),
    ("警告", "“警告”级问题的个数：很可能不合要求，请核对。"),
    ("提示", "“提示”级问题的个数：供参考的写法建议。"),
    ("结论", "通过＝无错误无警告；有警告；有错误；无法读取（文件打不开，原因见“说明”列）。"),
    ("说明", "无法读取的文件的原因。"),
    ("✓ ✗ —", "✓ 具备；✗ 缺少（或检查发现问题）；— 无法判断（文件无法读取，或相关规则未启用）。"),
)


def _part_note(part: Part) -> str:
    codes = "、".join(part.missing)
    if part.by_content:
        return f"是否写到“{part.label}”（按正文内容判断，可写在其他部分中）：{codes} 任一条发现即为 ✗。"
    if part.within_role:
        return f"“{part.label}”是否写到：在其所属部分的正文中判断，{codes} 任一条发现即为 ✗。"
    return f"是否具备“{part.label}”部分：{codes} 任一条发现即为 ✗。"


def _notes_sheet(wb, styles: _Styles, parts: Sequence[Part], rules: list[dict], follow: bool) -> None:
    """说明: each column of 报告一览 and each code that occurs, in words a reader outside the county office follows."""
    notes = [*FIXED_NOTES, *((p.column, _part_note(p)) for p in columns(parts))]
    if follow:
        notes.append((FOLLOW_COLUMN, "上一年度报告“主要安排”中的事项，有几项在本年度举措中见到落实情况（已落实/总数）。"))
    notes += COUNT_NOTES
    notes += [(f'{r["code"]} {r.get("title") or r["name"]}', f'{SEVERITY_LABELS[r["severity"]]}；涉及 {r["reports"]} 份报告，共 {r["findings"]} 处。用 fzcheck rules {r["code"]} 查看规则说明。') for r in rules]
    ws = _new_sheet(wb, styles, "说明", NOTES_COLUMNS, len(notes))
    for item, text in notes:
        ws.append([styles.cell(ws, item, bold=True), styles.cell(ws, text, wrap=True)])
