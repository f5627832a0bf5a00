"""fzcheck check --statistics and --exit-zero (flags of checker/cli.py)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from checker.cli import app

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
SEED_000 = str(SEEDS / "000_0c2af4e7f0c2d5ea.txt")
runner = CliRunner()


def check(*args):
    return runner.invoke(app, ["check", "--no-config", "--no-source", *args])


def test_statistics_counts_per_rule_most_frequent_first():
    result = check(str(SEEDS), "--select", "FZ103,FZ104,FZ105", "--statistics")
    lines = result.stdout.splitlines()
    table = [line for line in lines if line.startswith("    ")]
    assert table == [
        "    4  FZ103  [warning]  shortcomings-without-causes",  # seed 004 too (issue 11)
        "    2  FZ104  [error]  missing-first-responsible",
        "    1  FZ105  [info]  first-responsible-not-own-part",
    ]
    assert lines[-1] == "共检查 5 个文件，发现 7 个问题：错误 2，警告 4，提示 1。"


def test_without_statistics_no_table():
    result = check(SEED_000, "--select", "FZ104")
    assert not [line for line in result.stdout.splitlines() if line.startswith("    1  FZ104")]


def test_exit_zero_with_errors():
    assert check(SEED_000, "--select", "FZ104").exit_code == 1
    assert check(SEED_000, "--select", "FZ104", "--exit-zero").exit_code == 0


def test_exit_zero_keeps_2_when_nothing_could_be_read(tmp_path):
    broken = tmp_path / "坏.txt"
    broken.write_bytes(b"\x00\x01binary\x00\xff\xfe")
    assert check(str(broken), "--exit-zero").exit_code == 2
    assert check(str(broken), SEED_000, "--exit-zero").exit_code == 0


def test_fail_on_never_and_warning():
    assert check(SEED_000, "--select", "FZ103", "--fail-on", "error").exit_code == 0
    assert check(SEED_000, "--select", "FZ103", "--fail-on", "warning").exit_code == 1
    assert check(SEED_000, "--select", "FZ104", "--fail-on", "never").exit_code == 0
