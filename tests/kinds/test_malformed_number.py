"""malformed_number: FZ306 (broken numbers, a space after the number) and FZ307 (non-standard forms)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


# --- the shortcut: a report whose numbers take none of a rule's forms (and, for a rule that reports
# spaces, have no space after them) is passed at once.  It must give what reading every heading gives.

_NUMBERS = ["一、", "（一）", "(一)", "（一", "一）", "一．", "1.", "1．", "1、", "1）", "(1)", "（1）"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])  # report: a constant
@given(st.lists(st.tuples(st.sampled_from(_NUMBERS), st.sampled_from(["", " ", "\u3000"])), min_size=1, max_size=5))
def test_the_shortcut_gives_what_every_heading_gives(report, headings):
    from checker.api import ruleset_for
    from checker.engine import active_rules, analyze
    from checker.ingest import document_from_text
    from checker.kinds import malformed_number

    body = "\n".join(f"{number}{gap}推进依法行政工作" for number, gap in headings)
    text = report.replace(SECTION, body)
    config = Config()
    ruleset = ruleset_for(config)
    rules = [r for r in active_rules(ruleset, config) if r.kind == "malformed_number"]
    assert {r.code for r in rules} == {"FZ306", "FZ307"}
    for rule in rules:
        fast = list(malformed_number.check(analyze(document_from_text(text), ruleset, config), rule))
        fresh = analyze(document_from_text(text), ruleset, config)
        assert fast == malformed_number._findings(fresh, rule, malformed_number._numbered(fresh).headings), (rule.code, body)
