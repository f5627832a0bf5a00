"""``fzcheck check THIS --previous LAST``: one report against its own report of last year.

The same cross-report rules as ``fzcheck review DIR --previous LAST_DIR`` (the kinds that read
last year's reports: carried_over, plan_followthrough, repeated_shortcoming), through the
review's own record builder, for one pair of files; their findings are placed back into this
year's report so that every output format shows them like any other diagnostic.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Diagnostic, Span
from .runner import LAST_YEAR_KINDS, NO_RULES, job_for, record_of, review_records


class PreviousError(Exception):
    """Last year's report cannot be read: the message names it."""


def check_with_previous(path: str, previous_path: str, base, discover: bool):
    """(this year's Result with the findings against last year's added, its fail-on level)."""
    from ..api import check_path, config_for

    config = config_for(path, base, discover)
    result = check_path(path, config, True, discover=False)
    job = job_for(config, discover)
    job = replace(job, cross=tuple(r for r in job.cross if r.kind in LAST_YEAR_KINDS))
    if result.error or result.document is None or not job.cross:
        return result, config.fail_on
    old_config = replace(config, select=NO_RULES, ignore=())
    old = check_path(previous_path, old_config, True, discover=False)
    if old.error:
        raise PreviousError(f"{previous_path}：{old.error}")
    this = record_of(result, config, job)
    last = record_of(old, old_config, replace(job, previous=True))
    review = review_records([this], job, [last], 1)
    extra = [_placed(result.document, f) for f in review.findings if f.location and f.location.path == result.path]
    diagnostics = sorted([*result.diagnostics, *extra], key=lambda d: (d.span.start, d.span.end, d.code))
    return replace(result, diagnostics=diagnostics), config.fail_on


def _placed(doc, f: Diagnostic) -> Diagnostic:
    """A cross-report finding (placed by line and column) as a diagnostic of this report's text."""
    loc = f.location
    line = doc.lines[min(max(loc.line, 1), len(doc.lines)) - 1]
    start = line.start + min(max(loc.column - 1, 0), line.raw_length)
    end = line.start + min(max(loc.end_column - 1, loc.column - 1, 0), line.raw_length)
    return replace(f, span=Span(start, max(start, end)), message=loc.message or f.message, location=None)
