"""The grammar with the document's opening and closing runs in rules of their own (fewer rules for lark to
load at each start) gives every token sequence the tree the grammar as first written gave it, or rejects
it as that one did (property test over accepted, spoiled and random sequences)."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import example, given, settings

from checker.parse.outline import _parser, _shape_by_pieces, grammar_text

from .test_parse_speed_pieces import outcome, sequences, whole_shape

FIRST_WRITTEN = """
document: META? (TITLE META?)? SALUTATION? BODY? section1* ATTACH? SIGN? DATE?

section1: HEAD1 BODY? section2*
section2: HEAD2 BODY? section3*
section3: HEAD3 BODY? section4*
section4: HEAD4 BODY?

%declare META TITLE SALUTATION BODY HEAD1 HEAD2 HEAD3 HEAD4 ATTACH SIGN DATE
"""


@lru_cache(maxsize=1)
def first_written():
    from lark import Lark

    from checker.parse.lexer import LineRuns

    return Lark(FIRST_WRITTEN, start="document", parser="lalr", lexer=LineRuns)


def first_written_shape(types: tuple[str, ...]) -> tuple:
    from lark import Token

    from checker.parse.outline import _shape_of

    parsed = [Token(kind, k) for k, kind in enumerate(types)]
    return _shape_of(first_written().parse(parsed), {id(t): k for k, t in enumerate(parsed)})


@settings(max_examples=500, deadline=None)
@given(sequences)
@example(())
@example(("META", "TITLE", "META", "SALUTATION", "BODY", "HEAD1", "BODY", "HEAD2", "ATTACH", "SIGN", "DATE"))
@example(("TITLE", "META", "META"))  # rejected by both
@example(("META", "META"))
@example(("SALUTATION", "TITLE"))
def test_the_grammar_gives_the_trees_the_first_written_one_gave(types):
    expected = outcome(first_written_shape, types)
    assert outcome(whole_shape, types) == expected
    assert outcome(_shape_by_pieces, types) == expected


def test_the_grammar_has_few_rules():
    assert "_opening" in grammar_text()
    assert len(_parser().rules) < 100  # the first written had some 400
