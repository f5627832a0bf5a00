def test_next_year_near_miss(run, report):
    assert run(report, "FZ107") == []


def test_heading_with_report_year_fires_at_the_year(run, report):
    text = report.replace("四、2025年度推进", "四、2024年度推进")
    assert run(text, "FZ107") == [
        (10, 3, "FZ107", "error", "工作安排写的是2024年，应为2025年（报告年度2024年的下一年）")
    ]


def test_body_sentence_setting_out_report_year_work(run, report):
    text = report.replace("四、2025年度推进法治政府建设的主要安排\n一是", "四、下一步工作计划\n2024年，我乡将做好以下工作：一是")
    assert run(text, "FZ107") == [
        (11, 1, "FZ107", "error", "工作安排写的是2024年，应为2025年（报告年度2024年的下一年）")
    ]


def test_past_years_ranges_and_citations_near_miss(run, report):
    text = report.replace(
        "一是持续深化依法行政。",
        "一是对照《法治政府建设实施纲要（2021—2025年）》，巩固2023年以来的成果，持续深化依法行政。",
    )
    assert run(text, "FZ107") == []


def test_sub_part_of_plan_is_checked(run, report):
    text = report.replace("一是持续深化依法行政。", "（一）2026年重点任务\n一是持续深化依法行政。")
    assert [f[:3] for f in run(text, "FZ107")] == [(11, 4, "FZ107")]


def test_no_year_no_finding(run, report):
    text = report.replace("示例乡2024年法治政府建设年度报告", "示例乡法治政府建设年度报告").replace("2024年，示例乡", "示例乡")
    assert run(text, "FZ107") == []


def test_year_from_configuration(run, report):
    assert [f[:3] for f in run(report, "FZ107", year=2023)] == [(10, 3, "FZ107")]
