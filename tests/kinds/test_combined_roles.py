def test_combined_heading_fires(run, report):
    text = report.replace("二、2024年度推进法治政府建设存在的不足和原因", "二、存在的问题、原因及2025年度工作计划")
    assert run(text, "FZ108") == [
        (6, 3, "FZ108", "info", "“存在的问题、原因及2025年度工作计划”把“存在的不足和原因”与“下一年度推进法治政府建设的主要安排”合并在一个标题下")
    ]


def test_separate_parts_near_miss(run, report):
    assert run(report, "FZ108") == []


def test_combined_sub_heading_near_miss(run, report):
    text = report.replace("（一）依法全面履行政府职能。", "（一）主要做法和存在问题。")
    assert run(text, "FZ108") == []
