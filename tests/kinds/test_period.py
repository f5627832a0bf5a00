"""period: FZ505 (十四五 开局/收官 in the wrong year; an ended plan presented as current)."""

PREAMBLE = "2024年，示例乡深入学习贯彻习近平法治思想，现将有关情况报告如下。"


def test_first_year_word_in_the_wrong_year(run, report):
    text = report.replace(PREAMBLE, "2024年是“十四五”规划的开局之年。")
    assert run(text, "FZ505") == [(3, 7, "FZ505", "warning", "“十四五”的开局之年是2021年，不是2024年")]


def test_last_year_word_uses_the_next_year_in_the_plan(run, report):
    text = report.replace("一是持续深化依法行政。", "今年是十三五收官之年，一是持续深化依法行政。")
    assert run(text, "FZ505") == [(11, 4, "FZ505", "warning", "“十三五”的收官之年是2020年，不是2025年")]


def test_ended_plan_presented_as_current(run, report):
    text = report.replace(PREAMBLE, "示例乡认真落实《法治政府建设实施纲要（2015-2020年）》。")
    assert run(text, "FZ505") == [
        (3, 9, "FZ505", "warning",
         "“法治政府建设实施纲要（2015-2020年）”的期限（2015—2020年）已结束，2024年应为“《法治政府建设实施纲要（2021—2025年）》”")
    ]


def test_ended_pufa_plan_with_quotes_inside(run, report):
    text = report.replace(PREAMBLE, "示例乡深入贯彻“七五”普法规划。")
    assert run(text, "FZ505")[0][:3] == (3, 9, "FZ505")


def test_near_miss_within_word_for_a_year_inside_the_period(run, report):
    text = report.replace(PREAMBLE, "2024年是学习贯彻党的二十届三中全会精神的开局之年，也是实施“十四五”规划承前启后的攻坚之年。")
    assert run(text, "FZ505") == []


def test_middle_word_in_the_last_year(run, report):
    """2025 is the 十四五's 收官之年: 承前启后 for it is a wrong ordinal (seed 004 writes it, issue 12)."""
    text = report.replace(PREAMBLE, "2025年是学习贯彻党的二十届三中全会精神的开局之年，也是实施“十四五”规划承前启后的攻坚之年。")
    assert run(text, "FZ505") == [(3, 32, "FZ505", "warning", "“十四五”中，2025年是收官之年，不是承上启下之年")]


def test_first_and_last_years_of_the_plans_by_year(run, report):
    assert run(report.replace(PREAMBLE, "2025年是“十四五”规划收官之年。"), "FZ505") == []
    assert run(report.replace(PREAMBLE, "2026年是“十五五”规划开局之年。"), "FZ505") == []
    assert run(report.replace(PREAMBLE, "2026年是“十五五”规划承上启下之年。"), "FZ505") == [
        (3, 7, "FZ505", "warning", "“十五五”中，2026年是开局之年，不是承上启下之年")
    ]
    assert run(report.replace(PREAMBLE, "2026年是“十四五”规划收官之年。"), "FZ505") == [
        (3, 7, "FZ505", "warning", "“十四五”的收官之年是2025年，不是2026年")
    ]


REPORT_2025 = """示例乡2025年法治政府建设年度报告

一、2025年度推进法治政府建设的主要举措和成效
深入贯彻落实《法治中国建设规划（2020—2025年）》，开展普法宣传12场。
二、2026年度推进法治政府建设的主要安排
{plan}
"""


def test_plan_without_successor_cited_as_current_in_the_next_years_plan(run):
    text = REPORT_2025.format(plan="深入贯彻落实《法治社会建设实施纲要（2020—2025年）》，加强普法。")
    assert run(text, "FZ505") == [
        (6, 8, "FZ505", "warning", "“法治社会建设实施纲要（2020—2025年）”的期限（2020—2025年）已结束，2026年不宜再作为现行规划引用")
    ]


def test_near_miss_plan_cited_in_its_own_period_or_in_retrospect(run):
    """In the 2025 measures the plan is current; in the 2026 plan a 总结 of it is a retrospective."""
    text = REPORT_2025.format(plan="全面总结《法治中国建设规划（2020—2025年）》实施成效。")
    assert run(text, "FZ505") == []


def test_near_miss_retrospective_mention(run, report):
    text = report.replace(PREAMBLE, "示例乡“十三五”期间认真落实《法治政府建设实施纲要（2015—2020年）》，七五普法顺利通过验收。")
    assert run(text, "FZ505") == []


def test_near_miss_current_plan_in_its_period(run, report):
    text = report.replace(PREAMBLE, "示例乡认真落实《法治政府建设实施纲要（2021—2025年）》，2024年是十四五的关键之年。")
    assert run(text, "FZ505") == []
