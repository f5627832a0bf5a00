import pytest


def test_causes_given_in_body_near_miss(run, report):
    assert run(report, "FZ103") == []


def test_causes_promised_by_the_heading_only_fire(run, report):
    text = report.replace("究其原因，主要是专业人才缺乏。", "").replace("存在的不足和原因", "存在的不足、原因")
    assert run(text, "FZ103") == [
        (6, 3, "FZ103", "warning", "“2024年度推进法治政府建设存在的不足、原因”标题写了原因，正文却只列问题，未分析原因")
    ]


@pytest.mark.parametrize(
    "causes",
    ["这主要是由于专业人才缺乏。", "问题的根源在于专业人才缺乏。", "主要原因是专业人才缺乏。", "究其根源，在于培训不够。"],
)
def test_causes_in_the_body_under_a_problems_heading_near_miss(run, report, causes):
    text = report.replace("究其原因，主要是专业人才缺乏。", causes).replace("存在的不足和原因", "存在的问题")
    assert run(text, "FZ103") == []


def test_existing_in_is_no_cause(run, report):
    text = report.replace("究其原因，主要是专业人才缺乏。", "问题主要存在于村级。").replace("存在的不足和原因", "存在的问题")
    assert run(text, "FZ103") == [(6, 3, "FZ103", "warning", "“2024年度推进法治政府建设存在的问题”只列问题，未分析原因")]


def test_no_causes_fires_at_heading(run, report):
    text = report.replace("究其原因，主要是专业人才缺乏。", "").replace("存在的不足和原因", "存在的不足")
    assert run(text, "FZ103") == [
        (6, 3, "FZ103", "warning", "“2024年度推进法治政府建设存在的不足”只列问题，未分析原因")
    ]


def test_points_at_the_deepest_part(run):
    text = "示例乡2024年法治政府建设年度报告\n一、主要做法和存在问题\n（一）主要做法。一是……\n（二）存在问题。一是力量薄弱。\n"
    assert run(text, "FZ103") == [(4, 4, "FZ103", "warning", "“存在问题”只列问题，未分析原因")]


def test_words_match_only_as_whole_tokens():
    from checker.packs import load_ruleset

    seg = load_ruleset().segmenter()
    assert seg.find("分析原因如下", "原因") == 2
    assert seg.find("健全学法制度", "法制") == -1  # 学法/制度: 法制 is not a word here
    assert seg.find("开展法制宣传", "法制宣传") == 2
    assert seg.contains_any("存在的不足和原因", ("原因", "根源")) == "原因"
