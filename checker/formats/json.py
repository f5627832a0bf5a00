"""The machine contract of DESIGN.md §3 (``version`` 1)."""

from __future__ import annotations

import json
from bisect import bisect_right
from json.encoder import encode_basestring as _string

from ..positions import LineIndex
from .common import LineSink, Places, diagnostic_dict, location, no_extras


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


def _sections(result) -> list[dict]:
    """The outline's sections; a flattened report's (parsed as a split view) at the file's own lines."""
    if not result.outline:
        return []
    found = [section_dict(s, result.outline_roles.roles(s)) for s in result.outline.walk()]
    if result.outline.split and result.document is not None:
        where = Places(result)
        for d in found:
            d["line"], d["end_line"] = where.line(d["line"]), where.line(d["end_line"])
    return found


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
        "sections": _sections(result),
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
        line, col, end_line, end_col = index.span(e.start, e.end)
        edits.append({"line": line, "column": col, "end_line": end_line, "end_column": end_col, "content": e.replacement})
    return {"applicability": fix.applicability, "message": fix.title, "edits": edits}


def chunk(result, ctx) -> str:
    """The file's entry as it stands inside ``"files": [ … ]`` of the indented document: byte for byte
    ``"    " + indented(file_dict(result), level=2)``, written field by field without building the
    dictionaries first (a third of the time; tests/formats/test_json_chunk.py holds the two equal)."""
    doc = result.document
    index = LineIndex.of(doc) if doc is not None else None
    facts = result.facts
    out = [
        '    {\n      "path": ',
        _value(result.path, 3),
        ',\n      "encoding": ',
        _value(doc.encoding, 3) if doc is not None else "null",
        ',\n      "source": ',
        _value(doc.source, 3) if doc is not None else "null",
        ',\n      "title": ',
        _value(facts.title, 3) if facts else "null",
        ',\n      "entity": ',
        _value(facts.entity, 3) if facts else "null",
        ',\n      "year": ',
        _value(facts.year, 3) if facts else "null",
        ',\n      "sections": ',
    ]
    sections = list(result.outline.walk()) if result.outline else []
    if sections:
        line = Places(result).line if result.outline.split and doc is not None else None  # a flattened report: the file's line
        out.append(_sections_text(sections, result.outline_roles.roles, line))
    else:
        out.append("[]")
    out.append(',\n      "diagnostics": ')
    if result.diagnostics:
        opening = "["
        for d in result.diagnostics:
            out.append(opening)
            opening = ","
            _diagnostic(doc, index, d, out)
        out.append("\n      ]")
    else:
        out.append("[]")
    if result.error:
        out.append(',\n      "error": ')
        out.append(_value(result.error, 3))
    out.append("\n    }")
    return "".join(out)



def chunk_bytes(result, ctx) -> bytes:
    """``chunk(result, ctx).encode("utf-8")`` (raising its UnicodeEncodeError, if any), made of parts
    kept encoded: a rule's fixed text (code, name, severity, hint and basis: most of a piece's Chinese),
    a fix's and a section's openings and the line and column numbers are encoded once, a finding's
    message and fix content and a section's heading each time.  A str holding Chinese is two bytes a
    character, and its UTF-8 is written character by character: encoding the whole piece cost ~170,000
    instructions a report, these parts ~10,000 (tests/formats/test_json_chunk_bytes.py holds the two
    equal).  The uncommon findings and files are written as text and encoded."""
    doc = result.document
    if doc is None or doc.locations or result.error or (result.outline and result.outline.split):
        return chunk(result, ctx).encode("utf-8")
    index = LineIndex.of(doc)
    facts = result.facts
    out = [
        (
            f'    {{\n      "path": {_value(result.path, 3)},\n      "encoding": {_value(doc.encoding, 3)},\n      "source": '
            f'{_value(doc.source, 3)},\n      "title": {_value(facts.title, 3) if facts else "null"},\n      "entity": '
            f'{_value(facts.entity, 3) if facts else "null"},\n      "year": {_value(facts.year, 3) if facts else "null"},'
            '\n      "sections": '
        ).encode("utf-8")
    ]
    sections = result.outline.walk() if result.outline else ()
    if not sections:
        out.append(b"[]")
    elif not _sections_bytes(sections, result.outline_roles.roles, out):
        out.append(_sections_text(list(sections), result.outline_roles.roles).encode("utf-8"))
    out.append(b',\n      "diagnostics": ')
    if result.diagnostics:
        opening = b"["
        for d in result.diagnostics:
            out.append(opening)
            opening = b","
            if not _diagnostic_bytes(index, d, out):
                text: list[str] = []
                _diagnostic(doc, index, d, text)
                out.append("".join(text).encode("utf-8"))
        out.append(b"\n      ]\n    }")
    else:
        out.append(b"[]\n    }")
    return b"".join(out)


