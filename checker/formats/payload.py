"""The web page's JSON: per checked Result the ``--format json`` file entry of DESIGN.md §3 plus
what the page draws (the text, character offsets, the outline tree, the checklist); for several
reports, the review table and the cross-report findings placed in each report's text."""

from __future__ import annotations

from collections import Counter

from ..positions import LineIndex
from .checklist import checklist
from .common import DIAGNOSTIC_FIELDS
from .json import file_dict
from .outline import outline_dict
from .summary import diagnostic_row


def file_payload(result, active_codes, titles: dict[str, str] | None = None, *, parts) -> dict:
    """``titles``: code → the rule's Chinese title (what the page shows instead of the English id)."""
    titles = titles or {}
    entry = file_dict(result)
    doc = result.document
    entry["text"] = doc.text if doc is not None else ""
    for item, d in zip(entry["diagnostics"], result.diagnostics):
        # Offsets in Unicode code points of ``text`` (the page indexes Array.from(text)).
        item["start"], item["end"] = d.span.start, d.span.end
        item["title"] = titles.get(d.code) or d.name
    counts = Counter(d.severity for d in result.diagnostics)
    entry["counts"] = {"errors": counts["error"], "warnings": counts["warning"], "infos": counts["info"]}
    entry["fixable"] = sum(1 for d in result.diagnostics if d.fix is not None and d.fix.applicability == "safe")
    if result.outline is not None and result.facts is not None and doc is not None:
        tree = outline_dict(result)
        entry["facts"] = {k: tree[k] for k in ("title", "year", "year_source", "entity", "doc_type", "lookalike")}
        entry["outline"] = {k: tree[k] for k in ("title_lines", "preamble_lines", "sections", "signature_lines")}
    else:
        entry["facts"] = None
        entry["outline"] = None
    items = checklist(result, active_codes, parts)
    entry["checklist"] = [item.as_dict() for item in items]
    # A finding that says a part is missing is shown where the part should be, not on the text it points at.
    missing = {code: item.key for item in items if item.status == "missing" for code in item.codes}
    for item in entry["diagnostics"]:
        if item["code"] in missing:
            item["part"] = missing[item["code"]]
    return entry


def check_payload(results, active_codes, titles: dict[str, str] | None = None, review=None, *, parts) -> dict:
    """The answer to ``POST /api/check``: one entry per result (``parts``: the required parts of the
    packs, for the checklist); with ``review`` (the review of these results, several reports) the
    review table and each report's cross-report findings."""
    files = [file_payload(r, active_codes, titles, parts=parts) for r in results]
    payload: dict = {"version": 1, "files": files}
    if review is not None:
        payload["review"] = review_table(review)
        for entry in files:  # copies between the reports, placed in each report's text
            extra = cross_diagnostics(review, entry["path"], entry["text"], titles)
            if extra:
                entry["diagnostics"] = sorted(entry["diagnostics"] + extra, key=lambda d: (d["start"], d["end"], d["code"]))
                for d in extra:
                    entry["counts"][{"error": "errors", "warning": "warnings", "info": "infos"}[d["severity"]]] += 1
    payload["summary"] = {
        "files": len(files),
        **{k: sum(f["counts"][k] for f in files) for k in ("errors", "warnings", "infos")},
    }
    if results and all(r.error for r in results):
        payload["error"] = "；".join(f"{r.path}：{r.error}" for r in results)
    return payload


def review_table(review) -> dict:
    """The review table as JSON: the columns of the workbook's 报告一览 sheet, one row per report."""
    from ..parts import columns as part_columns
    from .summary import STATUS_LABELS

    columns = [("file", "文件"), ("entity", "单位"), ("year", "年度")]
    columns += [(p.key, p.column) for p in part_columns(review.parts)]
    columns += [("errors", "错误"), ("warnings", "警告"), ("infos", "提示"), ("status", "结论"), ("error", "说明")]
    return {
        "columns": [{"key": k, "label": label} for k, label in columns],
        "rows": [dict(r.row) for r in review.records],
        "status_labels": dict(STATUS_LABELS),
        "summary": review.summary(),
    }


def cross_diagnostics(review, name: str, text: str, titles: dict[str, str] | None = None) -> list[dict]:
    """The cross-report findings placed in report ``name``, with offsets into its ``text``."""
    record = next((r for r in review.records if r.file == name), None)
    if record is None:
        return []
    index = LineIndex(text)
    out = []
    for d in record.diagnostics:
        if not d.related:  # the report's own findings are in its entry already
            continue
        p = d.location
        line = min(max(p.line, 1), index.line_count)
        start = index.line_start(line) + p.column - 1
        end = index.line_start(min(max(p.last_line, 1), index.line_count)) + p.end_column - 1
        row = diagnostic_row(d)
        out.append(
            {
                **{k: row[k] for k in DIAGNOSTIC_FIELDS},
                "fix": None,
                "title": (titles or {}).get(d.code) or d.name,
                "start": max(0, min(start, len(text))),
                "end": max(0, min(end, len(text))),
            }
        )
    return out
