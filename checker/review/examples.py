"""The examples of cross-report rules name several reports: each ``【title】`` line starts
one, ``【上一年度：title】`` one of last year's folder.  ``split_example`` turns such an
example into report texts (used by the catalogue tests and by anyone trying a rule)."""

from __future__ import annotations

import re

_HEAD = re.compile(r"^【(?:(上一年度)：)?(.+)】$")


def split_example(text: str) -> tuple[list[str], list[str]]:
    """(this year's report texts, last year's report texts), each starting with its title line."""
    current: list[str] = []
    previous: list[str] = []
    target: list[str] | None = None
    lines: list[str] = []

    def flush() -> None:
        if target is not None:
            target.append("\n".join(lines) + "\n")

    for line in text.splitlines():
        m = _HEAD.match(line.strip())
        if m:
            flush()
            target = previous if m.group(1) else current
            lines = [m.group(2)]
        elif target is not None:
            lines.append(line)
    flush()
    return current, previous


def review_texts(texts: list[str], previous: list[str] = (), config=None):
    """Review report texts in memory exactly as ``fzcheck review`` reviews a folder: this year's
    reports are named r0.txt, r1.txt …, last year's p0.txt …  (For trying a cross-report rule.)"""
    from dataclasses import replace

    from ..api import check_text
    from ..config import Config
    from .runner import NO_RULES, job_for, record_of, review_records

    config = config or Config()
    job = job_for(config, False)
    records = [record_of(check_text(t, config, f"r{i}.txt", with_roles=True), config, job) for i, t in enumerate(texts)]
    old_config = replace(config, select=NO_RULES, ignore=())
    old_job = replace(job, previous=True)
    roles = old_job.spec.follow  # last year's parts matter only to follow-through
    old = [
        record_of(check_text(t, old_config, f"p{i}.txt", with_roles=roles), old_config, old_job) for i, t in enumerate(previous)
    ]
    return review_records(records, job, [r for r in old if not r.error], len(old))