def _sections_bytes(sections, roles_of, out: list[bytes]) -> bool:
    """_sections_text's bytes appended to ``out`` when every section's values are of the usual types
    (else nothing is appended: False)."""
    written: list[bytes] = []
    heads, line_at, end_line_at = _SECTION_HEADS_BYTES, _SECTION_LINE_AT, _SECTION_END_LINE_AT
    opening = b"["
    for s in sections:
        roles, level, number, marker, heading, first, last = roles_of(s), s.level, s.number, s.marker, s.heading, s.line, s.end_line
        if not (type(level) is int and type(number) is str and type(marker) is str and type(heading) is str
                and type(first) is int and type(last) is int):  # fmt: skip
            return False
        key = (roles, level, number, marker)
        head = heads.get(key)
        if head is None:
            head = _kept(heads, 4096, _section_head_bytes, key)
        written += (opening, head, _string(heading).encode("utf-8"), line_at[first], end_line_at[last], _SECTION_END_BYTES)
        opening = b","
    out += written
    out.append(b"\n      ]")
    return True


def _section_head_bytes(roles, level, number, marker) -> bytes:
    return _section_head(roles, level, number, marker).encode("utf-8")


def _diagnostic_bytes(index, d, out: list[bytes]) -> bool:
    """_diagnostic's bytes appended to ``out`` for a finding of the usual kind: a message that is a str,
    no fix or the usual fix (one edit whose content is a str), rule text that can be a key (else
    nothing is appended: False)."""
    message, fix = d.message, d.fix
    if type(message) is not str:
        return False
    if fix is not None:
        edits = fix.edits
        if len(edits) != 1 or type(edits[0].replacement) is not str:
            return False
    key = (d.code, d.name, d.severity, d.hint, d.basis)
    try:
        parts = _RULE_BYTES.get(key)
    except TypeError:
        return False
    if parts is None:
        parts = _kept(_RULE_BYTES, 4096, _make_rule_bytes, key)
    head, up_to_fix = parts
    span = d.span
    start, end = span.start, span.end
    starts = index._starts  # index.span(start, end), its usual case (both ends on one line) here
    line = bisect_right(starts, start)
    if 0 <= start <= end <= index._length and (line == len(starts) or end < starts[line]):
        first = starts[line - 1] - 1
        line, col, end_line, end_col = line, start - first, line, end - first
    else:
        line, col, end_line, end_col = index.span(start, end)
    message = _string(message).encode("utf-8")
    if fix is None:
        out += (head, message, _LINE_AT[line], _COLUMN_AT[col], _END_LINE_AT[end_line], _END_COLUMN_AT[end_col], up_to_fix, _NO_FIX_BYTES)
        return True
    out += (head, message, _LINE_AT[line], _COLUMN_AT[col], _END_LINE_AT[end_line], _END_COLUMN_AT[end_col], up_to_fix)
    edit = fix.edits[0]
    if edit.start != start or edit.end != end:
        line, col, end_line, end_col = index.span(edit.start, edit.end)
    key = (fix.applicability, fix.title)
    try:
        fix_head = _FIX_HEADS_BYTES.get(key)
    except TypeError:
        fix_head = None
        key = None
    if fix_head is None:
        fix_head = _fix_head(fix).encode("utf-8")
        if key is not None:
            _keep(_FIX_HEADS_BYTES, 512, key, fix_head)
    out += (fix_head, _NUMERALS_BYTES[line], _EDIT_COLUMN_AT[col], _EDIT_END_LINE_AT[end_line], _EDIT_END_COLUMN_AT[end_col],
            _EDIT_CONTENT_BYTES, _string(edit.replacement).encode("utf-8"), _ONE_EDIT_END_BYTES)  # fmt: skip
    return True


def _keep(table: dict, limit: int, key, value) -> None:
    if len(table) > limit:
        table.clear()
    table[key] = value


def _make_rule_bytes(code, name, severity, hint, basis) -> tuple[bytes, bytes]:
    """(the opening up to the message, the hint and basis up to the fix), encoded."""
    head, _, up_to_fix = _make_rule_parts(code, name, severity, hint, basis)
    return head.encode("utf-8"), up_to_fix.encode("utf-8")



def _nl(level: int) -> str:
    return "\n" + "  " * level


