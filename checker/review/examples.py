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
