"""fzcheck check --format junit: well-formed JUnit XML, one suite per file."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from typer.testing import CliRunner

from checker.cli import app

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
SEED_000 = str(SEEDS / "000_0c2af4e7f0c2d5ea.txt")
SEED_003 = str(SEEDS / "003_ac34c00328a5d2bd.txt")  # passes FZ103/FZ104 (seed 004 has FZ103 since issue 11)
runner = CliRunner()


def junit(*args):
    result = runner.invoke(app, ["check", "--format", "junit", "--no-config", *args])
    assert result.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return result.exit_code, ET.fromstring(result.stdout.split("\n", 1)[1])


def test_failures_per_diagnostic_and_a_passing_file(tmp_path):
    broken = tmp_path / "坏.txt"
    broken.write_bytes(b"\x00\x01binary\x00\xff\xfe")
    code, root = junit(SEED_000, SEED_003, str(broken), "--select", "FZ103,FZ104,FZ9")
    assert code == 1
    assert root.tag == "testsuites" and root.get("name") == "fzcheck"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("5", "3", "1")
    first, second, third = root.findall("testsuite")
    assert first.get("name") == SEED_000 and (first.get("tests"), first.get("failures")) == ("2", "2")
    case = first.find("testcase")
    assert case.get("name") == "FZ104 missing-first-responsible" and case.get("line") == "1"
    failure = case.find("failure")
    assert failure.get("type") == "error"
    assert failure.get("message") == "第1行第1列：未报告党政主要负责人履行推进法治建设第一责任人职责的情况"
    assert failure.text.startswith(f"{SEED_000}:1:1: FZ104 [error] 未报告")
    assert "\n依据：《法治政府建设与责任落实督察工作规定》" in failure.text
    assert first.findall("testcase")[1].find("failure").get("type") == "warning"
    [passing] = second.findall("testcase")
    assert passing.find("failure") is None and second.get("failures") == "0"
    error = third.find("testcase/error")
    assert error.get("type") == "input-error" and error.get("message")
    assert third.find("testcase/failure").get("message").startswith("第1行第1列：无法读取：")


def test_markup_in_messages_is_escaped(tmp_path):
    report = tmp_path / "a&b<c>.txt"
    report.write_text("甲乡2024年法治政府建设年度报告\n一、主要举措和成效\n全年办件3100件。\n", encoding="utf-8")
    _, root = junit(str(report), "--select", "FZ104")
    assert root.find("testsuite").get("name") == str(report)


def test_info_findings_are_failing_test_cases_as_the_readme_says(tmp_path):
    """README: every finding, info included, is one failing test case whose type is its severity;
    the exit code (--fail-on), not the failure count, decides whether CI fails."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "**每个问题一个失败的测试用例**" in readme and "提示级的问题也记为失败" in readme
    report = tmp_path / "r.txt"
    report.write_text("全年办结案件3件，办结率100%，满意度98％。\n", encoding="utf-8")  # FZ407: % and ％ mixed (info)
    code, root = junit(str(report), "--select", "FZ407")
    [failure] = root.findall("testsuite/testcase/failure")
    assert failure.get("type") == "info" and root.get("failures") == "1"
    assert code == 0  # --fail-on error: an info finding fails no build
