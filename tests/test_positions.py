"""positions.LineIndex: span() is line_col() of each end (one search when both lie on one line)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.positions import LineIndex


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\n汉", max_size=30), st.integers(-3, 40), st.integers(-3, 40))
def test_span_is_line_col_of_each_end(text, start, end):
    index = LineIndex(text)
    assert index.span(start, end) == (*index.line_col(start), *index.line_col(end))


def test_line_col_is_one_based_and_clamped():
    index = LineIndex("ab\ncd")
    assert [index.line_col(n) for n in (-1, 0, 2, 3, 5, 9)] == [(1, 1), (1, 1), (1, 3), (2, 1), (2, 3), (2, 3)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\n\r汉們個這為與[{\u200b\t", min_size=1, max_size=40), st.booleans())
def test_the_index_of_a_read_document_is_the_index_of_its_text(text, as_bytes):
    """LineIndex.of takes the line starts of the Document a reader made last (the plain reader, the
    general path with traditional characters, leftovers and CR newlines): the same as finding the
    newlines; any other Document (made by hand, replaced, read before the last) has them found."""
    import dataclasses

    from checker.ingest import InputError, document_from_text, read_bytes
    from checker.model import Document, Line

    try:
        doc = read_bytes(text.encode("utf-8"), "a.txt") if as_bytes else document_from_text(text)
    except InputError:
        return
    assert LineIndex.of(doc)._starts == LineIndex(doc.text)._starts
    hand_made = Document("b.txt", doc.text, (Line(1, 0, doc.text, len(doc.text)),))  # one line, whatever the text
    replaced = dataclasses.replace(doc, lines=hand_made.lines)
    for other in (hand_made, replaced):
        assert LineIndex.of(other)._starts == LineIndex(doc.text)._starts
    document_from_text("x\ny")  # another read: ``doc`` is no longer the last
    assert LineIndex.of(dataclasses.replace(doc, text=doc.text + "\n"))._starts == LineIndex(doc.text + "\n")._starts