_N4, _N5, _N6, _N7, _N8 = (_nl(n) for n in range(4, 9))
_ROLES: dict[tuple, str] = {}


class _Numerals(dict):
    """int → its decimal text (as ``indented`` writes it), kept as numbers turn up: the same few
    hundred line and column numbers in every file, each written once instead of some 120 times a file.
    Looked up with ints only (never a bool: True would find 1's)."""

    def __missing__(self, number: int) -> str:
        if len(self) > 65536:
            self.clear()
        text = self[number] = int.__repr__(number)
        return text


_NUMERALS = _Numerals()


def _roles(roles: tuple[str, ...]) -> str:
    """A section's roles as the indented list at level 5 (the same few tuples in every report)."""
    hit = _ROLES.get(roles)
    if hit is None:
        if len(_ROLES) > 512:
            _ROLES.clear()
        hit = _ROLES[roles] = indented(list(roles), 5) if roles else "[]"
    return hit


# The fixed parts of a section, a finding and a fix as ``indented`` writes them, between their values:
# the values are put in by f-strings (a "%" format reads its whole pattern at each use, twice the time).
_SECTION_ROLE = f'{_N4}{{{_N5}"role": '
_SECTION_LEVEL, _SECTION_NUMBER, _SECTION_MARKER = f',{_N5}"level": ', f',{_N5}"number": ', f',{_N5}"marker": '
_SECTION_HEADING, _SECTION_LINE, _SECTION_END_LINE = f',{_N5}"heading": ', f',{_N5}"line": ', f',{_N5}"end_line": '
_SECTION_END = f"{_N4}}}"
_LINE, _COLUMN, _END_LINE, _END_COLUMN = f',{_N5}"line": ', f',{_N5}"column": ', f',{_N5}"end_line": ', f',{_N5}"end_column": '
_LOCATION = f'{_N5}"location": '
_FIX, _FINDING_END = f'{_N5}"fix": ', f"{_N4}}}"
_EDIT_LINE, _EDIT_COLUMN = f'{_N7}{{{_N8}"line": ', f',{_N8}"column": '
_EDIT_END_LINE, _EDIT_END_COLUMN, _EDIT_CONTENT = f',{_N8}"end_line": ', f',{_N8}"end_column": ', f',{_N8}"content": '
_EDIT_END, _EDITS_END, _FIX_END = f"{_N7}}}", f"{_N6}]", f"{_N5}}}"
_ONE_EDIT_END = f"{_EDIT_END}{_EDITS_END}{_FIX_END}{_FINDING_END}"  # a fix of one edit's ending, and the finding's
_NEXT_EDIT = "," + _EDIT_LINE  # between two edits
# … and as bytes, for chunk_bytes (the labels before a number: with it, _NumeralBytes)
_SECTION_END_BYTES, _EDIT_CONTENT_BYTES = _SECTION_END.encode(), _EDIT_CONTENT.encode()
_ONE_EDIT_END_BYTES, _NO_FIX_BYTES = _ONE_EDIT_END.encode(), f"null{_FINDING_END}".encode()


class _NumeralBytes(dict):
    """int → the label before it (``,\n … "line": ``) and its decimal text, encoded, kept as numbers turn
    up (as _Numerals, for chunk_bytes: one part for the two)."""

    def __init__(self, label: str = "") -> None:
        super().__init__()
        self.label = label.encode("ascii")

    def __missing__(self, number: int) -> bytes:
        if len(self) > 65536:
            self.clear()
        data = self[number] = self.label + int.__repr__(number).encode("ascii")
        return data


_NUMERALS_BYTES = _NumeralBytes()
_LINE_AT, _COLUMN_AT, _END_LINE_AT, _END_COLUMN_AT = map(_NumeralBytes, (_LINE, _COLUMN, _END_LINE, _END_COLUMN))
_EDIT_COLUMN_AT, _EDIT_END_LINE_AT, _EDIT_END_COLUMN_AT = map(_NumeralBytes, (_EDIT_COLUMN, _EDIT_END_LINE, _EDIT_END_COLUMN))
_SECTION_LINE_AT, _SECTION_END_LINE_AT = map(_NumeralBytes, (_SECTION_LINE, _SECTION_END_LINE))
_RULE_BYTES: dict[tuple, tuple[bytes, bytes]] = {}
_FIX_HEADS_BYTES: dict[tuple, bytes] = {}
_SECTION_HEADS_BYTES: dict[tuple, bytes] = {}



