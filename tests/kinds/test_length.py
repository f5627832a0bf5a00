"""length: FZ605 (far shorter or longer than the county's range)."""

import dataclasses

from checker.api import check_text
from checker.config import Config
from checker.engine import analyze
from checker.ingest import document_from_text
from checker.kinds import length
from checker.packs import load_ruleset


def test_short_report_fires_at_the_title(run, report):
    assert run(report, "FZ605") == [(1, 1, "FZ605", "info", "报告约235字，少于1500字")]


def test_near_miss_long_enough(run, report):
    text = report.replace("亲自部署重大法治工作。", "亲自部署重大法治工作。" + "乡党委书记主持召开专题会议研究法治政府建设。" * 70)
    assert run(text, "FZ605") == []


def test_near_miss_excerpt_without_title(run):
    assert run("一、主要举措和成效\n我镇扎实推进法治政府建设。", "FZ605") == []


def test_county_range_and_upper_bound(report):
    ruleset = load_ruleset()
    rule = ruleset.rules["FZ605"]
    county = dataclasses.replace(rule, params=dataclasses.replace(rule.params, min_chars=100, max_chars=200))
    rep = analyze(document_from_text(report), ruleset, Config(), with_roles=False)
    assert [d.message for d in length.check(rep, county)] == ["报告约235字，多于200字"]


def test_a_county_pack_overrides_only_the_bounds(tmp_path, report):
    pack = tmp_path / "county.toml"
    pack.write_text('[[rule]]\ncode = "FZ605"\nmin_chars = 100\nmax_chars = 200\n', encoding="utf-8")
    result = check_text(report, Config(select=("FZ605",), packs=(pack,)))
    assert [(d.severity, d.message) for d in result.diagnostics] == [("info", "报告约235字，多于200字")]
