"""parse.joined: the lines' text joined once per document, shared by the stages that read it all."""

from __future__ import annotations

from checker.analyze.lookalike import LookalikeDef, find_lookalike
from checker.ingest import document_from_text
from checker.model import Line
from checker.parse import joined
from checker.parse.outline import parse_document


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
