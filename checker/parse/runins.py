"""Run-in items 一是/二是… of every line of a document, found by one scan of the lines' text joined.

A run-in item (a numeral, then 是) starts a line (or a heading's run-in text), or follows a sentence
end, a colon, a space, a tab or an ideographic space.  :func:`line_items` reads one line;
:func:`runin_items` reads them all in one pass over the lines joined by ``\\n`` (the ``\\n`` before each
line standing for its start), from each 是 back to its numeral: a report has a few dozen lines and a
score of items, and one pass costs less than a regex scan of each line.  Both find the same items (a
property test holds it)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..model import Line, RunInItem
from .joined import joined_text, one_break_per_line
from .numerals import CN_NUMERAL, cn_to_int

# at the column a line is read from (a leading look-behind would make the regex engine try every
# position of every body line; a regex that opens with the class of the characters before an item
# skips to them)
_AT = re.compile(f"({CN_NUMERAL})是")
_FIRST_AFTER = frozenset("。；;！？!?：:")  # before the first column read, or any white space (str.isspace)
_LATER = "。；;！？!?：: \t\u3000"  # before any later column, only these
_LATER_SET = frozenset(_LATER)
_AFTER = re.compile(f"[{re.escape(_LATER)}]({CN_NUMERAL})是")


def line_items(line: Line, index: int, from_col: int) -> list[RunInItem]:
    """The run-in items of ``line`` (0-based ``index`` in its document) from column ``from_col``: a
    numeral and 是 at ``from_col`` itself, then each one after a sentence end, a colon or a space."""
    text = line.text
    found: list[RunInItem] = []
    m = _AT.match(text, from_col)
    if m is not None and (from_col == 0 or text[from_col - 1] in _FIRST_AFTER or text[from_col - 1].isspace()):
        found.append(_item(line, index, m.start(1), m.end(1), m.group(1), cn_to_int(m.group(1))))
    for m in _AFTER.finditer(text, from_col):
        found.append(_item(line, index, m.start(1), m.end(1), m.group(1), cn_to_int(m.group(1))))
    return found


def runin_items(lines: tuple[Line, ...], floors: Mapping[int, int]) -> dict[int, list[RunInItem]]:
    """Each line's run-in items by its 0-based index (a line without any: absent), the line read from
    column ``floors[index]`` (0 when absent; a negative floor: the line is not read)."""
    joined = joined_text(lines)
    if not lines or not one_break_per_line(lines):  # a line holds a line break: each line read alone
        return _line_by_line(lines, floors)
    found = _scan(lines, joined, floors)
    for i, floor in floors.items():  # a floor after white space that counts only at the first column
        if floor > 0 and lines[i].text[floor - 1] not in _LATER_SET:
            _put(found, i, line_items(lines[i], i, floor))
    return found


def _scan(lines: tuple[Line, ...], joined: str, floors: Mapping[int, int]) -> dict[int, list[RunInItem]]:
    """The items of ``joined`` (the lines' text, each after a \n): every numeral and 是 after a separator
    or a line's \n, found from each 是 (a literal the string search skips to) back over the numeral's
    characters, as the regex ``[\\n…](CN_NUMERAL)是`` would find them; a line's items from its floor."""
    found: dict[int, list[RunInItem]] = {}
    k, start, end = -1, 0, 1  # the line of the last item met: its index, where its text begins and ends
    find = joined.find
    q = find("是")
    while q != -1:
        r = q - 1
        if joined[r] in _NUMERAL_CHARS:
            before = joined[r - 1]  # each character read once (a new string each time)
            while before in _NUMERAL_CHARS:  # joined[0] is \n: the loop stops there at the latest
                r -= 1
                before = joined[r - 1]
            if before in _SEPARATORS:
                number = joined[r:q]
                value = _VALUES.get(number) or _value(number)
                if value:
                    if r >= end:  # a later line than the last item's: what its items need, worked out once
                        while r >= end:  # the lines in between passed over by their lengths
                            k += 1
                            start = end
                            end += len(lines[k].text) + 1
                        line = lines[k]
                        floor = floors.get(k, 0)
                        least = start + floor if floor >= 0 else end  # a line not read: no column of it is past its end
                        # _item without the call where nothing is shifted or clamped: the offset in the
                        # document of a column of ``joined``, and the first column that would be clamped
                        base, limit = line.start - start, -1 if line.shifts else line.raw_length + start
                        kept = None
                    if r >= least:
                        if q < limit:
                            item = RunInItem(number, value, k + 1, base + r, base + q + 1)
                        else:
                            item = _item(line, k, r - start, q - start, number, value)
                        if kept is None:
                            kept = found[k] = [item]
                        else:
                            kept.append(item)
        q = find("是", q + 1)
    return found


_NUMERAL_CHARS = frozenset("〇零一二三四五六七八九十百两")  # a superset of CN_NUMERAL's characters
_SEPARATORS = frozenset("\n" + _LATER)
_NUMERAL_RE = re.compile(CN_NUMERAL)
_VALUES: dict[str, int] = {}  # runs of numeral characters met so far: the numeral's value, 0 if none
_VALUES_KEPT = 4096


def _value(run: str) -> int:
    """The value of the numeral ``run`` (cn_to_int), 0 when the run is not a whole numeral (CN_NUMERAL)."""
    value = cn_to_int(run) if _NUMERAL_RE.fullmatch(run) else 0
    if len(_VALUES) < _VALUES_KEPT:
        _VALUES[run] = value
    return value


def _line_by_line(lines: tuple[Line, ...], floors: Mapping[int, int]) -> dict[int, list[RunInItem]]:
    found: dict[int, list[RunInItem]] = {}
    for i, line in enumerate(lines):
        floor = floors.get(i, 0)
        if floor >= 0:
            _put(found, i, line_items(line, i, floor))
    return found


def _put(found: dict[int, list[RunInItem]], index: int, items: list[RunInItem]) -> None:
    if items:
        found[index] = items
    else:
        found.pop(index, None)


def _item(line: Line, index: int, start: int, q: int, number: str, value: int) -> RunInItem:
    """The run-in item whose numeral ``number`` (worth ``value``) runs from column ``start`` to its 是 at
    column ``q``."""
    if line.shifts:
        return RunInItem(number, value, index + 1, line.offset(start), line.offset(q + 1))
    base, limit = line.start, line.raw_length  # Line.offset without the calls
    if q < limit:  # both columns within the raw line (start < q): nothing to clamp
        return RunInItem(number, value, index + 1, base + start, base + q + 1)
    return RunInItem(number, value, index + 1, base + min(start, limit), base + min(q + 1, limit))
