"""The machine contract of DESIGN.md §3 (``version`` 1)."""

from __future__ import annotations

import json

from ..positions import LineIndex
from .common import LineSink, diagnostic_dict, no_extras


def section_dict(section) -> dict:
    return {
        "role": list(section.roles),
        "level": section.level,
        "number": section.number,
        "marker": section.marker,
        "heading": section.heading,
        "line": section.line,
        "end_line": section.end_line,
    }


def file_dict(result) -> dict:
    doc = result.document
    index = LineIndex(doc.text) if doc is not None else None
    facts = result.facts
    entry = {
        "path": result.path,
        "encoding": doc.encoding if doc is not None else None,
        "source": doc.source if doc is not None else None,
        "title": facts.title if facts else None,
        "entity": facts.entity if facts else None,
        "year": facts.year if facts else None,
        "sections": [section_dict(s) for s in result.outline.walk()] if result.outline else [],
        "diagnostics": [],
    }
    if result.error:
        entry["error"] = result.error
    for d in result.diagnostics:
        item = diagnostic_dict(doc, index, d)
        item["fix"] = fix_dict(d.fix, index)
        entry["diagnostics"].append(item)
    return entry


def fix_dict(fix, index) -> dict | None:
    if fix is None or index is None:
        return None
    edits = []
    for e in fix.edits:
        line, col = index.line_col(e.start)
        end_line, end_col = index.line_col(e.end)
        edits.append({"line": line, "column": col, "end_line": end_line, "end_column": end_col, "content": e.replacement})
    return {"applicability": fix.applicability, "message": fix.title, "edits": edits}


def chunk(result, ctx) -> str:
    """The file's entry as it stands inside ``"files": [ … ]`` of the indented document."""
    text = json.dumps(file_dict(result), ensure_ascii=False, indent=2)
    return "    " + text.replace("\n", "\n    ")


extras = no_extras


class Sink(LineSink):
    """The document of DESIGN.md §3, written one file at a time: byte for byte what
    ``json.dumps(payload, ensure_ascii=False, indent=2)`` gives for the whole run."""

    def add(self, piece) -> None:
        text, record = piece
        self.out.write(('{\n  "version": 1,\n  "files": [\n' if self.totals.files == 0 else ",\n") + text)
        self.totals.add(record)

    def finish(self) -> None:
        if self.totals.files == 0:
            self.out.write('{\n  "version": 1,\n  "files": [],\n')
        else:
            self.out.write("\n  ],\n")
        summary = json.dumps(self.totals.summary(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        self.out.write(f'  "summary": {summary}\n}}\n')
