"""parse.joined: the lines' text joined once per document, shared by the stages that read it all."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.analyze.lookalike import LookalikeDef, find_lookalike
from checker.ingest import document_from_text
from checker.model import Line
from checker.parse import joined
from checker.parse.outline import parse_document
from checker.parse.runins import runin_items


def test_the_joined_text_is_each_line_after_a_line_break():
    doc = document_from_text("标题\n\n一、正文。\n")
    assert joined.joined_text(doc.lines) == "\n" + "\n".join(line.text for line in doc.lines)
    assert joined.joined_text(()) == "\n"


def test_the_latest_lines_text_is_kept_and_other_lines_get_their_own():
    a = (Line(1, 0, "甲", 1),)
    b = (Line(1, 0, "甲", 1),)  # equal, but other lines: joined anew
    first = joined.joined_text(a)
    assert joined.joined_text(a) is first
    assert joined.joined_text(b) == first and joined._LATEST[0] is b
    assert joined.joined_text((Line(1, 0, "乙", 1),)) == "\n乙"


def test_a_body_word_with_a_line_break_matches_as_in_the_lines_joined_without_the_leading_one():
    """The look-alike's body words are searched in the parse stage's joined text (a \\n before the first
    line): a word holding a \\n must not match at that extra column."""
    table = {"甲": LookalikeDef(name="甲", body=("\n会议", "会上"), min_body=2)}
    outline = parse_document(document_from_text("会议召开。会上讲话。\n"))
    assert find_lookalike(outline, "", table) == ""  # "\n会议" is not in the text: the first line opens it
    outline = parse_document(document_from_text("会上讲话。\n会议召开。\n"))
    assert find_lookalike(outline, "", table) == "甲"  # after the first line, it is


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="一是\n。 a", max_size=6), max_size=6))
def test_one_break_per_line_is_the_count_of_the_joined_texts_breaks(texts):
    """What the run-in scan asks (it used to count the joined text's \\n; lines there are none of: it
    reads none), asked of the latest lines and of fresh ones."""
    lines = tuple(Line(n, 0, text, len(text)) for n, text in enumerate(texts, 1))
    expected = not any("\n" in text for text in texts)
    if lines:
        assert expected is (joined.joined_text(lines).count("\n") == len(lines))
    assert joined.one_break_per_line(lines) is expected
    fresh = tuple(Line(n, 0, text, len(text)) for n, text in enumerate(texts, 1))
    assert joined.one_break_per_line(fresh) is expected  # asked before the text is


def test_a_line_holding_a_break_has_its_run_in_items_read_alone():
    lines = (Line(1, 0, "甲\n一是乙", 6),)
    assert not joined.one_break_per_line(lines)
    assert runin_items(lines, {}) == {}  # 一是 after the line's own \n: not at a line's start, not after a separator
