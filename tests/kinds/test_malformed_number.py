"""malformed_number: FZ306 (broken numbers, a space after the number) and FZ307 (non-standard forms)."""

import pytest

from checker.api import check_text
from checker.config import Config

SECTION = "（一）依法全面履行政府职能。"
LEVEL1 = "二、2024年度推进法治政府建设存在"


def _fix(text, code):
    (d,) = check_text(text, Config(select=(code,))).diagnostics
    return d.fix.applicability, [(text[e.start : e.end], e.replacement) for e in d.fix.edits]


@pytest.mark.parametrize(
    "old,new,line,message,fix",
    [
        (SECTION, "一）依法全面履行政府职能。", 5, "标题序号“一）”不规范：缺少左括号", ("unsafe", [("一）", "（一）")])),
        (SECTION, "（一依法全面履行政府职能。", 5, "标题序号“（一”不规范：缺少右括号", ("unsafe", [("（一", "（一）")])),
        (LEVEL1, "二．2024年度推进法治政府建设存在", 6, "标题序号“二．”不规范：汉字序号后应使用顿号", ("unsafe", [("二．", "二、")])),
        (LEVEL1, "二、 2024年度推进法治政府建设存在", 6, "标题序号“二、 ”不规范：序号与标题之间不应空格", ("safe", [(" ", "")])),
    ],
)
def test_malformed_numbers_fire(run, report, old, new, line, message, fix):
    text = report.replace(old, new)
    assert run(text, "FZ3") == [(line, 1, "FZ306", "warning", message)]
    assert _fix(text, "FZ306") == fix


def test_nonstandard_form_for_a_whole_level_is_info(run, report):
    text = report.replace(SECTION, "1、依法全面履行政府职能。\n2、推进依法行政。")
    assert run(text, "FZ3") == [
        (5, 1, "FZ307", "info", "标题序号“1、”写法不规范：阿拉伯数字序号后应使用下脚点“.”"),
        (6, 1, "FZ307", "info", "标题序号“2、”写法不规范：阿拉伯数字序号后应使用下脚点“.”"),
    ]


def test_nonstandard_halfwidth_brackets_get_a_safe_fix(report):
    text = report.replace(SECTION, "(一)依法全面履行政府职能。")
    assert _fix(text, "FZ307") == ("safe", [("(一)", "（一）")])


def test_near_miss_mixed_level_is_left_to_fz305(run, report):
    text = report.replace(SECTION, SECTION + "\n(二)推进依法行政。")
    assert run(text, "FZ306", "FZ307") == []


def test_near_miss_standard_numbers(run, report):
    assert run(report, "FZ306", "FZ307") == []


def test_near_miss_decimal_and_run_in_items_are_not_headings(run, report):
    text = report.replace(SECTION, "（一）依法履职。增长3.5个百分点。一是梳理清单。")
    assert run(text, "FZ306", "FZ307") == []
