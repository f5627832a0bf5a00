"""The outline grammar's lexer: the tokens are made from the classified lines
(:class:`checker.parse.outline.Tokens`), so lark's custom-lexer interface hands them to the
parser as they are.  A module of its own, imported with lark when the parser is first built:
lark keeps the class by name in its cached parser tables."""

from __future__ import annotations

from lark.lexer import Lexer


class LineRuns(Lexer):
    __future_interface__ = 2  # lex(lexer_state, parser_state)

    def __init__(self, lexer_conf) -> None:
        pass

    def lex(self, lexer_state, parser_state):
        return iter(lexer_state.text or ())
