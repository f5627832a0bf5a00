"""carried_over (FZ703/FZ704): paragraphs unchanged from the same entity's report of last year."""

from __future__ import annotations

import pytest

from checker.config import Config
from checker.errors import ConfigError
from checker.packs import load_ruleset
from checker.review.examples import review_texts, split_example

PROBLEM = "一是部分干部运用法治思维和法治方式解决问题的能力不足，与建设法治政府的要求还有一定差距，究其原因是学法培训不够系统。"
PLAN = "一是持续加强法治建设组织领导，定期研究部署法治政府建设工作，及时解决工作中存在的困难和问题，确保各项任务落到实处。"


def review(texts, previous=(), select=("FZ701", "FZ702", "FZ703", "FZ704")):  # not the follow-through rules (their own tests)
    return review_texts(texts, previous, Config(select=select))


def codes(result):
    return [(d["file"].rsplit("/", 1)[-1], d["line"], d["column"], d["code"]) for d in result.diagnostic_rows()]


def report(year: int, problem: str, plan: str, entity: str = "安多县多玛乡") -> str:
    return (
        f"{entity}{year}年法治政府建设年度报告\n"
        f"一、{year}年度推进法治政府建设的主要举措和成效\n全年开展法治宣传{year - 1990}场次，调解纠纷{year - 2000}件。\n"
        f"二、{year}年度推进法治政府建设存在的不足和原因\n{problem}\n"
        f"三、{year + 1}年度推进法治政府建设的主要安排\n{plan.replace(str(year), str(year + 1))}\n"
    )


@pytest.mark.parametrize("code", ["FZ703", "FZ704"])
def test_rule_examples(tmp_path, code):
    rule = load_ruleset().rules[code]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    fires = review(*split_example(rule.example_fires))
    assert [c[3] for c in codes(fires)] == [code]
    assert codes(review(*split_example(rule.example_passes))) == []


def test_shortcomings_and_plan_carried_over():
    plan = PLAN.replace("一是", "一是2024年")
    result = review([report(2024, PROBLEM, plan)], previous=[report(2023, PROBLEM, plan)])
    assert codes(result) == [("r0.txt", 5, 1, "FZ703"), ("r0.txt", 7, 1, "FZ703")]
    first = result.diagnostic_rows()[0]
    assert first["message"] == (
        "存在不足中的这一段与上一年度报告（p0.txt 第5行）几乎相同（相似度100%），照搬了上年内容"
    )
    assert result.diagnostic_rows()[1]["message"].startswith("下年安排中的这一段与上一年度报告（")
    assert [p.path for p in result.findings[0].places] == ["r0.txt", "p0.txt"]


def test_near_miss_rewritten_shortcomings():
    new_problem = "一是行政执法案卷评查发现3件案卷文书不规范，说明执法人员对新修订的行政处罚法掌握不够，培训考核没有跟上。"
    new_plan = "一是针对案卷评查发现的问题，组织执法人员逐条学习新修订的行政处罚法，年底前完成全部执法人员的轮训和考试。"
    result = review([report(2024, new_problem, new_plan)], previous=[report(2023, PROBLEM, PLAN)])
    assert codes(result) == []


def test_near_miss_other_entity_last_year():
    """Last year's report of another township is not this township's last year."""
    previous = [report(2023, PROBLEM, PLAN, entity="措美县哲古镇")]
    assert codes(review([report(2024, PROBLEM, PLAN)], previous=previous)) == []


def test_without_previous_nothing():
    assert codes(review([report(2024, PROBLEM, PLAN)])) == []


def test_unknown_role_is_a_configuration_error(tmp_path):
    pack = tmp_path / "county.toml"
    pack.write_text('[[rule]]\ncode = "FZ703"\nroles = ["plans"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="roles 中有未定义的部分：plans"):
        load_ruleset([pack])
