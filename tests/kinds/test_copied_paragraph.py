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


OWN_WORK = [
    "一是推进政务服务下沉，在8个行政村设立便民服务代办点，全年代办社保认证、残疾人补贴申请等事项1100余件。",
    "一是开展安全生产和消防领域联合执法，检查沿街商铺、小作坊等经营场所214家，督促整改隐患63处，关停无证作坊2家。",
    "一是加强行政规范性文件管理，全年制发规范性文件2件，均经司法所合法性审核并报县司法局备案，未发生被撤销情况。",
    "一是建设法治文化阵地，在乡政府驻地新建法治文化广场1处，在各村设立法治宣传长廊和法律明白人工作室共9个。",
    "一是加强生态环境执法，联合县自然资源局开展非法采砂、乱占耕地专项整治，立案查处违法占地案件4件，恢复耕地12亩。",
    "一是开展食品安全监督检查，联合市场监管所对学校食堂、农村集体聚餐开展检查42次，下达整改通知书15份。",
]
NAMES = ("甲乡", "乙镇", "丙乡", "丁镇", "戊乡", "己镇", "庚乡", "辛镇", "壬乡", "癸镇")


def _folder(sharing: int, total: int) -> list[str]:
    """``total`` reports; the first ``sharing`` carry PARAGRAPH, the others a paragraph of their own."""
    return [
        f"{name}2024年法治政府建设年度报告\n一、主要举措和成效\n{PARAGRAPH if k < sharing else OWN_WORK[k - sharing]}\n"
        for k, name in enumerate(NAMES[:total])
    ]


def test_one_finding_for_a_paragraph_in_several_reports():
    result = review(_folder(4, 9))  # 4 of 9 units: copying, not yet the county's formula
    assert len(result.findings) == 1 and len(result.findings[0].places) == 4
    assert result.diagnostic_rows()[0]["message"].startswith("本段与乙镇（") and "等3处" in result.diagnostic_rows()[0]["message"]


def test_a_paragraph_most_units_write_is_a_shared_formula_not_a_copy():
    from checker.kinds import copied_paragraph

    result = review(_folder(5, 9))  # 5 of 9 units: more than half
    assert result.findings == []
    assert [(f.units, f.excerpt[:6]) for f in result.shared] == [(5, "一是强化组织")]
    rule = load_ruleset().rules["FZ701"]
    assert (rule.params.boilerplate_share, rule.params.boilerplate_min_units) == (0.5, 4)
    assert copied_paragraph.MEASURES == ("jaccard", "overlap")


def test_a_heading_with_one_sentence_is_compared_by_its_text():
    """A bare （一） with one sentence is parsed as a heading (no 。 before its end): compared all the same."""
    item = "深化矛盾纠纷排查化解，乡村两级调解组织全年排查矛盾纠纷90余次，成功调解跨乡边界草场纠纷2起，涉及资金46万元。"
    a = f"甲乡2024年法治政府建设年度报告\n一、主要举措和成效\n（一）{item}\n"
    b = f"乙镇2024年法治政府建设年度报告\n一、主要举措和成效\n（二）{item.replace('90', '70')}\n"
    assert check_text(a, Config()).outline.sections[0].children[0].heading.startswith("深化矛盾纠纷排查化解")
    assert codes(review([a, b])) == [("r0.txt", 3, 4, "FZ701"), ("r1.txt", 3, 4, "FZ701")]
    short = "（一）深化矛盾纠纷排查化解工作"  # a real heading: too short to compare
    assert codes(review([a.replace(item, short[3:]), b.replace(item.replace("90", "70"), short[3:])])) == []


def test_words_swapped_and_a_clause_inserted_are_still_copies():
    swapped = PARAGRAPH.replace("乡长为副组长的法治政府建设工作领导小组", "乡长为副组长的法治政府建设领导工作小组").replace(
        "统筹协调全乡法治建设工作", "全乡法治建设工作统筹协调"
    )
    inserted = PARAGRAPH.replace("统筹协调", "认真贯彻上级部署，统筹协调")
    for copy in (swapped, inserted):
        a = f"甲乡2024年法治政府建设年度报告\n一、主要举措和成效\n{PARAGRAPH}\n"
        b = f"乙镇2024年法治政府建设年度报告\n一、主要举措和成效\n{copy}\n"
        assert [c[3] for c in codes(review([a, b]))] == ["FZ701", "FZ701"], copy


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
