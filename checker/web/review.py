"""Several reports at once: the bulk review of ``fzcheck review`` over the uploaded files.

The review (``checker.review.runner.review``) reads files by path, so the uploads are
written into a private temporary folder (mode 0700, removed before this returns)
under neutral names and the review runs in this process (``jobs=1``: a web worker
must not fork).  Calling the same function as the command is what makes the
numbers the same; the rows are then relabelled with the uploaded names.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from ..positions import LineIndex

_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,8}")


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


def review_uploads(items: list[tuple[str, bytes]], config) -> Review:
    """Review ``(name, data)`` pairs (names unique) exactly as ``fzcheck review`` reviews a folder."""
    from ..api import ruleset_for
    from ..review.copies import cross_spec
    from ..review.runner import Job, review

    spec = cross_spec(ruleset_for(config), config)
    job = Job(base=config, discover=False, spec=spec)
    names: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="fzcheck-web-") as folder:
        paths = []
        for i, (name, data) in enumerate(items):
            suffix = Path(name).suffix
            path = Path(folder) / f"{i:04d}{suffix if _SUFFIX.fullmatch(suffix) else ''}"
            path.write_bytes(data)
            names[str(path)] = name
            paths.append(str(path))
        result = review(paths, job, jobs=1)
    for record in result.records:
        shown = names.get(record.file, record.file)
        record.file = shown
        record.row["file"] = shown
        for d in record.diagnostics:
            d["file"] = names.get(d["file"], shown)
    for finding in result.findings:
        for k, place in enumerate(finding.places):
            if place.file in names:
                finding.places[k] = replace(place, file=names[place.file])
    order = {name: i for i, (name, _) in enumerate(items)}
    result.records.sort(key=lambda r: order.get(r.file, len(order)))
    codes = frozenset(r.code for r in (*spec.copied, *spec.foreign, *spec.carried))
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


def cross_diagnostics(rev: Review, name: str, text: str) -> list[dict]:
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
                **{
                    k: d[k]
                    for k in (
                        "code",
                        "name",
                        "severity",
                        "message",
                        "line",
                        "column",
                        "end_line",
                        "end_column",
                        "hint",
                        "basis",
                    )
                },
                "fix": None,
                "start": max(0, min(start, len(text))),
                "end": max(0, min(end, len(text))),
            }
        )
    return out
