"""Bugs of issue 10, each with the case that used to go wrong."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.config import find_config
from checker.errors import ConfigError
from checker.packs import load_ruleset

INFO_ONLY = "示例乡2024年法治政府建设年度报告\n一、主要举措和成效\n开展学法活动。\n"


def test_fail_on_error_on_the_command_line_beats_fail_on_info_in_the_config(tmp_path, monkeypatch):
    (tmp_path / "fzcheck.toml").write_text('fail-on = "info"\nselect = ["FZ601"]\n', encoding="utf-8")
    report = tmp_path / "报告.txt"
    report.write_text(INFO_ONLY, encoding="utf-8")
    runner = CliRunner()
    by_config = runner.invoke(app, ["check", str(report)])
    assert by_config.exit_code == 1 and "FZ601 [info]" in by_config.stdout  # the config's fail-on applies
    assert runner.invoke(app, ["check", "--fail-on", "error", str(report)]).exit_code == 0
    monkeypatch.chdir(tmp_path)  # a review applies the reviewer's configuration: the folder it runs in
    review = runner.invoke(app, ["review", "--no-progress", "-j", "1", str(tmp_path)])
    assert review.exit_code == 1  # the review reads the folder's fail-on too
    assert runner.invoke(app, ["review", "--no-progress", "-j", "1", "--fail-on", "error", str(tmp_path)]).exit_code == 0


PACK = """[[rule]]
code = "FZ801"
name = "few-problems"
kind = "min_items"
role = "shortcomings"
min_items = 3
severity = "warning"
message = "只列出{count}个问题"

[[rule]]
code = "FZ802"
name = "few-plans"
kind = "min_items"
role = "plan"
min_items = "three"
severity = "warning"
message = "只列出{count}条安排"
"""


def test_a_pack_error_points_at_the_offending_rule(tmp_path):
    pack = tmp_path / "county.toml"
    pack.write_text(PACK, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_ruleset([pack])
    assert str(err.value).startswith(f"{pack}:15: 规则 FZ802 的参数 min_items")  # not line 6, FZ801's


def test_a_broken_pyproject_with_a_tool_fzcheck_table_is_an_error_not_ignored(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.fzcheck]\nselect = ["FZ1"\n', encoding="utf-8")
    report = tmp_path / "报告.txt"
    report.write_text(INFO_ONLY, encoding="utf-8")
    assert find_config(report) == tmp_path / "pyproject.toml"
    res = CliRunner().invoke(app, ["check", str(report)])
    assert res.exit_code == 2 and "pyproject.toml: TOML 语法错误" in res.output


def test_a_broken_pyproject_of_another_tool_is_still_skipped(tmp_path):
    """Near miss: a syntax error in a pyproject.toml that never mentions fzcheck is not ours to report."""
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x\n', encoding="utf-8")
    (tmp_path / "报告.txt").write_text(INFO_ONLY, encoding="utf-8")
    assert find_config(tmp_path / "报告.txt") != tmp_path / "pyproject.toml"
