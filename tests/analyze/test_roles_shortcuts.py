"""The roles' shortcuts never skip what the plain tests find (property tests): a line is passed over
before its sentences are judged only when none of the words a sentence would need is in it."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.analyze.roles import _Judge
from checker.api import ruleset_for
from checker.config import Config
from checker.model import Outline

RULESET = ruleset_for(Config())
WORDS = sorted({w for role in RULESET.roles.values() for w in (*role.principals, *role.body_any, *role.next_year)})
PIECES = [*WORDS, "2024", "2025", "2026", "年", "明", "下一", "，", "。", "镇", "书记", "部署", "加强"]
line = st.lists(st.sampled_from(PIECES), max_size=6).map("".join)
YEARS = (None, 2023, 2024, 2025)


def plain_may_hold(judge: _Judge, name: str, text: str) -> bool:
    """The line test as it was written: the next year's digits or any next-year word for the plan, any
    principal (or else any body word) for the other roles."""
    role = RULESET.roles[name]
    if name == "plan":
        digits = str(judge.year + 1) if judge.year is not None else ""
        return (bool(digits) and digits in text) or any(w in text for w in role.next_year)
    return any(w in text for w in role.principals or role.body_any)


@settings(max_examples=300, deadline=None)
@given(line, st.sampled_from(YEARS))
@example("2025年工作计划", 2024)
@example("2025年工作计划", None)
@example("镇党委书记亲自部署", 2024)
@example("", 2024)
def test_a_line_passed_over_holds_none_of_the_words(text, year):
    judge = _Judge(Outline(lines=(), kinds=()), RULESET.roles, RULESET.segmenter(), year)
    for name, role in RULESET.roles.items():
        assert bool(judge._may_hold(name, role)(text)) == plain_may_hold(judge, name, text), name


def test_a_role_without_words_holds_nothing():
    from checker.analyze.roles import RoleDef

    judge = _Judge(Outline(lines=(), kinds=()), {}, RULESET.segmenter(), None)
    assert not judge._may_hold("other", RoleDef(name="other", label="其他"))("任何文字")
