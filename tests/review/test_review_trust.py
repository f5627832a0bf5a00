"""``fzcheck review`` trusts only the reviewer: a township's own fzcheck.toml changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from checker.cli import app

REPORT = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"


def _county(tmp_path: Path) -> Path:
    seeds = sorted(REPORT.glob("*.txt"))
    county = tmp_path / "县汇总"
    for town, seed in (("甲镇", seeds[0]), ("乙乡", seeds[1])):
        (county / town).mkdir(parents=True)
        (county / town / "报告.txt").write_bytes(seed.read_bytes())
    return county


def _review(county: Path, cwd: Path, monkeypatch) -> dict:
    monkeypatch.chdir(cwd)
    result = CliRunner().invoke(app, ["review", str(county), "--format", "json", "--no-progress", "--jobs", "1"])
    assert result.exit_code in (0, 1), result.output
    return {Path(r["file"]).parent.name: r for r in json.loads(result.stdout)["reports"]}


def _codes(report: dict) -> list[str]:
    return [d["code"] for d in report["diagnostics"]]


def test_a_township_config_changes_nothing_and_is_listed(tmp_path, monkeypatch):
    county = _county(tmp_path)
    reviewer = tmp_path / "审查人"
    reviewer.mkdir()
    before = _review(county, reviewer, monkeypatch)
    assert [c for c in _codes(before["甲镇"]) if c.startswith("FZ1")]  # the seed has findings to hide
    (county / "甲镇" / "fzcheck.toml").write_text('ignore = ["FZ"]\n', encoding="utf-8")
    (county / "乙乡" / "pyproject.toml").write_text('[tool.fzcheck]\nselect = ["FZ2"]\n', encoding="utf-8")
    after = _review(county, reviewer, monkeypatch)
    for town, config in (("甲镇", "fzcheck.toml"), ("乙乡", "pyproject.toml")):
        notes = [d for d in after[town]["diagnostics"] if d["code"] == "FZ907"]
        assert [d["message"] for d in notes] == [f"送审材料中包含 fzcheck 配置，已忽略：{county / town / config}"]
        assert [d for d in after[town]["diagnostics"] if d["code"] != "FZ907"] == before[town]["diagnostics"]


def test_the_reviewers_own_config_applies(tmp_path, monkeypatch):
    county = _county(tmp_path)
    reviewer = tmp_path / "审查人"
    reviewer.mkdir()
    (reviewer / "fzcheck.toml").write_text('ignore = ["FZ1"]\n', encoding="utf-8")
    reports = _review(county, reviewer, monkeypatch)
    assert not [c for r in reports.values() for c in _codes(r) if c.startswith("FZ1")]
    assert not [c for r in reports.values() for c in _codes(r) if c == "FZ907"]
