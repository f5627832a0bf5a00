"""Text output groups repetition (issue 12): per file, at most 3 findings of one code in full, then
one line "另有 K 处同类问题（--show-all 显示全部）"; --show-all and the machine formats keep every finding."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from checker.cli import app
from checker.console import parse_check
from checker.formats.text import grouped

REPORT = "示例乡2024年法治政府建设年度报告\n\n一、主要举措和成效\n开展培训,宣传,调解,执法,检查。\n二是落实,推进。\n"


def run(tmp_path, *args):
    path = tmp_path / "报告.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--select", "FZ401", "--no-source", "--no-config", *args])
    return path, result.output


def test_text_shows_three_then_one_summary_line(tmp_path):
    path, out = run(tmp_path)
    assert [line.split(": ", 1)[0] for line in out.splitlines() if " FZ401 [" in line] == [
        f"{path}:4:5", f"{path}:4:8", f"{path}:4:11"
    ]
    assert f"{path}: FZ401 另有 2 处同类问题（--show-all 显示全部）" in out.splitlines()
    assert "共检查 1 个文件，发现 5 个问题：错误 0，警告 5，提示 0。" in out


def test_show_all_shows_every_finding(tmp_path):
    _, out = run(tmp_path, "--show-all")
    assert sum(" FZ401 [" in line for line in out.splitlines()) == 5
    assert "另有" not in out


def test_json_keeps_every_finding(tmp_path):
    _, out = run(tmp_path, "--format", "json")
    assert len(json.loads(out)["files"][0]["diagnostics"]) == 5


def test_three_or_fewer_are_not_grouped(tmp_path):
    path = tmp_path / "短.txt"
    path.write_text("示例乡2024年法治政府建设年度报告\n\n一、主要举措\n开展培训,宣传。\n", encoding="utf-8")
    out = CliRunner().invoke(app, ["check", str(path), "--select", "FZ401", "--no-config"]).output
    assert "另有" not in out


def test_grouped_counts_per_code_in_order():
    class D:
        def __init__(self, code):
            self.code = code

    ds = [D("FZ401")] * 5 + [D("FZ406")] * 2 + [D("FZ401")]
    shown, hidden = grouped(ds, show_all=False)
    assert [d.code for d in shown] == ["FZ401"] * 3 + ["FZ406"] * 2
    assert hidden == {"FZ401": 3}
    assert grouped(ds, show_all=True) == (ds, {})


def test_console_fast_path_knows_show_all():
    assert parse_check(["a.txt", "--show-all"])["show_all"] is True
