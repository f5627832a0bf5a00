"""numbering: FZ301 skipped, FZ302 repeated, FZ303 out of order — headings and run-in items."""

import pytest

from checker.kinds.numbering import scan
from checker.parse.numerals import cn_to_int, int_to_cn

SECTION = "（一）依法全面履行政府职能。"
ITEMS = "一是普法形式单一。二是执法力量不足。"


def test_skipped_heading_number(run, report):
    text = report.replace(SECTION, SECTION + "\n（三）推进依法行政。")
    assert run(text, "FZ3") == [(6, 1, "FZ301", "warning", "二级标题序号不连续：“（三）”之前缺少“（二）”")]


def test_skipped_run_in_item(run, report):
    text = report.replace(ITEMS, ITEMS + "四是监督不够。")
    assert run(text, "FZ3") == [(7, 19, "FZ301", "warning", "分项序号不连续：“四是”之前缺少“三是”")]


def test_repeated_heading_number(run, report):
    text = report.replace(SECTION, SECTION + "\n（二）推进依法行政。\n（二）强化执法监督。")
    assert run(text, "FZ3") == [(7, 1, "FZ302", "warning", "二级标题序号重复：“（二）”已经用过，此处应为“（三）”")]


def test_repeated_run_in_item(run, report):
    text = report.replace(ITEMS, "一是普法形式单一。二是执法力量不足。二是监督不够。")
    assert run(text, "FZ3") == [(7, 19, "FZ302", "warning", "分项序号重复：“二是”已经用过，此处应为“三是”")]


def test_repeated_number_standing_for_the_next_one_is_reported_once(run, report):
    # 一、二、二、四、: the second 二 is a typo for 三, so 四 is not also a gap
    text = report.replace("三、2024年度党政主要负责人", "二、2024年度党政主要负责人")
    assert run(text, "FZ3") == [(8, 1, "FZ302", "warning", "一级标题序号重复：“二、”已经用过，此处应为“三、”")]


def test_swapped_numbers_are_reported_once_where_the_smaller_comes(run, report):
    text = report.replace(SECTION, SECTION + "\n（三）推进依法行政。\n（二）强化执法监督。")
    assert run(text, "FZ3") == [(7, 1, "FZ303", "warning", "二级标题序号顺序颠倒：“（二）”排在“（三）”之后")]


def test_near_miss_complete_report(run, report):
    assert run(report, "FZ301", "FZ302", "FZ303") == []


def test_near_miss_item_after_a_comma_still_counts(run, report):
    # “，二是” is not taken as an item by the parser; 三是 is not a gap for that
    text = report.replace(ITEMS, "一是普法形式单一，二是执法力量不足。三是监督不够。")
    assert run(text, "FZ301", "FZ302", "FZ303") == []


@pytest.mark.parametrize(
    "items",
    [
        "一是普法形式单一。二是力量不足：一是人员少；二是经费缺。三是监督不够。",  # 一是 restarts inside 二是
        "一是力量不足：一是人员少；二是经费缺；三是装备旧。二是监督不够。",  # nested list, then the outer goes on
    ],
)
def test_near_miss_nested_run_in_lists(run, report, items):
    assert run(report.replace(ITEMS, items), "FZ301", "FZ302", "FZ303") == []


def test_near_miss_arabic_items_restart_under_another_parent(run, report):
    text = report.replace(SECTION, "（一）依法履职。\n1.梳理权责清单。\n2.推进政务公开。\n（二）依法决策。\n1.完善程序。\n2.落实审查。")
    assert run(text, "FZ3") == []


def test_near_miss_arabic_level_directly_under_level_one(run, report):
    text = report.replace(SECTION, "1.梳理权责清单。\n2.推进政务公开。")
    assert run(text, "FZ3") == []


@pytest.mark.parametrize(
    "values,restart,expected",
    [
        ([1, 2, 3], False, []),
        ([2, 3], False, [("skipped", 0, (1,))]),
        ([1, 2, 5], False, [("skipped", 2, (3, 4))]),
        ([1, 2, 2, 3], False, [("repeated", 2, (3,))]),
        ([1, 3, 2], False, [("out_of_order", 2, (4,))]),
        ([1, 2, 3, 1], False, [("repeated", 3, (4,))]),
        ([1, 2, 3, 1, 2], True, []),
        ([1, 1, 2, 3, 2], True, []),
    ],
)
def test_scan(values, restart, expected):
    assert [(f.problem, f.index, f.expected) for f in scan(values, restart)] == expected


def test_numbering_to_one_hundred_and_twenty_checks_normally(run, report):
    text = report.replace(SECTION, "\n".join(f"（{int_to_cn(v)}）第{v}项工作。" for v in range(1, 121)))
    assert run(text, "FZ3", "FZ9") == []


def test_skipped_number_past_one_hundred_is_reported(run, report):
    values = [v for v in range(1, 122) if v != 105]
    text = report.replace(SECTION, "\n".join(f"（{int_to_cn(v)}）第{v}项工作。" for v in values))
    assert run(text, "FZ3", "FZ9") == [(109, 1, "FZ301", "warning", "二级标题序号不连续：“（一百零六）”之前缺少“（一百零五）”")]


def test_hundreds_numerals_round_trip():
    for value in (99, 100, 101, 105, 110, 111, 120, 199, 999):
        assert cn_to_int(int_to_cn(value)) == value
    assert [int_to_cn(v) for v in (100, 105, 110, 120)] == ["一百", "一百零五", "一百一十", "一百二十"]
