"""GitHub Actions workflow commands: one annotation per diagnostic,
``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message``.

Severity maps to ``error`` / ``warning`` / ``notice``.  Values are escaped as the
runner expects: ``%``, CR and LF in the message; additionally ``:`` and ``,`` in
properties.
"""

from __future__ import annotations

from ..positions import LineIndex
from .common import LineSink, no_extras, positions

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def chunk(result, ctx) -> str:
    out = []
    doc = result.document
    index = LineIndex(doc.text) if doc is not None else None
    for d in result.diagnostics:
        line, col, end_line, end_col = positions(doc, index, d)
        props = [
            f"file={escape_property(result.path)}",
            f"line={line}",
            f"col={col}",
            f"endLine={end_line}",
            f"endColumn={end_col}",
            f"title={escape_property(f'{d.code} {d.name}')}",
        ]
        message = d.message + (f"\n提示：{d.hint}" if d.hint else "")
        out.append(f"::{COMMANDS[d.severity]} {','.join(props)}::{escape_data(message)}\n")
    return "".join(out)


extras = no_extras
Sink = LineSink
