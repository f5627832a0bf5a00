"""Several reports at once: the bulk review of ``fzcheck review`` over the uploaded files.

The page checks each upload once (in memory) and hands those results to the review's
own record builder and cross-report detection (``checker.review.runner.record_of`` and
``review_records``), the functions ``fzcheck review`` runs for a folder: that is what
makes the numbers the same, with nothing written to disk.
"""

from __future__ import annotations


def available() -> bool:
    try:
        from ..review import runner  # noqa: F401
    except ImportError:
        return False
    return True


def workbook_available() -> bool:
    try:
        import openpyxl  # noqa: F401

        from ..formats import xlsx  # noqa: F401
    except ImportError:
        return False
    return True


def review_results(results: list, config):
    """Review checked uploads (names unique) exactly as ``fzcheck review`` reviews a folder: the
    same records and the same cross-report detection, from the results the page already has."""
    from ..review.runner import job_for, record_of, review_records

    job = job_for(config, discover=False)
    return review_records([record_of(r, config, job) for r in results], job)


def workbook(review) -> bytes:
    """The review workbook of ``fzcheck review --xlsx`` for these reports."""
    from ..formats.xlsx import build_workbook

    return build_workbook(review.rows, review.diagnostics, review.rule_summary(), parts=review.parts)
