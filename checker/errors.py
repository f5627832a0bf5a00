from __future__ import annotations

import re


class ConfigError(Exception):
    """A bad rule pack or configuration; the message is Chinese and names file and line."""


def line_of(text: str, needle: str, rule: str | None = None) -> int:
    """The 1-based line of ``needle`` in a TOML file's ``text``: its ``needle = …`` line if there is
    one, else the first line that mentions it; inside the ``[[rule]]`` table whose code is ``rule``
    when given (so a mistake in the second rule is not reported at the first rule's same key)."""
    start, end = _rule_table(text, rule) if rule else (0, len(text))
    assignment = re.compile(rf"^[ \t]*{re.escape(needle)}[ \t]*=", re.M)
    m = assignment.search(text, start, end) or re.compile(re.escape(needle)).search(text, start, end)
    if m is None and rule:
        return line_of(text, needle)
    return text.count("\n", 0, m.start()) + 1 if m else 1


def _rule_table(text: str, code: str) -> tuple[int, int]:
    """Where the table holding ``code = "<code>"`` starts and ends in ``text`` (the whole text if none)."""
    m = re.search(rf"^[ \t]*code[ \t]*=[ \t]*[\"']{re.escape(code)}[\"']", text, re.M)
    if m is None:
        return 0, len(text)
    headers = [h.start() for h in re.finditer(r"^[ \t]*\[", text, re.M)]
    start = max((h for h in headers if h <= m.start()), default=0)
    end = min((h for h in headers if h > m.start()), default=len(text))
    return start, end
