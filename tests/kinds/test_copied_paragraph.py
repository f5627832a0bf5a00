"""copied_paragraph (FZ701): near-identical paragraphs in the reports of different entities."""

from __future__ import annotations

import pytest

from checker.api import check_text
from checker.config import Config
from checker.errors import ConfigError
from checker.packs import load_ruleset
from checker.review.examples import review_texts, split_example

PARAGRAPH = (
    "一是强化组织领导。成立以乡党委书记为组长、乡长为副组长的法治政府建设工作领导小组，"
    "统筹协调全乡法治建设工作，全年召开专题会议2次。"
)


def review(texts, previous=(), select=("FZ7",)):
    return review_texts(texts, previous, Config(select=select))


def codes(result):
    return [(d["file"].rsplit("/", 1)[-1], d["line"], d["column"], d["code"]) for d in result.diagnostic_rows()]


def test_rule_examples(tmp_path):
    rule = load_ruleset().rules["FZ701"]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    fires = review(*split_example(rule.example_fires))
    assert [c[3] for c in codes(fires)] == ["FZ701", "FZ701"]
    passes = review(*split_example(rule.example_passes))
    assert codes(passes) == []


def test_fires_at_both_places_and_names_the_other():
    a = f"甲乡2024年法治政府建设年度报告\n一、主要举措和成效\n{PARAGRAPH}\n"
    b = f"乙镇2024年法治政府建设年度报告\n一、主要举措和成效\n（一）组织保障。{PARAGRAPH.replace('2次', '5次')}\n"
    result = review([a, b])
    assert codes(result) == [("r0.txt", 3, 1, "FZ701"), ("r1.txt", 3, 9, "FZ701")]
    first, second = result.diagnostic_rows()
    assert first["message"] == f"本段与乙镇（{result.records[1].file} 第3行）的段落几乎相同（相似度100%），疑似照抄"
    assert second["message"] == f"本段与甲乡（{result.records[0].file} 第3行）的段落几乎相同（相似度100%），疑似照抄"
    assert [len(f.places) for f in result.findings] == [2]
    assert result.findings[0].summary == "2 个单位的报告中有几乎相同的段落（相似度100%）"


def test_near_miss_same_topic_rewritten():
    a = f"甲乡2024年法治政府建设年度报告\n一、主要举措和成效\n{PARAGRAPH}\n"
    b = (
        "乙镇2024年法治政府建设年度报告\n一、主要举措和成效\n"
        "镇党委成立以党委书记为组长的依法治镇领导小组，全年召开两次依法治镇工作推进会，研究解决法治建设中的重大问题。\n"
    )
    assert codes(review([a, b])) == []


def test_near_miss_same_entity_twice():
    """Two files of one township (a draft and the final) are not copies of each other."""
    a = f"甲乡2024年法治政府建设年度报告\n一、主要举措和成效\n{PARAGRAPH}\n"
    assert codes(review([a, a.replace("年度报告", "年度报告（终稿）")])) == []


def test_near_miss_short_paragraph():
    short = "一是强化组织领导，压实工作责任。"  # under min_chars: every report has such lines
    a = f"甲乡2024年法治政府建设年度报告\n一、主要举措和成效\n{short}\n"
    b = f"乙镇2024年法治政府建设年度报告\n一、主要举措和成效\n{short}\n"
    assert codes(review([a, b])) == []


def test_one_finding_for_a_paragraph_in_many_reports():
    texts = [f"{name}2024年法治政府建设年度报告\n一、主要举措和成效\n{PARAGRAPH}\n" for name in ("甲乡", "乙镇", "丙乡", "丁镇")]
    result = review(texts)
    assert len(result.findings) == 1 and len(result.findings[0].places) == 4
    assert result.diagnostic_rows()[0]["message"].startswith("本段与乙镇（") and "等3处" in result.diagnostic_rows()[0]["message"]


def test_check_of_one_report_finds_nothing():
    result = check_text(f"甲乡2024年法治政府建设年度报告\n一、主要举措和成效\n{PARAGRAPH}\n{PARAGRAPH}\n", Config(select=("FZ701",)))
    assert result.diagnostics == []


@pytest.mark.parametrize(
    "line,problem",
    [("threshold = 1.5", "threshold 必须是 0 到 1 之间的小数"), ("shingle_size = 1", "shingle_size 必须在 2 到 12 之间")],
)
def test_params_are_validated(tmp_path, line, problem):
    pack = tmp_path / "county.toml"
    pack.write_text(f'[[rule]]\ncode = "FZ701"\n{line}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_ruleset([pack])
    assert f"规则 FZ701：{problem}" in str(exc.value)
