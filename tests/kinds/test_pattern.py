"""pattern: FZ401 half-width punctuation, FZ402 half-width brackets, FZ405 doubled marks, FZ406 stray spaces;
positions, near misses and fixes (text before and after)."""

import pytest

from checker.api import check_text
from checker.config import Config
from checker.fixes import fix_text
from checker.kinds.pattern import Params, validate

B = "办件量3100件。"  # ends line 5 of the report fixture


def fixed(text, code):
    return fix_text(text, Config(select=(code,))).document.text


@pytest.mark.parametrize(
    "body,code,col,message",
    [
        ("办件量3100件,办结率100%。", "FZ401", 45, "中文句子中使用了半角标点“,”，应为全角“，”"),
        ("办件量3100件。通过APP:在线办理。", "FZ401", 51, "中文句子中使用了半角标点“:”，应为全角“：”"),
        ("办件量3100件;办结率高。", "FZ401", 45, "中文句子中使用了半角标点“;”，应为全角“；”"),
        ("办件量3100件(含网上办理)。", "FZ402", 45, "中文括注使用了半角括号“(含网上办理)”，应为“（含网上办理）”"),
        ("办件量3100件。。", "FZ405", 45, "标点重复：“。。”"),
        ("办件量3100件，，办结率高。", "FZ405", 45, "标点重复：“，，”"),
        ("办件量3100件，力争实现 “矛盾不上交”。", "FZ406", 50, "汉字与标点之间有多余的空格"),
        ("办件量3100件，组织 学法。", "FZ406", 48, "汉字之间有多余的空格"),
        ("办件量 3100件。", "FZ406", 40, "汉字与数字之间有多余的空格"),
    ],
)
def test_fires_with_position(run, report, body, code, col, message):
    assert run(report.replace(B, body), "FZ401", "FZ402", "FZ405", "FZ406") == [(5, col, code, "warning", message)]


@pytest.mark.parametrize(
    "body",
    [
        "办件量3,100件，上午10:30开始，增长3.5%。",  # digits on both sides: a number or a time
        "详见https://www.gov.cn/a?b=1&c=2，或写信至fz@example.gov.cn。",  # a URL and an e-mail address
        "APP,GDP等指标稳定。",  # English abbreviations: not Chinese running text
        "印发《关于加强A,B工作的意见(试行)》。",  # inside a quoted title, as published
        "地区生产总值(GDP)增长3.5%。",  # a Latin abbreviation in brackets
        "办件量3100件……真的办完了吗？？",  # an ellipsis and a doubled question mark are allowed
        "开展“干部下基层 群众受教育”活动，使用 APP 办理。",  # a quoted slogan; spaces around Latin words
    ],
)
def test_near_misses(run, report, body):
    assert run(report.replace(B, body), "FZ401", "FZ402", "FZ405", "FZ406") == []


def test_heading_number_is_left_to_the_numbering_rules(run, report):
    text = report.replace("（一）依法全面履行政府职能。", "(一) 依法全面履行政府职能。")
    assert run(text, "FZ401", "FZ402", "FZ405", "FZ406") == []


def test_title_is_checked_but_not_layout_gaps_or_a_date_after_the_signature(run, report):
    text = report.replace("示例乡2024年法治政府建设年度报告", "示例乡2024年法治政府建设 年度报告")
    text += "\n名称  说明\n示例乡人民政府 2025年1月10日\n"
    assert [f[:3] for f in run(text, "FZ406")] == [(1, 15, "FZ406")]


@pytest.mark.parametrize(
    "code,before,after",
    [
        ("FZ401", "办件量3100件,办结率100%;群众满意!", "办件量3100件，办结率100%；群众满意！"),
        ("FZ402", "覆盖各村(社区)和学校(幼儿园)。", "覆盖各村（社区）和学校（幼儿园）。"),
        ("FZ405", "办件量3100件。。。", "办件量3100件。"),
        ("FZ406", "力争实现 “矛盾不上交”，办件 3100 件。", "力争实现“矛盾不上交”，办件3100件。"),
    ],
)
def test_fix_before_and_after(report, code, before, after):
    assert fixed(report.replace(B, before), code) == report.replace(B, after)


def test_fix_only_touches_the_marks(report):
    text = report.replace(B, "覆盖各村(社区)。")
    (d,) = check_text(text, Config(select=("FZ402",))).diagnostics
    assert [(text[e.start : e.end], e.replacement) for e in d.fix.edits] == [("(", "（"), (")", "）")]


def test_a_pattern_rule_without_fix_safe_only_suggests(report, tmp_path):
    pack = tmp_path / "county.toml"
    pack.write_text(
        '[[rule]]\ncode = "FZ499"\nname = "county-word"\nkind = "pattern"\nseverity = "info"\n'
        'message = "“{match}”应为“{expected}”"\npattern = "办件量"\nreplacement = "办理量"\n',
        encoding="utf-8",
    )
    (d,) = check_text(report, Config(select=("FZ499",), packs=(pack,))).diagnostics
    assert d.message == "“办件量”应为“办理量”" and d.fix.applicability == "unsafe"


@pytest.mark.parametrize(
    "params,problem",
    [
        (Params(pattern="("), "pattern 不是有效的正则表达式"),
        (Params(pattern="a*"), "pattern 能匹配空字符串"),
        (Params(pattern="a", replacement=r"\2"), "replacement 模板无效"),
        (Params(pattern="a", skip_inside=("《",)), "skip_inside 的每一项应为一对符号"),
        (Params(pattern="a", scope=("BODYY",)), "scope 只能包含"),
    ],
)
def test_validate(params, problem):
    assert validate(params, None).startswith(problem)


JOINT = (
    "中共某乡委员会 某乡人民政府关于2024年法治政府建设情况的报告\n\n"
    "认真贯彻中共中央 国务院印发的《法治政府建设实施纲要（2021—2025年）》和中共中央办公厅 国务院办公厅印发的文件，"
    "学习《宪法》第一章 总则和第二十四条 规定。\n"
)


def test_joint_issuers_and_chapter_labels_keep_their_space(run):
    # the space between joint issuers is the 公文 convention; GB/T 15834-2011 B.3.6 expects it after 第一章
    assert run(JOINT, "FZ406") == []


def test_fix_never_removes_the_joint_issuer_space():
    assert fixed("中共中央 国务院\n", "FZ406") == "中共中央 国务院\n"
    assert fixed(JOINT, "FZ406") == JOINT


def test_a_space_after_an_issuer_before_other_words_still_fires(run):
    # 某乡人民政府 关于…: the words after the space are not a second issuer
    text = "某乡人民政府 关于法治政府建设情况的报告\n\n我乡坚持依法行政。\n"
    assert run(text, "FZ406") == [(1, 7, "FZ406", "warning", "汉字之间有多余的空格")]
