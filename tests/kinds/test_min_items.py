"""min_items: FZ603 (fewer than two problems) and FZ604 (a plan with no concrete measure)."""

SHORT = "一是普法形式单一。二是执法力量不足。究其原因，主要是专业人才缺乏。"
PLAN = "一是持续深化依法行政。二是加强执法队伍建设。"


def test_one_vague_problem(run, report):
    text = report.replace(SHORT, "我乡法治建设还存在一些薄弱环节。\n执法力量不足。")
    assert run(text, "FZ603") == [(6, 3, "FZ603", "info", "“2024年度推进法治政府建设存在的不足和原因”只列出1个问题")]


def test_near_miss_two_numbered_problems(run, report):
    assert run(report, "FZ603") == []


def test_plan_of_slogans(run, report):
    assert run(report, "FZ604") == [(10, 3, "FZ604", "info", "“2025年度推进法治政府建设的主要安排”没有具体措施")]


def test_near_miss_plan_with_a_deadline_or_a_figure(run, report):
    assert run(report.replace(PLAN, "一是年底前完成规范性文件清理。"), "FZ604") == []
    assert run(report.replace(PLAN, "一是培训执法人员50人次。"), "FZ604") == []


def test_near_miss_year_alone_is_not_a_figure(run, report):
    assert run(report.replace(PLAN, "一是2025年进一步加强组织领导。"), "FZ604")[0][2] == "FZ604"
