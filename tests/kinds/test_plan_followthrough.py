"""Last year's plan items and whether this year's measures report on them; problems repeated word for word."""

from __future__ import annotations

from pathlib import Path

from checker.api import check_path, check_text
from checker.kinds.plan_followthrough import Params, items_of, key_terms, paragraphs_of, reported_on

TWO_YEARS = Path(__file__).resolve().parents[2] / "fixtures" / "review" / "two-years"


def _pair(unit: str):
    old = check_path(TWO_YEARS / "2023" / f"{unit}2023.txt", discover=False, with_roles=True)
    new = check_path(TWO_YEARS / "2024" / f"{unit}2024.txt", discover=False, with_roles=True)
    return old, new


def test_run_in_plan_items_are_cut_at_each_yi_shi_and_their_first_clause():
    old, _ = _pair("东坝乡")
    items = items_of(old, "plan")
    assert [i.text for i in items][:3] == [
        "健全领导干部学法制度，每季度组织党委理论学习中心组集体学法",
        "开展行政执法人员培训考试，提高执法人员持证率",
        "建设乡村法治文化广场，打造法治宣传阵地",
    ]
    assert len(items) == 7 and {i.line for i in items} == {12}
    assert [i.column for i in items][:2] == [1, 33]


def test_sub_heading_plan_items():
    old, _ = _pair("西河镇")
    items = items_of(old, "plan")
    assert [(i.line, i.text[:10]) for i in items] == [
        (11, "规范重大行政决策程序"),
        (12, "加强网格员法治培训，"),
        (13, "推进智慧执法平台建设"),
        (14, "开展行政规范性文件清"),
    ]


def test_five_of_seven_items_reported_on_and_which_two_are_not():
    old, new = _pair("东坝乡")
    paras = paragraphs_of(new, "measures")
    done = [reported_on(key_terms(i.text, Params().generic_words), paras, Params()) for i in items_of(old, "plan")]
    assert done == [True, True, True, True, True, False, False]  # 政务公开目录 and 法律明白人 nowhere this year


def test_near_miss_shared_generic_words_do_not_count_as_reported():
    """An item whose only overlap with this year's measures is 加强/推进/工作/法治 is not reported on."""
    old = check_text(
        "某乡2023年法治政府建设年度报告\n一、主要举措和成效\n开展学法。\n二、存在的不足和原因\n一是学法不够。究其原因是重视不够。\n"
        "三、2024年度主要安排\n一是推进智慧执法平台建设，实现执法全过程网上留痕。\n",
        path="old.txt",
        with_roles=True,
    )
    new = check_text(
        "某乡2024年法治政府建设年度报告\n一、主要举措和成效\n一是加强法治工作，推进法治政府建设，全面提升依法行政水平。\n",
        path="new.txt",
        with_roles=True,
    )
    (item,) = items_of(old, "plan")
    terms = key_terms(item.text, Params().generic_words)
    assert "智慧" in terms and "加强" not in terms and "推进" not in terms
    assert not reported_on(terms, paragraphs_of(new, "measures"), Params())


def test_rule_examples():
    from checker.config import Config
    from checker.packs import load_ruleset
    from checker.review.examples import review_texts, split_example

    rule = load_ruleset().rules["FZ705"]
    fires = review_texts(*split_example(rule.example_fires), Config(select=("FZ705",)))
    assert [(d.code, d.location.line, d.message) for d in fires.diagnostics] == [
        ("FZ705", 2, "上年安排的“推进智慧执法平台建设，实现执法全过程网上留痕”未见落实情况（上年报告：p0.txt 第7行）")
    ]
    assert fires.rows[0]["followthrough"] == "0/1"
    passes = review_texts(*split_example(rule.example_passes), Config(select=("FZ705",)))
    assert passes.diagnostics == [] and passes.rows[0]["followthrough"] == "1/1"


def test_plan_items_of_a_flattened_report_are_placed_in_its_single_line():
    old, _ = _pair("东坝乡")
    text = "".join(line.strip() for line in old.document.text.splitlines())
    flat = check_text(text, with_roles=True)
    assert flat.outline.split == "split"
    items, written = items_of(flat, "plan"), items_of(old, "plan")
    assert [i.text for i in items] == [i.text for i in written]
    for item in items:
        assert item.line == 1
        assert item.text in text[item.column - 1 : item.end_column - 1]  # 一是… where the file has it
