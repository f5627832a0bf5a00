"""Document → Outline: classified lines, a level post-lexer and the lark grammar."""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from ..model import Document, Outline, RunInItem, Section
from . import shape_cache
from .classify import HeadingMatch, classify
from .grammar import grammar_text
from .runins import runin_items


@lru_cache(maxsize=1)
def _parser():
    from lark import Lark

    from .lexer import LineRuns

    grammar = grammar_text()
    return Lark(grammar, start="document", parser="lalr", lexer=LineRuns, cache=cache_file(grammar))


def cache_file(grammar: str) -> str | bool:
    """Where lark keeps the analysed grammar (≈1 ms to load instead of 10–30 ms to rebuild).

    The file is named by the grammar's hash, so checkouts or versions with other grammars
    sharing the folder do not overwrite each other's tables; lark also stores a hash of the
    grammar, its options and its own version in the file and rebuilds it when they change.
    With no cache folder the parser is rebuilt.
    """
    from ..cache import cache_dir

    folder = cache_dir()
    if folder is None:
        return False
    digest = hashlib.sha256(grammar.encode("utf-8")).hexdigest()[:16]
    return os.path.join(folder, "outline-parser-py{}{}-{}.lark".format(*sys.version_info[:2], digest))


_HEAD_AT_DEPTH = ("HEAD1", "HEAD2", "HEAD3", "HEAD4")  # levels 1–4 open at most four sections
_CLOSES_ALL = frozenset(("ATTACH", "SIGN", "DATE"))


class Token(NamedTuple):
    """A grammar token: its type and the 0-based index of its first line (made a lark Token only when
    its sequence is parsed: see :func:`tree_shape`)."""

    type: str
    value: int


class Tokens:
    """The grammar's tokens over the classified lines: one per run of lines of one kind (blank lines
    dropped), one per heading named by its depth among the open sections, a stack of heading levels
    deciding where each section closes (a heading of the same or a higher level, the attachment list,
    the signature or the end).  Kept as two lists, the tokens' types and their first lines (a
    :class:`Token` each is made only when asked for: :attr:`tokens`)."""

    __slots__ = ("types", "firsts", "runs", "closes")

    def __init__(self, kinds: list[str], headings: dict[int, HeadingMatch]) -> None:
        types: list[str] = []
        firsts: list[int] = []
        runs: dict[int, list[int]] = {}  # first line index of a run → the line indices of the run
        closes: dict[int, int] = {}  # heading line index → the line index that closes its section
        stack: list[tuple[int, int]] = []  # (level, heading line index) of the open sections
        run: list[int] = []
        last = ""
        for i, kind in enumerate(kinds):
            if kind == "BLANK":
                continue
            if kind == "H":
                level = headings[i].level
                while stack and stack[-1][0] >= level:
                    closes[stack.pop()[1]] = i
                stack.append((level, i))
                types.append(_HEAD_AT_DEPTH[len(stack) - 1])
                firsts.append(i)
                last = kind
                continue
            if kind in _CLOSES_ALL:
                while stack:
                    closes[stack.pop()[1]] = i
            if kind == last:
                run.append(i)
                continue
            run = runs[i] = [i]
            types.append(kind)
            firsts.append(i)
            last = kind
        while stack:
            closes[stack.pop()[1]] = len(kinds)
        self.types, self.firsts, self.runs, self.closes = types, firsts, runs, closes

    @property
    def tokens(self) -> list[Token]:
        """The tokens, in order."""
        return [Token(kind, first) for kind, first in zip(self.types, self.firsts)]

    def lines(self, token: Token) -> tuple[int, ...]:
        """The 1-based lines of a token's run."""
        return self.lines_from(token.value)

    def lines_from(self, first: int) -> tuple[int, ...]:
        """The 1-based lines of the run whose first line index is ``first``."""
        return tuple([i + 1 for i in self.runs[first]])


# The parse trees of the token sequences met so far, by the tokens' types, each with its plan (see
# :func:`shape_plan`): the grammar reads the types alone, and a few hundred sequences make up a
# thousand reports.
_SHAPES: dict[tuple[str, ...], tuple[tuple, "Plan"]] = {}
SHAPES_KEPT = 1024
# The parse trees of the pieces those sequences are parsed in (see :func:`_pieces`), by the pieces'
# types: a thousand reports' few hundred sequences are made of a dozen parts and as many openings and
# closings, so lark parses a few dozen short sequences instead of a few hundred whole ones.
_PIECES: dict[tuple[str, ...], tuple] = {}
PIECES_KEPT = 1024


class Plan(NamedTuple):
    """A parse tree laid out flat, in document order: each part as (its HEAD token's index, the index in
    ``parts`` of its parent or -1, its BODY token's index or -1), and the document's own tokens."""

    parts: tuple[tuple[int, int, int], ...]
    own: tuple[int, ...]


