CODES = ("FZ101", "FZ102", "FZ106")


def test_complete_report_has_every_part(run, report):
    assert run(report, *CODES) == []


def test_missing_measures_fires_at_title(run, report):
    text = report.replace("一、2024年度推进法治政府建设的主要举措和成效\n（一）依法全面履行政府职能。一是梳理权责清单126项。二是推进政务服务，办件量3100件。\n", "")
    assert run(text, *CODES) == [(1, 1, "FZ101", "error", "缺少“上一年度推进法治政府建设的主要举措和成效”部分")]


def test_thematic_first_part_counts_as_measures_by_position(run, report):
    text = report.replace("一、2024年度推进法治政府建设的主要举措和成效", "一、强化组织保障，夯实法治根基")
    assert run(text, *CODES) == []


def test_missing_shortcomings(run, report):
    text = report.replace("二、2024年度推进法治政府建设存在的不足和原因", "二、其他工作情况说明")
    assert run(text, *CODES) == [(1, 1, "FZ102", "error", "缺少“存在的不足和原因”部分")]


def test_missing_plan_and_near_miss_reworded(run, report):
    deleted = report.split("四、2025年度")[0]
    assert run(deleted, *CODES) == [(1, 1, "FZ106", "error", "缺少“下一年度推进法治政府建设的主要安排”部分")]
    reworded = report.replace("四、2025年度推进法治政府建设的主要安排", "四、下一步打算")
    assert run(reworded, *CODES) == []


def test_plan_named_only_by_next_year_work(run, report):
    text = report.replace("四、2025年度推进法治政府建设的主要安排", "四、2025年重点任务")
    assert run(text, *CODES) == []


def test_lookalike_documents_get_no_missing_parts(run):
    text = "示例乡党委书记2024年度述法报告\n\n一、学法用法情况\n本人带头学法12次。\n"
    assert run(text, *CODES) == []
