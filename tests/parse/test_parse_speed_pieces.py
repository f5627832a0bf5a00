"""The parse tree of a token sequence put together from its pieces (outline._shape_by_pieces) is the tree
lark gives the whole sequence, and the pieces are rejected exactly when the whole is."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from lark.exceptions import LarkError

from checker.parse import outline as outline_module
from checker.parse.outline import _parser, _pieces, _shape_by_pieces, _shape_of

SETTINGS = settings(max_examples=400, deadline=None)
TYPES = ("META", "TITLE", "SALUTATION", "BODY", "HEAD1", "HEAD2", "HEAD3", "HEAD4", "ATTACH", "SIGN", "DATE")


def whole_shape(types: tuple[str, ...]) -> tuple:
    """The plain path: lark parses the whole sequence."""
    from lark import Token

    parsed = [Token(kind, k) for k, kind in enumerate(types)]
    return _shape_of(_parser().parse(parsed), {id(t): k for k, t in enumerate(parsed)})


def outcome(shape_of, types: tuple[str, ...]) -> tuple:
    try:
        return ("tree", shape_of(types))
    except LarkError:
        return ("rejected",)


@st.composite
def section(draw, depth: int = 1) -> list[str]:
    out = [f"HEAD{depth}"]
    if draw(st.booleans()):
        out.append("BODY")
    if depth < 4:
        for _ in range(draw(st.integers(min_value=0, max_value=3))):
            out.extend(draw(section(depth + 1)))
    return out


@st.composite
def document(draw) -> tuple[str, ...]:
    """A sequence the grammar accepts (document: META? (TITLE META?)? SALUTATION? BODY? section1* ATTACH? SIGN? DATE?)."""
    out: list[str] = []
    for kind in ("META", "TITLE"):
        if draw(st.booleans()):
            out.append(kind)
    if "TITLE" in out and draw(st.booleans()):
        out.append("META")
    for kind in ("SALUTATION", "BODY"):
        if draw(st.booleans()):
            out.append(kind)
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        out.extend(draw(section()))
    for kind in ("ATTACH", "SIGN", "DATE"):
        if draw(st.booleans()):
            out.append(kind)
    return tuple(out)


@st.composite
def spoiled(draw) -> tuple[str, ...]:
    """A sequence the grammar accepts with one token put in, taken out or changed: mostly rejected."""
    out = list(draw(document()))
    at = draw(st.integers(min_value=0, max_value=len(out)))
    what = draw(st.sampled_from(("insert", "delete", "change")))
    if what == "insert" or not out:
        out.insert(at, draw(st.sampled_from(TYPES)))
    elif what == "delete":
        del out[min(at, len(out) - 1)]
    else:
        out[min(at, len(out) - 1)] = draw(st.sampled_from(TYPES))
    return tuple(out)


sequences = st.one_of(document(), spoiled(), st.lists(st.sampled_from(TYPES), max_size=12).map(tuple))


@SETTINGS
@given(sequences)
@example(())
@example(("TITLE", "BODY", "HEAD1", "BODY", "HEAD2", "HEAD3", "HEAD1", "ATTACH", "SIGN", "DATE"))
@example(("HEAD1", "ATTACH", "HEAD1"))  # a part after the attachments: rejected
@example(("HEAD1", "BODY", "TITLE"))  # the title inside a part: rejected
@example(("BODY", "HEAD2"))  # a part's sub-part without its part: rejected
@example(("META", "TITLE", "META", "SALUTATION", "BODY", "SIGN", "DATE"))
def test_the_tree_from_pieces_is_the_tree_of_the_whole(types):
    outline_module._PIECES.clear()
    assert outcome(_shape_by_pieces, types) == outcome(whole_shape, types)


@SETTINGS
@given(document())
def test_the_kept_pieces_give_the_same_trees(types):
    first = outcome(_shape_by_pieces, types)  # pieces kept from earlier examples, or parsed now
    outline_module._PIECES.clear()
    assert outcome(_shape_by_pieces, types) == first


def test_parts_with_the_same_types_are_parsed_once():
    outline_module._PIECES.clear()
    opening, part, closing = ("TITLE", "BODY"), ("HEAD1", "BODY", "HEAD2", "BODY"), ("SIGN", "DATE")
    for count in range(1, 6):
        _shape_by_pieces((*opening, *part * count, *closing))
    # one frame (the opening and closing around one HEAD1) and one part, whatever the number of parts
    assert sorted(outline_module._PIECES) == sorted([(*opening, "HEAD1", *closing), part])


def test_the_pieces_of_a_sequence():
    types = ("TITLE", "HEAD1", "BODY", "HEAD2", "HEAD1", "ATTACH", "SIGN")
    assert _pieces(types) == (("TITLE", "HEAD1", "ATTACH", "SIGN"), 1, [1, 4, 5])
    assert _pieces(("TITLE", "BODY")) == (("TITLE", "BODY"), -1, [])


def test_the_kept_pieces_are_bounded(monkeypatch):
    monkeypatch.setattr(outline_module, "PIECES_KEPT", 3)
    outline_module._PIECES.clear()
    for n in range(1, 7):
        _shape_by_pieces(("HEAD1", *("HEAD2",) * n))
    assert len(outline_module._PIECES) == 3


@pytest.mark.parametrize("types", [("HEAD1", "HEAD2", "HEAD1", "BODY", "SIGN"), ("BODY", "HEAD1", "HEAD1", "DATE")])
def test_fixed_sequences(types):
    assert _shape_by_pieces(types) == whole_shape(types)