def _sections_text(sections: list, roles_of, line=None) -> str:
    """The sections as the indented list at level 3 (``line``: the file's line of an outline line)."""
    written = []
    heads = _SECTION_HEADS
    for s in sections:
        roles, level, number, marker, heading, first, last = roles_of(s), s.level, s.number, s.marker, s.heading, s.line, s.end_line
        if line is not None:
            first, last = line(first), line(last)
        if type(level) is int and type(number) is str and type(marker) is str:  # the usual types
            key = (roles, level, number, marker)
            head = heads.get(key)
            if head is None:
                head = _kept(heads, 4096, _section_head, key)
        else:
            head = _section_head(roles, level, number, marker)
        # an int in an f-string is its repr; anything else as ``indented`` writes it
        first = _NUMERALS[first] if type(first) is int else _value(first, 5)
        last = _NUMERALS[last] if type(last) is int else _value(last, 5)
        heading = _string(heading) if type(heading) is str else _value(heading, 5)
        written.append(f"{head}{heading}{_SECTION_LINE}{first}{_SECTION_END_LINE}{last}{_SECTION_END}")
    return f"[{','.join(written)}\n      ]"


# a section's opening up to its heading by its roles, level, number and marker (all of the usual types):
# the same few in every report, so written once
_SECTION_HEADS: dict[tuple, str] = {}


def _section_head(roles: tuple[str, ...], level, number, marker) -> str:
    level, number, marker = _value(level, 5), _value(number, 5), _value(marker, 5)
    return f"{_SECTION_ROLE}{_roles(roles)}{_SECTION_LEVEL}{level}{_SECTION_NUMBER}{number}{_SECTION_MARKER}{marker}{_SECTION_HEADING}"


# a finding's opening up to its message (its rule's code, name and severity) and its hint and basis,
# as JSON, by (code, name, severity, hint, basis): the same few in every file, so written once
_RULE_PARTS: dict[tuple, tuple[str, str]] = {}


def _kept(table: dict, limit: int, make, key: tuple):
    """``make(*key)``, kept in ``table`` (emptied past ``limit`` entries); made each time for a key
    holding an unhashable value."""
    try:
        hit = table.get(key)
    except TypeError:
        return make(*key)
    if hit is None:
        if len(table) > limit:
            table.clear()
        hit = table[key] = make(*key)
    return hit


def _make_rule_parts(code, name, severity, hint, basis) -> tuple[str, str, str]:
    """(the opening up to the message, the hint and basis, the hint and basis up to the fix)."""
    head = f'{_N4}{{{_N5}"code": {_text(code)},{_N5}"name": {_text(name)},{_N5}"severity": {_text(severity)},{_N5}"message": '
    hint_and_basis = f',{_N5}"hint": {_value(hint, 5)},{_N5}"basis": {_value(basis, 5)},'
    return head, hint_and_basis, hint_and_basis + _FIX


def _diagnostic(doc, index, d, out: list[str]) -> None:
    span = d.span
    start, end = span.start, span.end
    if index is None:
        at = (1, 1, 1, 1)  # as common.positions gives
    else:  # index.span(start, end), its usual case (both ends on one line) here: a call less per finding
        starts = index._starts
        line = bisect_right(starts, start)
        if 0 <= start <= end <= index._length and (line == len(starts) or end < starts[line]):
            first = starts[line - 1] - 1
            at = (line, start - first, line, end - first)
        else:
            at = index.span(start, end)
    line, col, end_line, end_col = at  # ints: written as ``indented`` writes them
    key = (d.code, d.name, d.severity, d.hint, d.basis)
    try:
        parts = _RULE_PARTS.get(key)
    except TypeError:  # a value that cannot be a key: made each time
        parts = None
    head, hint_and_basis, up_to_fix = parts if parts is not None else _kept(_RULE_PARTS, 4096, _make_rule_parts, key)
    message, fix = d.message, d.fix
    message = _string(message) if type(message) is str else _value(message, 5)
    if doc is not None and doc.locations:
        where = location(doc, line)
        if where:
            up_to_fix = f"{hint_and_basis}{_LOCATION}{_value(where, 5)},{_FIX}"
    numerals = _NUMERALS
    line, col, end_line, end_col = numerals[line], numerals[col], numerals[end_line], numerals[end_col]
    place = f"{_LINE}{line}{_COLUMN}{col}{_END_LINE}{end_line}{_END_COLUMN}{end_col}"
    if fix is None or index is None:
        out.append(f"{head}{message}{place}{up_to_fix}null{_FINDING_END}")
        return
    edits = fix.edits
    if len(edits) == 1:
        edit = edits[0]
        content = edit.replacement
        if type(content) is str:  # the usual fix: one edit, of the finding's span or (a third) next to it
            if edit.start != start or edit.end != end:
                line, col, end_line, end_col = index.span(edit.start, edit.end)
                line, col, end_line, end_col = numerals[line], numerals[col], numerals[end_line], numerals[end_col]
            out.append(
                f"{head}{message}{place}{up_to_fix}{_fix_head(fix)}{line}{_EDIT_COLUMN}{col}{_EDIT_END_LINE}"
                f"{end_line}{_EDIT_END_COLUMN}{end_col}{_EDIT_CONTENT}{_string(content)}{_ONE_EDIT_END}"
            )
            return
    out.append(f"{head}{message}{place}{up_to_fix}{_fix(fix, index, span, at)}{_FINDING_END}")


