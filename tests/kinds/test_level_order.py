"""level_order: FZ304 — a higher level used after a lower one under the same parent."""

SECTION = "（一）依法全面履行政府职能。"


def test_level_two_after_level_three_fires(run, report):
    text = report.replace(SECTION, "1.依法全面履行政府职能。\n2.推进依法行政。\n（一）强化执法监督。")
    assert run(text, "FZ304") == [(7, 1, "FZ304", "warning", "层次序号颠倒：“（一）”用在了较低层次的“2.”之后")]


def test_reported_once_per_parent(run, report):
    text = report.replace(SECTION, "1.依法履职。\n（一）强化监督。\n（二）完善制度。")
    assert [f[:3] for f in run(text, "FZ304")] == [(6, 1, "FZ304")]


def test_second_level_before_first_level_at_the_top(run):
    text = "示例乡2024年法治政府建设年度报告\n（一）依法履职。\n（二）依法决策。\n一、存在的不足和原因\n一是力量不足。\n"
    assert run(text, "FZ304") == [(4, 1, "FZ304", "warning", "层次序号颠倒：“一、”用在了较低层次的“（二）”之后")]


def test_near_miss_arabic_directly_under_level_one(run, report):
    text = report.replace(SECTION, "1.依法全面履行政府职能。\n2.推进依法行政。")
    assert run(text, "FZ304") == []


def test_near_miss_levels_going_down_and_back_to_a_sibling(run, report):
    text = report.replace(SECTION, "（一）依法履职。\n1.梳理清单。\n（1）权力清单。\n2.推进公开。\n（二）依法决策。")
    assert run(text, "FZ304") == []