def tree_shape(tokens: list[Token]) -> tuple:
    """The lark parse tree of ``tokens`` as nested tuples: a node's children in order, a token as its index
    in ``tokens``, a part as the tuple of its own children (parsed once per sequence of token types)."""
    return _kept(tokens)[0]


def shape_plan(tokens: list[Token]) -> Plan:
    """The parse tree of ``tokens`` laid out flat (worked out once per sequence of token types)."""
    return _kept(tokens)[1]


def _kept(tokens: list[Token]) -> tuple[tuple, Plan]:
    return _kept_by_types(tuple([token.type for token in tokens]))


def _kept_by_types(key: tuple[str, ...]) -> tuple[tuple, Plan]:
    """The parse tree and plan of the token types ``key`` (kept once worked out)."""
    kept = _SHAPES.get(key)
    if kept is None:
        shape = shape_cache.stored_shape(key)  # parsed by an earlier run
        if shape is None:
            shape = _shape_by_pieces(key)
            shape_cache.remember(key, shape)
        if len(_SHAPES) >= SHAPES_KEPT:  # the oldest goes: memory stays flat in the number of files
            del _SHAPES[next(iter(_SHAPES))]
        kept = _SHAPES[key] = (shape, _plan_of(shape))
    return kept


_CLOSING = frozenset(("ATTACH", "SIGN", "DATE"))  # what ends the last top-level part (the grammar's closing runs)


def _pieces(types: tuple[str, ...]) -> tuple[tuple[str, ...], int, list[int]]:
    """The sequence ``types`` cut where the grammar's top-level parts begin and end: the document's own
    runs with one HEAD1 standing for all its parts (the *frame*), the index in the frame of that HEAD1
    (-1: no part), and where each part begins in ``types`` and where the last ends (a part runs from its
    HEAD1 to the next HEAD1, the first closing run or the end: inside a part the grammar allows neither;
    what follows the first closing run is the frame's)."""
    if "HEAD1" not in types:
        return types, -1, []
    first = types.index("HEAD1")
    end = next((k for k in range(first, len(types)) if types[k] in _CLOSING), len(types))
    starts = [k for k in range(first, end) if types[k] == "HEAD1"]
    return (*types[:first], "HEAD1", *types[end:]), first, [*starts, end]


def _shape_by_pieces(types: tuple[str, ...]) -> tuple:
    """The parse tree of ``types`` (as :func:`tree_shape` gives it) put together from the trees of its
    pieces, each parsed as a document of its own: the frame's, whose one part is replaced by the parts'
    own trees, their token indices moved to their places in ``types``.  The grammar is LALR and
    unambiguous, so the tree of the whole is its pieces' trees, and lark rejects the whole exactly when
    it rejects a piece (a part parsed as a document is one ``section1``: it holds one HEAD1 and no run
    the document's own runs allow after the parts)."""
    frame, at, bounds = _pieces(types)
    framed = _piece_shape(frame)
    if at < 0:
        return framed
    parts = []
    for start, stop in zip(bounds, bounds[1:]):
        (part,) = _piece_shape(types[start:stop])
        parts.append(_moved(part, start))
    moved = bounds[-1] - at - 1  # the frame's runs after its part are this much further on in ``types``
    out: list = []
    for child in framed:
        if isinstance(child, tuple):
            out.extend(parts)
        else:
            out.append(child if child < at else child + moved)
    return tuple(out)


def _moved(shape: tuple, by: int) -> tuple:
    return tuple(_moved(child, by) if isinstance(child, tuple) else child + by for child in shape)


def _piece_shape(types: tuple[str, ...]) -> tuple:
    """The lark parse tree of one piece's token types as a document (parsed once per piece)."""
    shape = _PIECES.get(types)
    if shape is None:
        from lark import Token as LarkToken

        parsed = [LarkToken(kind, k) for k, kind in enumerate(types)]
        index = {id(token): k for k, token in enumerate(parsed)}
        shape = _shape_of(_parser().parse(parsed), index)
        if len(_PIECES) >= PIECES_KEPT:  # the oldest goes: memory stays flat in the number of files
            del _PIECES[next(iter(_PIECES))]
        _PIECES[types] = shape
    return shape


def _shape_of(node, index: dict[int, int]) -> tuple:
    return tuple(index[id(child)] if isinstance(child, str) else _shape_of(child, index) for child in node.children)


def _plan_of(shape: tuple) -> Plan:
    parts: list[tuple[int, int, int]] = []
    own: list[int] = []
    for child in shape:
        if isinstance(child, tuple):
            _lay_out(child, -1, parts)
        else:
            own.append(child)
    return Plan(tuple(parts), tuple(own))


