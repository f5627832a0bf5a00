def test_own_part_near_miss(run, report):
    assert run(report, "FZ104", "FZ105") == []


def _without_part(report: str) -> str:
    return report.replace(
        "三、2024年度党政主要负责人履行推进法治建设第一责任人职责情况\n乡党委书记认真履行推进法治建设第一责任人职责，亲自部署重大法治工作。\n",
        "",
    ).replace("四、2025年度", "三、2025年度")


def test_missing_fires_at_title(run, report):
    assert run(_without_part(report), "FZ104", "FZ105") == [
        (1, 1, "FZ104", "error", "未报告党政主要负责人履行推进法治建设第一责任人职责的情况")
    ]


def test_citation_of_the_regulation_is_not_evidence(run, report):
    text = _without_part(report).replace(
        "一是梳理权责清单126项。", "一是认真贯彻《党政主要负责人履行推进法治建设第一责任人职责规定》。"
    )
    assert [f[2] for f in run(text, "FZ104", "FZ105")] == ["FZ104"]


def test_preamble_that_announces_the_parts_is_not_evidence(run, report):
    text = _without_part(report).replace(
        "现将有关情况报告如下", "现将第一责任人履行职责等情况报告如下"
    )
    assert [f[2] for f in run(text, "FZ104", "FZ105")] == ["FZ104"]


def test_plan_promise_is_not_evidence(run, report):
    text = _without_part(report).replace("二是加强执法队伍建设。", "二是压实主要负责人履行第一责任人职责。")
    assert [f[2] for f in run(text, "FZ104", "FZ105")] == ["FZ104"]


def test_buried_content_fires_at_the_sentence(run, report):
    text = _without_part(report).replace(
        "一是梳理权责清单126项。", "一是乡党委书记履行第一责任人职责，亲自部署法治工作。"
    )
    assert run(text, "FZ104", "FZ105") == [
        (5, 15, "FZ105", "info", "第一责任人履职情况只写在“依法全面履行政府职能”之中，未单列为一部分")
    ]


def test_buried_rule_respects_max_level(run, report, tmp_path):
    from checker.api import check_text
    from checker.config import Config

    pack = tmp_path / "county.toml"
    pack.write_text('[[rule]]\ncode = "FZ105"\nmax_level = 2\n', encoding="utf-8")
    text = _without_part(report).replace(
        "（一）依法全面履行政府职能。", "（一）党政主要负责人履行第一责任人职责情况。书记亲自部署法治工作。"
    )
    assert [d.code for d in check_text(text, Config(select=("FZ105",))).diagnostics] == ["FZ105"]
    assert check_text(text, Config(select=("FZ105",), packs=(pack,))).diagnostics == []


def test_sub_part_of_the_plan_is_not_evidence(run, report):
    text = _without_part(report).replace(
        "一是持续深化依法行政。", "（一）压实责任。主要负责人切实履行第一责任人职责。\n一是持续深化依法行政。"
    )
    assert [f[2] for f in run(text, "FZ104", "FZ105")] == ["FZ104"]
