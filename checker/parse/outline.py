"""Document → Outline: classified lines, a level post-lexer and the lark grammar."""

from __future__ import annotations

import os
import re
import sys
from dataclasses import replace
from functools import lru_cache

from ..model import Document, Outline, RunInItem, Section, Span
from .classify import HeadingMatch, classify
from .numerals import CN_NUMERAL, cn_to_int

# A run-in item 一是/二是… starts the line, or follows a sentence end, a colon or white space (checked in
# _items: a leading look-behind would make the regex engine try every position of every body line).
_RUNIN_RE = re.compile(rf"(?P<n>{CN_NUMERAL})是")
_RUNIN_AFTER = frozenset("。；;！？!?：:")  # or any white space (str.isspace, i.e. regex \s)
_RUNIN_AFTER_LATER = frozenset("。；;！？!?：: \t\u3000")  # after the first column only these


@lru_cache(maxsize=1)
def _parser():
    from lark import Lark

    path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "grammar", "outline.lark")
    with open(path, encoding="utf-8") as f:  # plain file access: importlib.resources costs ≈4 ms of imports
        grammar = f.read()
    return Lark(grammar, start="document", parser="lalr", lexer="basic", cache=cache_file())


def cache_file() -> str | bool:
    """Where lark keeps the analysed grammar (≈1 ms to load instead of 10–30 ms to rebuild).

    lark stores a hash of the grammar, its options and its own version in the file
    and rebuilds it when they change; with no cache folder the parser is rebuilt.
    """
    from ..cache import cache_dir

    folder = cache_dir()
    if folder is None:
        return False
    return os.path.join(folder, "outline-parser-py{}{}.lark".format(*sys.version_info[:2]))


def _tokens(kinds: list[str], headings: dict[int, HeadingMatch]):
    """Yield (type, line index) with CLOSE tokens for a stack of heading levels."""
    stack: list[int] = []
    for i, kind in enumerate(kinds):
        if kind == "BLANK":
            continue
        if kind == "H":
            level = headings[i].level
            while stack and stack[-1] >= level:
                stack.pop()
                yield "CLOSE", i
            stack.append(level)
            yield "HEAD", i
            continue
        if kind in ("ATTACH", "SIGN", "DATE"):
            while stack:
                stack.pop()
                yield "CLOSE", i
        yield kind, i
    while stack:
        stack.pop()
        yield "CLOSE", len(kinds)


def parse_document(doc: Document, split_heads: frozenset[int] = frozenset(), split: str = "") -> Outline:
    """The outline of ``doc``; ``split_heads`` are the lines of a flattened report's view
    (checker/parse/split.py) that begin at a heading marker, ``split`` the view's mode."""
    from lark import Tree

    kinds, headings = classify(doc.lines, doc.style_levels)
    for i in split_heads:
        if i in headings and headings[i].how == "numbered":
            headings[i] = replace(headings[i], how="split")
    tree = _tree(kinds, headings)
    outline = Outline(lines=doc.lines, kinds=tuple(kinds), split=split)
    for child in tree.children:
        if not isinstance(child, Tree):
            continue
        if child.data == "title":
            outline.title_lines = _indices(child)
        elif child.data == "preamble":
            outline.preamble = _indices(child)
            for n in outline.preamble:
                outline.preamble_items.extend(_items(doc, n - 1, 0))
        elif child.data == "section":
            outline.sections.append(_build(doc, kinds, headings, child, None))
        elif child.data == "attachments":
            outline.attachments = _indices(child)
        elif child.data == "signature":
            outline.signature = _indices(child)
    return outline


def _tree(kinds: list[str], headings: dict[int, HeadingMatch]):
    """The grammar's tree over the classified lines (one token per line, OPEN/CLOSE around sections)."""
    from lark import Token

    interactive = _parser().parse_interactive("")
    for kind, index in _tokens(kinds, headings):
        interactive.feed_token(Token(kind, str(index)))
    return interactive.feed_eof()


def _indices(node) -> tuple[int, ...]:
    """The 1-based lines of a tree node's tokens."""
    from lark import Token

    return tuple(int(tok) + 1 for tok in node.children if isinstance(tok, Token))


def _build(doc: Document, kinds: list[str], headings: dict[int, HeadingMatch], node, parent: Section | None) -> Section:
    """The section of a ``section`` node, its sub-sections and its run-in items."""
    from lark import Token, Tree

    head_tok, body, *rest = node.children
    i = int(head_tok)
    section = _section(doc, headings[i], i, parent)
    body_lines = _indices(body)
    for child in rest:
        if isinstance(child, Tree) and child.data == "section":
            section.children.append(_build(doc, kinds, headings, child, section))
    close = int(rest[-1]) if rest and isinstance(rest[-1], Token) else i + 1
    section.end_line = _trim_end(kinds, close, i + 1)
    # run-in items in the heading's own body text and in its body lines
    if headings[i].body_start >= 0:
        section.items.extend(_items(doc, i, headings[i].body_start))
    for n in body_lines:
        section.items.extend(_items(doc, n - 1, 0))
    return section


def _section(doc: Document, h: HeadingMatch, i: int, parent: Section | None) -> Section:
    """The section headed by line index ``i`` (its end and children are filled in by :func:`_build`)."""
    line = doc.lines[i]
    return Section(
        level=h.level,
        number=h.number,
        value=h.value,
        marker=line.text[h.marker_start : h.marker_end],
        form=h.form,
        canonical=h.canonical,
        heading=h.heading,
        line=i + 1,
        end_line=i + 1,
        heading_span=Span(line.offset(h.heading_start), line.offset(h.heading_end)),
        marker_span=Span(line.offset(h.marker_start), line.offset(h.marker_end)),
        heading_col=h.heading_start,
        body_start_col=h.body_start,
        recovered=h.how,
        parent=parent,
    )


def _trim_end(kinds: list[str], close_index: int, start_line: int) -> int:
    """Last non-blank line before ``close_index`` (0-based), as a 1-based number."""
    j = min(close_index, len(kinds)) - 1
    while j >= start_line and kinds[j] == "BLANK":
        j -= 1
    return max(j + 1, start_line)


def _items(doc: Document, index: int, from_col: int) -> list[RunInItem]:
    line = doc.lines[index]
    text = line.text
    if text.find("是", from_col) == -1:
        return []
    found = []
    for m in _RUNIN_RE.finditer(text, from_col):
        start = m.start("n")
        if start > from_col:
            if text[start - 1] not in _RUNIN_AFTER_LATER:
                continue
        elif start > 0 and not (text[start - 1] in _RUNIN_AFTER or text[start - 1].isspace()):
            continue
        found.append(
            RunInItem(m.group("n"), cn_to_int(m.group("n")), index + 1, Span(line.offset(start), line.offset(m.end())))
        )
    return found
