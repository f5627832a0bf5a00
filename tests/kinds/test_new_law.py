"""new_law: FZ514 (a 2026 plan speaks of 普法 or 执法监督 without the law that now governs it)."""

import pytest

REPORT = """示例乡{year}年法治政府建设年度报告

一、{year}年度推进法治政府建设的主要举措和成效
开展普法宣传12场，办理行政执法监督案件3件。
二、{next}年度推进法治政府建设的主要安排
{plan}
"""


def _report(plan: str, year: int = 2025) -> str:
    return REPORT.format(year=year, next=year + 1, plan=plan)


def test_fires_once_per_law_at_the_first_topic_word_of_the_plan(run):
    text = _report("一是深化普法宣传，推进普法进村。二是加强行政执法监督。")
    assert run(text, "FZ514") == [
        (6, 5, "FZ514", "info", "2026年的工作安排写到“普法”，未提及《中华人民共和国法治宣传教育法》（2025年11月1日起施行）"),
        (6, 23, "FZ514", "info", "2026年的工作安排写到“执法监督”，未提及《行政执法监督条例》（国务院令第825号，2026年2月1日起施行）"),
    ]


def test_near_miss_the_law_is_named(run):
    text = _report("一是贯彻实施法治宣传教育法，深化普法宣传。二是贯彻《行政执法监督条例》，加强行政执法监督。")
    assert run(text, "FZ514") == []


def test_near_miss_topic_only_in_the_measures(run):
    """普法 and 执法监督 in the 2025 measures (line 4) are not the 2026 plan."""
    assert run(_report("一是持续深化依法行政。"), "FZ514") == []


@pytest.mark.parametrize("year", [2023, 2024, 2026])
def test_near_miss_other_plan_years_are_not_in_the_table(run, year):
    """The table is keyed by plan year: a 2025 plan (written before the law passed) is not told."""
    assert run(_report("一是深化普法宣传。二是加强行政执法监督。", year), "FZ514") == []


def test_validate():
    from checker.kinds.new_law import Params, validate
    from checker.packs import load_ruleset

    ruleset = load_ruleset()
    good = {"plan_year": 2026, "name": "《某法》", "note": "", "cited_by": ["某法"], "topics": ["某"]}
    assert validate(Params(laws=(good,)), ruleset) == ""
    assert "plan_year" in validate(Params(laws=({**good, "plan_year": "2026"},)), ruleset)
    assert "cited_by" in validate(Params(laws=({**good, "topics": []},)), ruleset)
    assert "只含" in validate(Params(laws=({**good, "extra": 1},)), ruleset)
    assert validate(Params(laws=()), ruleset) == "laws 不能为空"