def _fix(fix, index, span=None, at=None) -> str:
    """``indented(fix_dict(fix, index), level=5)``, written directly: most findings carry a fix, whose
    edit is mostly the finding's own span (``span``, at the positions ``at``)."""
    if fix is None or index is None:
        return "null"
    edits = fix.edits
    if not edits:
        return f"{_fix_head(fix)[: -len(_EDIT_LINE)]}]{_FIX_END}"
    return f"{_fix_head(fix)}{_NEXT_EDIT.join([_edit(e, index, span, at) for e in edits])}{_EDITS_END}{_FIX_END}"


def _fix_head(fix) -> str:
    """A fix's opening up to its first edit's line (its applicability and title, the same few in
    every file): ``{ … "edits": [`` and the edit's opening."""
    key = (fix.applicability, fix.title)
    try:
        head = _FIX_HEADS.get(key)
    except TypeError:  # a value that cannot be a key: made each time
        return _make_fix_head(*key)
    return head if head is not None else _kept(_FIX_HEADS, 512, _make_fix_head, key)


def _edit(e, index, span, at) -> str:
    """An edit from its line on (the opening before it is the fix's, or _NEXT_EDIT)."""
    if span is not None and e.start == span.start and e.end == span.end:
        line, col, end_line, end_col = at
    else:
        line, col, end_line, end_col = index.span(e.start, e.end)
    numerals = _NUMERALS
    line, col, end_line, end_col = numerals[line], numerals[col], numerals[end_line], numerals[end_col]
    content = e.replacement
    content = _string(content) if type(content) is str else _value(content, 8)
    return f"{line}{_EDIT_COLUMN}{col}{_EDIT_END_LINE}{end_line}{_EDIT_END_COLUMN}{end_col}{_EDIT_CONTENT}{content}{_EDIT_END}"


_FIX_HEADS: dict[tuple, str] = {}  # a fix's opening up to its edits by its applicability and title


def _make_fix_head(applicability, title) -> str:
    return f'{{{_N6}"applicability": {_value(applicability, 6)},{_N6}"message": {_value(title, 6)},{_N6}"edits": [{_EDIT_LINE}'


_ENCODED: dict[str, str] = {}


def _text(value) -> str:
    """A rule's fixed text (code, name, severity, basis) as JSON: the same few strings in every file, so
    encoded once (a hint or a message may name what was found: those are encoded each time)."""
    if type(value) is not str:
        return _value(value, 5)
    hit = _ENCODED.get(value)
    if hit is None:
        if len(_ENCODED) > 4096:
            _ENCODED.clear()
        hit = _ENCODED[value] = _string(value)
    return hit


def _value(value, level: int) -> str:
    """One value as ``indented`` writes it at ``level``."""
    kind = type(value)
    if kind is str:
        return _string(value)
    if value is None:
        return "null"
    if kind is int:
        return int.__repr__(value)
    return indented(value, level)


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


_OPENING = '{\n  "version": 1,\n  "files": [\n'


class Sink(LineSink):
    """The document of DESIGN.md §3, written one file at a time: byte for byte what
    ``json.dumps(payload, ensure_ascii=False, indent=2)`` gives for the whole run."""

    def add(self, piece) -> None:
        text, record = piece
        opening = _OPENING if self.totals.files == 0 else ",\n"
        if type(text) is bytes:  # a worker encoded it (TAKES_BYTES): the opening, ASCII, goes with it
            self.out.write(opening.encode("ascii") + text)
        else:
            self.out.write(opening + text)
        self.totals.add(record)

    def finish(self) -> None:
        if self.totals.files == 0:
            self.out.write('{\n  "version": 1,\n  "files": [],\n')
        else:
            self.out.write("\n  ],\n")
        summary = json.dumps(self.totals.summary(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        self.out.write(f'  "summary": {summary}\n}}\n')