def _lay_out(node: tuple, parent: int, parts: list[tuple[int, int, int]]) -> None:
    """Append a ``section<depth>`` node (HEAD<depth> BODY? section<depth+1>*) and its sub-parts to ``parts``."""
    at = len(parts)
    parts.append(node)  # its place kept: its own entry is made once its BODY (its first token after HEAD) is met
    body = -1
    for child in node[1:]:
        if type(child) is tuple:
            _lay_out(child, at, parts)
        elif body < 0:
            body = child
    parts[at] = (node[0], parent, body)


def parse_document(doc: Document, split_heads: frozenset[int] = frozenset(), split: str = "") -> Outline:
    """The outline of ``doc``; ``split_heads`` are the lines of a flattened report's view
    (checker/parse/split.py) that begin at a heading marker, ``split`` the view's mode."""
    kinds, headings = classify(doc.lines, doc.style_levels)
    for i in split_heads:
        if i in headings and headings[i].how == "numbered":
            headings[i] = replace(headings[i], how="split")
    tokens = Tokens(kinds, headings)
    runins = runin_items(doc.lines, {i: h.body_start for i, h in headings.items()})  # a heading's from its run-in text
    plan = _kept_by_types(tuple(tokens.types))[1]  # shape_plan(tokens.tokens) without making the tokens
    outline = Outline(doc.lines, tuple(kinds))
    outline.split = split
    outline.sections = _sections(doc, kinds, headings, tokens, runins, plan.parts)
    signature: list[int] = []
    types, firsts = tokens.types, tokens.firsts
    for k in plan.own:
        kind = types[k]
        if kind == "TITLE":
            outline.title_lines = tokens.lines_from(firsts[k])
        elif kind == "BODY":
            outline.preamble = tokens.lines_from(firsts[k])
            for n in outline.preamble:
                outline.preamble_items.extend(runins.get(n - 1, ()))
        elif kind == "ATTACH":
            outline.attachments = tokens.lines_from(firsts[k])
        elif kind in ("SIGN", "DATE"):
            signature.extend(tokens.lines_from(firsts[k]))
    outline.signature = tuple(signature)
    outline.done()
    return outline


def _sections(
    doc: Document,
    kinds: list[str],
    headings: dict[int, HeadingMatch],
    tokens: Tokens,
    runins: dict[int, list[RunInItem]],
    parts: tuple[tuple[int, int, int], ...],
) -> list[Section]:
    """The sections of a plan's parts, each with its sub-sections and its run-in items (those of the
    heading's own run-in text, then of its body lines); the top-level ones returned."""
    top: list[Section] = []
    made: list[Section] = []
    firsts, runs, closes = tokens.firsts, tokens.runs, tokens.closes
    for head, parent, body in parts:
        i = firsts[head]
        items = runins.get(i) or []  # the heading line's own list: no other section's (each line is one's)
        if body >= 0:
            for n in runs[firsts[body]]:
                found = runins.get(n)
                if found:
                    items.extend(found)
        end = closes[i] - 1  # _trim_end without the call (a section closes after its heading's line)
        while end > i and kinds[end] == "BLANK":
            end -= 1
        owner = made[parent] if parent >= 0 else None
        section = _section(doc, headings[i], i, end + 1, items, owner)
        made.append(section)
        (top if owner is None else owner.children).append(section)
    return top


def _section(doc: Document, h: HeadingMatch, i: int, end_line: int, items: list[RunInItem], parent: Section | None) -> Section:
    """The section headed by line index ``i`` (its children are added by :func:`_sections`)."""
    line = doc.lines[i]
    if line.shifts:
        offset = line.offset
        hs, he, ms, me = offset(h.heading_start), offset(h.heading_end), offset(h.marker_start), offset(h.marker_end)
    elif len(line.text) <= line.raw_length:  # Line.offset without the calls: every column within the raw line
        base = line.start
        hs, he, ms, me = base + h.heading_start, base + h.heading_end, base + h.marker_start, base + h.marker_end
    else:
        base, limit = line.start, line.raw_length
        hs, he = base + min(h.heading_start, limit), base + min(h.heading_end, limit)
        ms, me = base + min(h.marker_start, limit), base + min(h.marker_end, limit)
    return Section(  # positional (keywords cost twice the call): the fields in model.Section's order
        h.level,
        h.number,
        h.value,
        line.text[h.marker_start : h.marker_end],
        h.form,
        h.canonical,
        h.heading,
        i + 1,
        end_line,
        (hs, he),
        (ms, me),
        h.heading_start,
        h.body_start,
        h.how,
        [],
        items,
        parent,
    )


def _trim_end(kinds: list[str], close_index: int, start_line: int) -> int:
    """Last non-blank line before ``close_index`` (0-based), as a 1-based number."""
    j = min(close_index, len(kinds)) - 1
    while j >= start_line and kinds[j] == "BLANK":
        j -= 1
    return max(j + 1, start_line)
