"""The role words of a heading, kept per heading text and year across reports (roles._Judge.words_of_heading):
the kept answer is the one the plain work gives, on any line, for any year, after any other headings."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.analyze import roles as roles_module
from checker.analyze.roles import _Judge
from checker.api import ruleset_for
from checker.config import Config
from checker.model import Outline, Section

RULESET = ruleset_for(Config())
ROLE_WORDS = sorted({w for role in RULESET.roles.values() for w in (*role.heading_any, *role.heading_not, *role.heading_maybe)})
PIECES = [*ROLE_WORDS, "2023年", "2024年", "2025年", "2026", "年度", "下一步", "工作", "任务", "打算", "目标", "情况", "和", "及", "、", "，", "的", "主要"]
heading = st.lists(st.sampled_from(PIECES), max_size=5).map("".join)
YEARS = (None, 2023, 2024, 2025)


def section(text: str, line: int) -> Section:
    return Section(
        level=1, number="一", value=1, marker="一、", form="一、", canonical=True, heading=text,
        line=line, end_line=line, heading_offsets=(0, 0), marker_offsets=(0, 0),
    )  # fmt: skip


def judge(year: int | None, roles=RULESET.roles) -> _Judge:
    return _Judge(Outline(lines=(), kinds=()), roles, RULESET.segmenter(), year)


def plain(j: _Judge, s: Section) -> tuple[tuple[str, ...], tuple[tuple[str, int], ...]]:
    found, words = j._heading_words_in(s.heading)
    return found, tuple((w, s.line) for w in words)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(heading, st.sampled_from(YEARS), st.integers(min_value=1, max_value=500)), min_size=1, max_size=12))
@example([("2025年主要任务", 2024, 3), ("2025年主要任务", 2023, 9), ("2025年主要任务", None, 4)])  # the year decides
def test_kept_heading_words_are_the_plain_ones(asked):
    for text, year, line in asked:  # repeated headings, other years and other lines in between
        j = judge(year)
        s = section(text, line)
        assert j.words_of_heading(s) == plain(j, s)
        assert j.words_of_heading(s) == plain(j, s)


def test_a_heading_with_role_words_a_hit_and_a_near_miss():
    j = judge(2024)
    hit = section("存在的问题和2025年工作计划", 7)
    assert "shortcomings" in j.words_of_heading(hit)[0]
    again = section("存在的问题和2025年工作计划", 30)
    assert j.words_of_heading(again) == plain(j, again)
    assert all(line == 30 for _, line in j.words_of_heading(again)[1])
    assert j.words_of_heading(section("强化组织保障", 3)) == ((), ())


def test_the_kept_headings_are_bounded_and_belong_to_one_ruleset(monkeypatch):
    monkeypatch.setattr(roles_module, "HEADING_WORDS_KEPT", 5)
    other_roles = dict(RULESET.roles)  # another ruleset's roles: its own memo
    j = judge(2024, other_roles)
    for n in range(12):
        j.words_of_heading(section(f"第{n}项工作情况", n + 1))
    assert len(j._heading_memo) == 5
    assert judge(2024)._heading_memo is not j._heading_memo
