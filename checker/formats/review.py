"""Text and JSON output of ``fzcheck review``: a compact table per report, then the
cross-report findings.  Pure: a :class:`~checker.review.runner.ReviewResult` → str."""

from __future__ import annotations

import json

from ..formats.common import display_width
from ..model import Diagnostic
from ..parts import columns
from .summary import FOLLOW_COLUMN, SEVERITY_LABELS, STATUS_LABELS, diagnostic_row, has_followthrough

MARK = {True: "✓", False: "✗", None: "—"}


def finding_dict(f: Diagnostic) -> dict:
    """A cross-report finding with every place it names."""
    return {**_finding_head(f), "places": [_place_dict(p) for p in f.places]}


def _finding_head(f: Diagnostic) -> dict:
    return {
        "code": f.code,
        "name": f.name,
        "severity": f.severity,
        "message": f.summary or f.message,
        "similarity": round(f.score if f.score is not None else 1.0, 3),
        "hint": f.hint,
        "basis": f.basis,
    }


def _place_dict(p) -> dict:
    return {"file": p.path, "entity": p.entity, "line": p.line, "column": p.column, "end_column": p.end_column,
            "excerpt": p.excerpt}


class _LazyFinding(dict):
    """``finding_dict`` whose ``places`` are made each time they are read, not kept (a county's
    findings name tens of thousands of places)."""

    def __init__(self, f: Diagnostic) -> None:
        super().__init__(_finding_head(f))
        self.finding = f

    def __missing__(self, key):
        if key != "places":
            raise KeyError(key)
        return [_place_dict(p) for p in self.finding.places]


def finding_dicts(findings) -> list[dict]:
    """``finding_dict`` of each finding, for a writer that reads each one's places once or twice."""
    return [_LazyFinding(f) for f in findings]


def shared_dict(f) -> dict:
    """A shared formula (``copied_paragraph.SharedFormula``): how widely it is used and where."""
    return {
        "excerpt": f.excerpt,
        "units": f.units,
        "reports": f.reports,
        "places": [{"file": p.path, "entity": p.entity, "line": p.line} for p in f.places],
    }


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def render_text(review, color: bool = False) -> str:
    return "".join(iter_text(review, color))


def iter_text(review, color: bool = False):
    """``render_text`` in pieces: the findings' places (tens of thousands in a county) line by line."""
    rows = review.rows
    shown = columns(review.parts)
    follow = has_followthrough(rows)
    heads = ["文件", "单位", "年度", *(p.column for p in shown), *([FOLLOW_COLUMN] if follow else []), "错误", "警告", "提示", "结论"]
    # two passes over the rows (the widths, then the lines): no table of every row's cells is kept
    widths = [display_width(h) for h in heads] if rows else []
    for row in rows:
        widths = [max(w, display_width(c)) for w, c in zip(widths, _text_cells(row, shown, follow))]
    paint = {
        "有错误": "\033[31m", "有警告": "\033[33m", "通过": "\033[32m", "无法读取": "\033[2m",
    }
    yield "  ".join(_pad(h, w) for h, w in zip(heads, widths)).rstrip() + "\n"
    for row in rows:
        cells = _text_cells(row, shown, follow)
        line = "  ".join(_pad(c, w) for c, w in zip(cells, widths)).rstrip()
        if color:
            status = cells[-1]
            line = line[: -len(status)] + paint[status] + status + "\033[0m"
        yield line + "\n"
    out = []
    unreadable = [r for r in rows if r["status"] == "unreadable"]
    if unreadable:
        out += ["", "无法读取的文件（其余文件已照常检查）："]
        out += [f"  {r['file']}：{r['error']}" for r in unreadable]
    out += ["", "跨报告发现：" if review.findings else "跨报告发现：无"]
    yield "\n".join(out) + "\n"
    out = []
    for f in review.findings:
        yield f"{f.code} [{f.severity}] {f.name}：{f.summary or f.message}\n"
        for p in f.places:
            who = f"{p.entity}，" if p.entity else ""
            yield f"    {p.path}:{p.line}:{p.column}  {who}“{p.excerpt}”\n"
    shared = getattr(review, "shared", [])
    if shared:
        out += ["", f"共用套话（多数单位都写的段落，不算照抄）：{len(shared)} 段"]
        out += [f"    {f.units} 个单位：“{f.excerpt}”" for f in shared]
    s = review.summary()
    out += [
        "",
        f"共审查 {s['reports']} 份报告：{STATUS_LABELS['pass']} {s['pass']}，{STATUS_LABELS['warn']} {s['warn']}，"
        f"{STATUS_LABELS['fail']} {s['fail']}，{STATUS_LABELS['unreadable']} {s['unreadable']}；"
        f"问题 {s['errors'] + s['warnings'] + s['infos']} 个（{SEVERITY_LABELS['error']} {s['errors']}，"
        f"{SEVERITY_LABELS['warning']} {s['warnings']}，{SEVERITY_LABELS['info']} {s['infos']}），"
        f"跨报告发现 {s['cross_report']} 处。",
    ]
    if review.previous_count:
        out.append(f"已与上一年度的 {review.previous_count} 份报告比对。")
    yield "\n".join(out) + "\n"


def _text_cells(row: dict, shown, follow: bool) -> list[str]:
    return [
        row["file"],
        row["entity"] or "—",
        str(row["year"] or "—"),
        *(MARK[row[p.key]] for p in shown),
        *([row.get("followthrough") or "—"] if follow else []),
        str(row["errors"]),
        str(row["warnings"]),
        str(row["infos"]),
        STATUS_LABELS[row["status"]],
    ]


def _report_entry(record) -> dict:
    entry = dict(record.row)
    entry["outline"] = record.outline
    entry["diagnostics"] = [diagnostic_row(d) for d in record.diagnostics]
    return entry


def _tail(review) -> dict:
    return {"cross_report": [finding_dict(f) for f in review.findings], **_after_findings(review)}


def _after_findings(review) -> dict:
    return {
        "shared_formulas": [shared_dict(f) for f in getattr(review, "shared", [])],
        "rules": review.rule_summary(),
        "summary": review.summary(),
    }


def review_dict(review) -> dict:
    return {"version": 1, "reports": [_report_entry(r) for r in _reports(review)], **_tail(review)}


def _reports(review):
    return review.reports() if hasattr(review, "reports") else review.records


def render_json(review) -> str:
    return json.dumps(review_dict(review), ensure_ascii=False, indent=2) + "\n"


def write_json(review, stream) -> None:
    """``render_json`` written report by report (each read back from the review's spool as it is
    written) and finding by finding, byte for byte the same as ``json.dump(review_dict(review), indent=2)``."""
    stream.write('{\n  "version": 1,\n  "reports": ')
    _write_list(stream, (_report_entry(record) for record in _reports(review)))
    stream.write(',\n  "cross_report": ')
    _write_list(stream, (finding_dict(f) for f in review.findings))
    for key, value in _after_findings(review).items():
        stream.write(f",\n  {json.dumps(key)}: " + _nested(value, 1, indent_first=False))
    stream.write("\n}\n")


def _write_list(stream, items) -> None:
    """A list one level deep, as ``json.dumps(indent=2)`` writes it, one item at a time."""
    stream.write("[")
    first = True
    for item in items:
        stream.write(("\n" if first else ",\n") + _nested(item, 2))
        first = False
    stream.write("]" if first else "\n  ]")


def _nested(value, depth: int, indent_first: bool = True) -> str:
    """``value`` as ``json.dumps(indent=2)`` writes it ``depth`` levels deep."""
    pad = "  " * depth
    text = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)
    return pad + text if indent_first else text
