"""The machine contract of DESIGN.md §3 (``version`` 1)."""

from __future__ import annotations

import json
from json.encoder import encode_basestring as _string

from ..positions import LineIndex
from .common import LineSink, diagnostic_dict, no_extras


def section_dict(section, roles: tuple[str, ...]) -> dict:
    return {
        "role": list(roles),
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
        "sections": [section_dict(s, result.outline_roles.roles(s)) for s in result.outline.walk()] if result.outline else [],
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
    return "    " + indented(file_dict(result), level=2)


def indented(obj, level: int = 0) -> str:
    """``json.dumps(obj, ensure_ascii=False, indent=2)``, byte for byte, at twice the speed: the
    standard library encodes indented JSON in Python generators, this builds one list of pieces
    (strings are escaped by the same C function).  ``level``: the indentation it stands at."""
    out: list[str] = []
    _emit(obj, out, "\n" + "  " * level)
    return "".join(out)


def _emit(obj, out: list[str], nl: str) -> None:
    kind = type(obj)
    if kind is str:
        out.append(_string(obj))
    elif kind is dict:
        if not obj:
            out.append("{}")
            return
        inner, opening = nl + "  ", "{"
        for key, value in obj.items():
            out.append(opening + inner + _string(key if type(key) is str else json.dumps(key).strip('"')) + ": ")
            opening = ","
            _emit(value, out, inner)
        out.append(nl + "}")
    elif kind is list or kind is tuple:
        if not obj:
            out.append("[]")
            return
        inner, opening = nl + "  ", "["
        for value in obj:
            out.append(opening + inner)
            opening = ","
            _emit(value, out, inner)
        out.append(nl + "]")
    elif obj is None:
        out.append("null")
    elif obj is True:
        out.append("true")
    elif obj is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(obj))
    else:  # floats and anything else: as the standard library writes them
        out.append(json.dumps(obj, ensure_ascii=False))


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
