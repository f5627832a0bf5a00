def test_shufa_report_is_a_lookalike(run):
    text = "示例乡党委书记2024年度述法报告\n\n一、学法用法情况\n本人带头学法12次。\n"
    assert run(text, "FZ1", "FZ204") == [
        (1, 1, "FZ204", "warning", "这份文件看起来是述法报告，不是法治政府建设年度报告")
    ]


def test_annual_report_near_miss(run, report):
    assert run(report, "FZ204") == []


def test_county_pack_can_add_a_lookalike(tmp_path, report):
    from checker.api import check_text
    from checker.config import Config

    pack = tmp_path / "county.toml"
    pack.write_text('[lookalikes]\n"调研报告" = ["调研报告"]\n', encoding="utf-8")
    text = report.replace("年度报告", "调研报告", 1)
    result = check_text(text, Config(select=("FZ204",), packs=(pack,)))
    assert [d.message for d in result.diagnostics] == ["这份文件看起来是调研报告，不是法治政府建设年度报告"]


NEWS = """青禾镇：以法治之力护航基层治理

来源：青山县融媒体中心 记者 林小禾
4月2日，青禾镇组织全镇干部集中学习新修订的《行政复议法》。会上，镇司法所所长结合案例进行了讲解。
会议要求，各站所要把学法成果转化为依法办事的能力。
"""


def test_news_item_is_judged_on_its_text_once(run):
    assert run(NEWS, "FZ1", "FZ2") == [(1, 1, "FZ204", "warning", "这份文件看起来是新闻报道，不是法治政府建设年度报告")]


def test_interpretation_under_the_reports_own_title(run):
    text = "关于《青禾镇2024年法治政府建设情况的报告》的说明\n\n一、起草背景\n按照规定编写。\n二、主要内容\n《报告》分为四个部分。\n"
    assert run(text, "FZ1", "FZ2") == [(1, 1, "FZ204", "warning", "这份文件看起来是年度报告的解读，不是法治政府建设年度报告")]


def test_annual_report_naming_the_five_year_period_near_miss(run, report):
    text = report.replace("示例乡2024年法治政府建设年度报告", "示例乡2024年法治政府建设年度报告暨“十四五”时期工作总结")
    assert run(text, "FZ1", "FZ204") == []


def test_five_year_summary_without_a_year_fires(run, report):
    text = report.replace("示例乡2024年法治政府建设年度报告", "示例乡“十四五”时期法治政府建设工作总结")
    assert run(text, "FZ1", "FZ2") == [(1, 1, "FZ204", "warning", "这份文件看起来是五年规划或总结，不是法治政府建设年度报告")]


def test_annual_report_with_meeting_words_near_miss(run, report):
    text = report.replace("乡党委书记认真履行", "3月5日，乡党委书记主持召开专题会议，会议强调依法行政，会上部署任务。乡党委书记认真履行")
    assert run(text, "FZ204") == []


def test_lookalike_table_keys_are_checked(tmp_path):
    import pytest

    from checker.errors import ConfigError
    from checker.packs import load_ruleset

    pack = tmp_path / "county.toml"
    pack.write_text('[lookalikes."调研报告"]\ntitle = ["调研报告"]\nbodys = ["调研"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="未知的lookalikes.调研报告 的键 “bodys”（是否应为 “body”？）"):
        load_ruleset([pack])
