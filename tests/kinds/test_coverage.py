"""coverage: FZ602 (the measures part touches few areas of the 纲要)."""

MEASURES_LINE = "（一）依法全面履行政府职能。一是梳理权责清单126项。二是推进政务服务，办件量3100件。"


def test_one_area_only(run, report):
    assert run(report, "FZ602") == [
        (4, 3, "FZ602", "info",
         "“2024年度推进法治政府建设的主要举措和成效”只涉及《纲要》1个方面的工作（少于3个），如未涉及制度建设、依法决策、行政执法")
    ]


def test_near_miss_three_areas(run, report):
    text = report.replace(MEASURES_LINE, MEASURES_LINE + "三是落实重大行政决策程序。四是开展行政执法检查。")
    assert run(text, "FZ602") == []


def test_no_measures_part_is_left_to_fz101(run):
    text = "示例乡2024年法治政府建设年度报告\n一、存在的不足和原因\n一是执法力量不足。\n"
    assert run(text, "FZ602") == []
