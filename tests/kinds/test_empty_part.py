"""empty_part: FZ473 (a heading that is only its number) and FZ474 (a heading with nothing under it)."""


def test_number_without_heading_text(run, report):
    text = report.replace("（一）依法全面履行政府职能。一是", "（一）\n一是")
    assert run(text, "FZ473") == [(5, 1, "FZ473", "warning", "标题“（一）”后没有文字")]


def test_near_miss_heading_with_run_in_text(run, report):
    assert run(report, "FZ473") == []


def test_heading_followed_directly_by_the_next_heading(run, report):
    text = report.replace("（一）依法全面履行政府职能。", "（一）依法全面履行政府职能\n（二）推进政务服务。")
    assert run(text, "FZ474") == [(5, 4, "FZ474", "warning", "“（一）依法全面履行政府职能”下面没有内容")]


def test_last_heading_with_nothing_after_it(run, report):
    text = report.replace("一是持续深化依法行政。二是加强执法队伍建设。\n", "")
    assert run(text, "FZ474") == [(10, 3, "FZ474", "warning", "“四、2025年度推进法治政府建设的主要安排”下面没有内容")]


def test_near_miss_self_contained_item(run, report):
    text = report.replace("（一）依法全面履行政府职能。一是梳理权责清单126项。二是推进政务服务，办件量3100件。",
                          "1.梳理权责清单126项。\n2.推进政务服务，办件量3100件。")
    assert run(text, "FZ474") == []


def test_near_miss_numbered_items_below_level_two(run, report):
    text = report.replace("（一）依法全面履行政府职能。一是梳理权责清单126项。二是推进政务服务，办件量3100件。",
                          "（一）依法全面履行政府职能\n1.梳理权责清单126项\n2.推进政务服务，办件量3100件")
    assert run(text, "FZ474") == []
