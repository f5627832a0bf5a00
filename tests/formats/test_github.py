"""fzcheck check --format github: GitHub Actions workflow annotations."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from checker.cli import app
from checker.formats.github import escape_data, escape_property

ROOT = Path(__file__).resolve().parent.parent.parent
SEED_000 = str(ROOT / "fixtures" / "seeds" / "000_0c2af4e7f0c2d5ea.txt")
runner = CliRunner()


def github(*args):
    result = runner.invoke(app, ["check", "--format", "github", "--no-config", *args])
    return result.exit_code, result.stdout.splitlines()


def test_one_annotation_per_diagnostic():
    code, lines = github(SEED_000, "--select", "FZ103,FZ104")
    assert code == 1
    assert lines[0] == (
        f"::error file={SEED_000},line=1,col=1,endLine=2,endColumn=16,title=FZ104 missing-first-responsible::"
        "未报告党政主要负责人履行推进法治建设第一责任人职责的情况%0A提示：单列一部分，写明党政主要负责人亲自部署、亲自过问、"
        "亲自协调、亲自督办法治建设，主持专题会议、带头学法述法等具体履职情况（乡镇按本省实施办法参照第一责任人职责规定执行）"
    )
    assert lines[1].startswith(f"::warning file={SEED_000},line=15,col=3,")
    assert len(lines) == 2


def test_info_is_a_notice_and_properties_are_escaped(tmp_path):
    report = tmp_path / "a,b:c.txt"
    report.write_text("甲乡2024年法治政府建设年度报告\n一、存在的问题及2025年度工作计划\n一是力量不足。\n", encoding="utf-8")
    _, lines = github(str(report), "--select", "FZ108")
    escaped = str(report).replace(",", "%2C").replace(":", "%3A")
    assert lines == [
        f"::notice file={escaped},line=2,col=3,endLine=2,endColumn=19,title=FZ108 combined-required-parts::"
        "“存在的问题及2025年度工作计划”把“存在的不足和原因”与“下一年度推进法治政府建设的主要安排”合并在一个标题下"
        "%0A提示：按规定所列事项分列标题，例如分为“存在的不足和原因”与“下一年度主要安排”两部分"
    ]


def test_escaping():
    assert escape_data("100%\r\n下一行") == "100%25%0D%0A下一行"
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"


def test_no_findings_no_output():
    code, lines = github(str(ROOT / "fixtures" / "seeds" / "004_4cb5d7ebd9b6d720.txt"), "--select", "FZ104")
    assert (code, lines) == (0, [])
