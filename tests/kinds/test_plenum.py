"""plenum: FZ504 (a plenum held after the report was written)."""

import dataclasses

from checker.config import Config
from checker.engine import analyze
from checker.ingest import document_from_text
from checker.kinds import plenum
from checker.packs import load_ruleset

PREAMBLE = "2024年，示例乡深入学习贯彻习近平法治思想，现将有关情况报告如下。"


def test_fourth_plenum_in_a_2024_report_fires(run, report):
    text = report.replace(PREAMBLE, "2024年，示例乡深入学习贯彻党的二十届四中全会精神。")
    assert run(text, "FZ504") == [
        (3, 18, "FZ504", "warning", "二十届四中全会于2025年10月召开，不应出现在2024年度的报告中")
    ]


def test_listed_plenums_are_each_judged(run, report):
    text = report.replace(PREAMBLE, "2024年，示例乡学习贯彻党的二十届三中、四中全会精神。")
    assert run(text, "FZ504") == [
        (3, 22, "FZ504", "warning", "二十届四中全会于2025年10月召开，不应出现在2024年度的报告中")
    ]


def test_formal_name_is_recognised(run, report):
    text = report.replace(PREAMBLE, "2024年，示例乡学习党的二十届中央委员会第四次全体会议精神。")
    assert run(text, "FZ504")[0][:3] == (3, 14, "FZ504")


def test_report_year_from_config_when_title_has_none(run, report):
    text = report.replace("示例乡2024年法治", "示例乡法治").replace(PREAMBLE, "示例乡学习贯彻党的二十届三中全会精神。")
    assert run(text, "FZ504", year=2023)[0][2:4] == ("FZ504", "warning")


def test_near_miss_plenums_held_by_then(run, report):
    text = report.replace(PREAMBLE, "2024年，示例乡深入学习贯彻党的二十大和二十届二中、三中全会精神。")
    assert run(text, "FZ504") == []


def test_near_miss_plenum_early_in_the_writing_year_is_allowed_by_default(run, report):
    # a report on 2022 is written in early 2023; the Second Plenum met in February 2023
    text = report.replace("2024年法治", "2022年法治").replace(PREAMBLE, "示例乡学习贯彻党的二十届二中全会精神。")
    assert run(text, "FZ504") == []


def test_grace_months_zero_makes_the_rule_strict(report):
    ruleset = load_ruleset()
    rule = ruleset.rules["FZ504"]
    strict = dataclasses.replace(rule, params=dataclasses.replace(rule.params, grace_months=0))
    text = report.replace("2024年法治", "2022年法治").replace(PREAMBLE, "示例乡学习贯彻党的二十届二中全会精神。")
    rep = analyze(document_from_text(text), ruleset, Config(), with_roles=False)
    messages = [d.message for d in plenum.check(rep, strict)]
    assert messages == ["二十届二中全会于2023年2月召开，不应出现在2022年度的报告中"]


def test_near_miss_unknown_or_no_year(run):
    assert run("示例乡法治政府建设情况报告\n学习贯彻党的二十届四中全会精神。", "FZ504") == []
