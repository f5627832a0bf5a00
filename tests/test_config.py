"""fzcheck.toml / [tool.fzcheck] discovery and merging with the command line."""

from __future__ import annotations

import pytest

from checker.api import check_path, config_for
from checker.config import Config, find_config, load_config
from checker.errors import ConfigError


def _report(folder, report):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "报告.txt"
    path.write_text(report.replace("究其原因，主要是专业人才缺乏。", "").replace("存在的不足和原因", "存在的不足"), encoding="utf-8")
    return path


def test_found_upwards_and_applied(tmp_path, report):
    (tmp_path / "fzcheck.toml").write_text('ignore = ["FZ103"]\n', encoding="utf-8")
    path = _report(tmp_path / "乡镇" / "示例乡", report)
    assert find_config(path) == tmp_path / "fzcheck.toml"
    assert "FZ103" not in {d.code for d in check_path(path).diagnostics}
    assert "FZ103" in {d.code for d in check_path(path, discover=False).diagnostics}


def test_pyproject_tool_table(tmp_path, report):
    (tmp_path / "pyproject.toml").write_text('[tool.fzcheck]\nseverity = { FZ103 = "error" }\n', encoding="utf-8")
    path = _report(tmp_path, report)
    assert [d.severity for d in check_path(path).diagnostics if d.code == "FZ103"] == ["error"]


def test_pyproject_without_table_is_skipped(tmp_path, report):
    (tmp_path / "fzcheck.toml").write_text('ignore = ["FZ6"]\n', encoding="utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(_report(tmp_path / "a" / "b", report)) == tmp_path / "fzcheck.toml"


def test_command_line_wins(tmp_path, report):
    (tmp_path / "fzcheck.toml").write_text('year = 2023\nselect = ["FZ1"]\n', encoding="utf-8")
    path = _report(tmp_path, report)
    merged = config_for(path, Config(select=("FZ2",), year=2024))
    assert merged.select == ("FZ2",) and merged.year == 2024


def test_packs_relative_to_config_and_year(tmp_path, report):
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "county.toml").write_text(
        '[roles.enforcement]\nlabel = "行政执法"\nheading_any = ["行政执法"]\n\n'
        '[[rule]]\ncode = "FZ801"\nname = "missing-enforcement"\nkind = "required_role"\nrole = "enforcement"\n'
        'severity = "error"\nmessage = "缺少{role_label}部分"\n',
        encoding="utf-8",
    )
    (tmp_path / "fzcheck.toml").write_text('rules = ["packs"]\nyear = 2023\n', encoding="utf-8")
    path = _report(tmp_path, report)
    result = check_path(path)
    assert [d.message for d in result.diagnostics if d.code == "FZ801"] == ["缺少行政执法部分"]
    assert result.facts.year == 2023 and result.facts.year_source == "config"


@pytest.mark.parametrize(
    "text,message",
    [
        ('selct = ["FZ1"]\n', "fzcheck.toml:1: 未知的配置项 “selct”（是否应为 “select”？）"),
        ("select = 1\n", "select 必须是规则代码列表"),
        ('severity = { FZ103 = "fatal" }\n', "FZ103 的级别只能是 error、warning 或 info"),
        ('year = "2024"\n', "year 必须是四位年份"),
        ('fail-on = "never!"\n', "fail-on 只能是"),
        ("select = [\n", "TOML 语法错误"),
    ],
)
def test_invalid_config(tmp_path, text, message):
    path = tmp_path / "fzcheck.toml"
    path.write_text(text, encoding="utf-8")
    load_config.cache_clear()
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert message in str(err.value)


def test_select_prefix_and_longer_select_beats_ignore():
    config = Config(select=("FZ1", "FZ203"), ignore=("FZ2", "FZ10"))
    assert config.selects("FZ203") and config.selects("FZ111")
    assert not config.selects("FZ201") and not config.selects("FZ104")
