"""Several reports at once: the bulk review of ``fzcheck review`` over the uploaded files.

The page checks each upload once (in memory) and hands those results to the review's
own record builder and cross-report detection (``checker.review.runner.record_of`` and
``review_records``), the functions ``fzcheck review`` runs for a folder: that is what
makes the numbers the same, with nothing written to disk.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..formats.common import DIAGNOSTIC_FIELDS
from ..positions import LineIndex


@dataclass
class Review:
    result: object  # checker.review.runner.ReviewResult, relabelled
    cross_codes: frozenset[str]


def available() -> bool:
    try:
        from ..review import runner, summary  # noqa: F401
    except ImportError:
        return False
    return True


def workbook_available() -> bool:
    try:
        import openpyxl  # noqa: F401

        from ..review import xlsx  # noqa: F401
    except ImportError:
        return False
    return True


def review_results(results: list, config) -> Review:
    """Review checked uploads (names unique) exactly as ``fzcheck review`` reviews a folder: the
    same records and the same cross-report detection, from the results the page already has."""
    from ..review.runner import job_for, record_of, review_records

    job = job_for(config, discover=False)
    result = review_records([record_of(r, config, job) for r in results], job)
    codes = frozenset(r.code for r in job.cross)
    return Review(result, codes)


def table(rev: Review) -> dict:
    """The review table as JSON: the columns of the workbook's 报告一览 sheet, one row per report."""
    from ..review.summary import PART_KEYS, PART_LABELS, STATUS_LABELS

    columns = [("file", "文件"), ("entity", "单位"), ("year", "年度")]
    columns += [(k, PART_LABELS[k]) for k in PART_KEYS]
    columns += [("errors", "错误"), ("warnings", "警告"), ("infos", "提示"), ("status", "结论"), ("error", "说明")]
    return {
        "columns": [{"key": k, "label": label} for k, label in columns],
        "rows": [dict(r.row) for r in rev.result.records],
        "status_labels": dict(STATUS_LABELS),
        "summary": rev.result.summary(),
    }


def workbook(rev: Review) -> bytes:
    """The review workbook of ``fzcheck review --xlsx`` for these reports."""
    from ..review.xlsx import build_workbook

    rr = rev.result
    return build_workbook(rr.rows, rr.diagnostics, rr.rule_summary())


def cross_diagnostics(rev: Review, name: str, text: str, titles: dict[str, str] | None = None) -> list[dict]:
    """The cross-report findings placed in report ``name``, with offsets into its ``text``."""
    record = next((r for r in rev.result.records if r.file == name), None)
    if record is None:
        return []
    index = LineIndex(text)
    out = []
    for d in record.diagnostics:
        if d["code"] not in rev.cross_codes:
            continue
        line = min(max(d["line"], 1), index.line_count)
        start = index.line_start(line) + d["column"] - 1
        end = index.line_start(min(max(d["end_line"], 1), index.line_count)) + d["end_column"] - 1
        out.append(
            {
                **{k: d[k] for k in DIAGNOSTIC_FIELDS},
                "fix": None,
                "title": (titles or {}).get(d["code"]) or d["name"],
                "start": max(0, min(start, len(text))),
                "end": max(0, min(end, len(text))),
            }
        )
    return out
