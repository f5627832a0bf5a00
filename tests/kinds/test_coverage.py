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


def test_study_and_publicity_only_covers_nothing(run, report):
    # issue 12: 执法 in 谁执法谁普法, 公开 in 政务公开栏, 平台 in 法宣在线平台 and 学法 once counted as four areas
    line = (
        "一是组织干部学法4次。二是落实“谁执法谁普法”普法责任制，在乡政务公开栏张贴宣传海报，"
        "依托“法宣在线”平台学习。"
    )
    assert run(report.replace(MEASURES_LINE, line), "FZ602") == [
        (4, 3, "FZ602", "info",
         "“2024年度推进法治政府建设的主要举措和成效”只涉及《纲要》0个方面的工作（少于3个），如未涉及政府职能、制度建设、依法决策")
    ]


def test_party_leadership_is_an_area(run, report):
    line = "一是加强党对法治政府建设的领导。二是梳理权责清单126项。三是开展行政执法检查12次。"
    assert run(report.replace(MEASURES_LINE, line), "FZ602") == []
    assert run(report.replace(MEASURES_LINE, "一是加强党对法治政府建设的领导。"), "FZ602")[0][4].startswith(
        "“2024年度推进法治政府建设的主要举措和成效”只涉及《纲要》1个方面"
    )
