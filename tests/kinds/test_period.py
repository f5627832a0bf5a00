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
    text = report.replace(PREAMBLE, "2025年是学习贯彻党的二十届三中全会精神的开局之年，也是实施“十四五”规划承前启后的攻坚之年。")
    assert run(text, "FZ505") == []


def test_near_miss_retrospective_mention(run, report):
    text = report.replace(PREAMBLE, "示例乡“十三五”期间认真落实《法治政府建设实施纲要（2015—2020年）》，七五普法顺利通过验收。")
    assert run(text, "FZ505") == []


def test_near_miss_current_plan_in_its_period(run, report):
    text = report.replace(PREAMBLE, "示例乡认真落实《法治政府建设实施纲要（2021—2025年）》，2024年是十四五的关键之年。")
    assert run(text, "FZ505") == []
