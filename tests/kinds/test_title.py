def test_title_present_near_miss(run, report):
    assert run(report, "FZ201", "FZ202", "FZ203") == []


def test_missing_title_fires_at_first_line(run, report):
    text = report.split("\n", 2)[2]
    assert run(text, "FZ201") == [(1, 1, "FZ201", "error", "未识别到报告标题")]


def test_title_over_two_lines_across_a_blank_line(run, report):
    text = report.replace("示例乡2024年法治政府建设年度报告\n", "示例县示例乡2024年度法治政府建设\n\n情况报告\n", 1)
    assert run(text, "FZ201", "FZ202", "FZ203") == []


def test_title_without_year(run, report):
    text = report.replace("示例乡2024年法治政府建设年度报告", "示例乡关于法治政府建设的情况报告", 1)
    assert run(text, "FZ202") == [(1, 1, "FZ202", "warning", "标题未写明报告年度：“示例乡关于法治政府建设的情况报告”")]


def test_title_with_chinese_year_near_miss(run, report):
    text = report.replace("示例乡2024年", "示例乡二〇二四年", 1)
    assert run(text, "FZ202") == []


def test_title_named_summary(run, report):
    text = report.replace("年度报告", "工作总结", 1)
    assert run(text, "FZ203") == [
        (1, 1, "FZ203", "warning", "标题未写明文种“报告”：“示例乡2024年法治政府建设工作总结”")
    ]


def test_no_title_means_no_title_word_findings(run, report):
    assert run(report.split("\n", 2)[2], "FZ202", "FZ203") == []
