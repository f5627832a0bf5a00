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
