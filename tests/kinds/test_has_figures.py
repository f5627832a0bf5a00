"""has_figures: FZ601 (the measures part states no figures)."""

MEASURES_LINE = "（一）依法全面履行政府职能。一是梳理权责清单126项。二是推进政务服务，办件量3100件。"


def test_measures_without_any_number(run, report):
    text = report.replace(MEASURES_LINE, "（一）依法全面履行政府职能。一是梳理权责清单。二是推进政务服务。")
    assert run(text, "FZ601") == [(4, 3, "FZ601", "info", "“2024年度推进法治政府建设的主要举措和成效”部分没有任何数据")]


def test_years_dates_and_titles_are_not_figures(run, report):
    text = report.replace(
        MEASURES_LINE, "（一）依法全面履行政府职能。2024年3月15日起学习《法治政府建设实施纲要（2021—2025年）》。"
    )
    assert run(text, "FZ601")[0][2] == "FZ601"


def test_near_miss_one_figure_is_enough(run, report):
    assert run(report, "FZ601") == []


def test_near_miss_chinese_numeral_count(run, report):
    text = report.replace(MEASURES_LINE, "（一）依法全面履行政府职能。召开专题会议两次。")
    assert run(text, "FZ601") == []
