"""The command line: formats, exit codes, stdin, folders, outline and rules."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from checker.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
SEED_000 = str(SEEDS / "000_0c2af4e7f0c2d5ea.txt")
SEED_004 = str(SEEDS / "004_4cb5d7ebd9b6d720.txt")
runner = CliRunner()


def invoke(*args, input=None):
    return runner.invoke(app, [*args], input=input)


def test_text_output_is_ruff_style_with_source_hint_and_basis():
    result = invoke("check", SEED_000, "--select", "FZ104", "--no-config")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == f"{SEED_000}:1:1: FZ104 [error] 未报告党政主要负责人履行推进法治建设第一责任人职责的情况"
    assert lines[2] == " 1 | 湟中区群加藏族乡"
    assert lines[3] == "   | " + "^" * 16
    assert lines[4].startswith("   = 提示：单列一部分")
    assert lines[5].startswith("   = 依据：《法治政府建设与责任落实督察工作规定》")
    assert lines[-1] == "共检查 1 个文件，发现 1 个问题：错误 1，警告 0，提示 0。"


def test_json_contract():
    result = invoke("check", SEED_000, "--format", "json", "--select", "FZ101,FZ102,FZ103,FZ104,FZ105,FZ106,FZ107,FZ2", "--no-config")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["version"] == 1
    (entry,) = data["files"]
    assert entry["path"] == SEED_000 and entry["encoding"] == "utf-8" and entry["year"] == 2024
    assert entry["entity"] == "湟中区群加藏族乡"
    assert entry["title"] == "湟中区群加藏族乡2024年法治政府建设情况报告"
    assert entry["sections"][3] == {
        "role": ["shortcomings", "plan"], "level": 1, "number": "四", "marker": "四、",
        "heading": "存在的问题及2025年度工作计划", "line": 15, "end_line": 19,
    }
    codes = [(d["code"], d["line"], d["column"]) for d in entry["diagnostics"]]
    assert codes == [("FZ104", 1, 1), ("FZ103", 15, 3), ("FZ205", 19, 1)]  # the seed has no 落款 (issue 12)
    d = entry["diagnostics"][1]
    assert set(d) == {"code", "name", "severity", "message", "line", "column", "end_line", "end_column", "hint", "basis", "fix"}
    assert (d["end_line"], d["end_column"]) == (15, 19)  # end is exclusive
    assert data["summary"] == {"files": 1, "errors": 1, "warnings": 1, "infos": 1}


def test_exit_codes_and_fail_on():
    assert invoke("check", SEED_004, "--no-config", "--select", "FZ1").exit_code == 0
    assert invoke("check", SEED_000, "--no-config", "--select", "FZ103").exit_code == 0  # warning < error
    assert invoke("check", SEED_000, "--no-config", "--select", "FZ103", "--fail-on", "warning").exit_code == 1
    assert invoke("check", SEED_000, "--no-config", "--fail-on", "never").exit_code == 0
    assert invoke("check", SEED_000, "--no-config", "--exit-zero").exit_code == 0
    bad = invoke("check", SEED_000, "--fail-on", "fatal")
    assert bad.exit_code == 2 and "--fail-on 只能是" in bad.output


def test_usage_errors_exit_2():
    assert invoke("check", SEED_000, "--format", "yaml").exit_code == 2
    assert invoke("check", "没有这个文件夹/").exit_code == 2


def test_unreadable_inputs_alone_exit_2_mixed_batch_goes_on(tmp_path):
    bad = tmp_path / "坏.txt"
    bad.write_bytes(b"\x00\x01" * 100)
    alone = invoke("check", str(bad), "--no-config")
    assert alone.exit_code == 2
    assert f"{bad}:1:1: FZ901 [error] 无法读取：这不是文本文件" in alone.output
    mixed = invoke("check", str(bad), SEED_004, "--no-config", "--select", "FZ1,FZ9", "--format", "json")
    data = json.loads(mixed.output)
    assert mixed.exit_code == 1
    assert [f["path"] for f in data["files"]] == [str(bad), SEED_004]
    assert data["files"][0]["error"].startswith("这不是文本文件")


def test_folder_is_searched_recursively(tmp_path):
    (tmp_path / "a" / ".hidden").mkdir(parents=True)
    shutil.copy(SEED_004, tmp_path / "a" / "r.txt")
    shutil.copy(SEED_004, tmp_path / "a" / ".hidden" / "skip.txt")
    (tmp_path / "a" / "notes.csv").write_text("x", encoding="utf-8")
    result = invoke("check", str(tmp_path), "--format", "json", "--no-config")
    assert [f["path"] for f in json.loads(result.output)["files"]] == [str(tmp_path / "a" / "r.txt")]


def test_stdin():
    text = Path(SEED_000).read_text(encoding="utf-8")
    result = invoke("check", "-", "--format", "json", "--select", "FZ104", "--no-config", input=text)
    data = json.loads(result.output)
    assert data["files"][0]["path"] == "<stdin>"
    assert [d["code"] for d in data["files"][0]["diagnostics"]] == ["FZ104"]


def test_statistics():
    result = invoke("check", str(SEEDS), "--statistics", "--select", "FZ103,FZ104", "--no-config", "--no-source")
    assert "    4  FZ103  [warning]  shortcomings-without-causes" in result.output  # seed 004 too (issue 11)
    assert "    2  FZ104  [error]  missing-first-responsible" in result.output


def test_config_error_exit_2(tmp_path):
    (tmp_path / "fzcheck.toml").write_text('selct = ["FZ1"]\n', encoding="utf-8")
    shutil.copy(SEED_004, tmp_path / "r.txt")
    result = invoke("check", str(tmp_path / "r.txt"))
    assert result.exit_code == 2
    assert "未知的配置项 “selct”（是否应为 “select”？）" in result.output


def test_outline_text_and_json():
    text = invoke("outline", SEED_000, "--no-config")
    assert text.exit_code == 0
    assert "标题：湟中区群加藏族乡2024年法治政府建设情况报告（第1–2行）" in text.output
    assert (
        "└─ 四、存在的问题及2025年度工作计划  [存在不足、下年安排（依据：“存在的问题”第15行、“工作计划”第15行、“2025年”第15行）] 第15–19行"
        in text.output
    )
    assert "├─ 一、学习宣传贯彻习近平法治思想情况  [举措成效（按位置推断）]" in text.output
    data = json.loads(invoke("outline", SEED_000, "--format", "json", "--no-config").output)
    assert data["year"] == 2024 and data["title_lines"] == [1, 2]
    assert [s["number"] for s in data["sections"]] == ["一", "二", "三", "四"]
    last = data["sections"][3]
    assert (last["role"], last["role_evidence"]) == (["shortcomings", "plan"], "heading")
    assert last["role_words"] == [
        {"word": "存在的问题", "line": 15}, {"word": "工作计划", "line": 15}, {"word": "2025年", "line": 15}
    ]


def test_outline_of_unreadable_file(tmp_path):
    result = invoke("outline", str(tmp_path / "无.txt"))
    assert result.exit_code == 2 and "文件不存在" in result.output


def test_rules_list_and_explain():
    listing = invoke("rules")
    assert listing.exit_code == 0
    assert "FZ104    错误   missing-first-responsible" in listing.output
    explain = invoke("rules", "FZ104")
    for heading in ("检查什么", "为什么", "依据", "会报告的写法", "不会报告的写法", "如何修改"):
        assert heading in explain.output
    assert invoke("rules", "missing-plan").output.startswith("FZ106 missing-plan")
    unknown = invoke("rules", "FZ1O4")
    assert unknown.exit_code == 2 and "是否要找 FZ104" in unknown.output
    data = json.loads(invoke("rules", "--format", "json").output)
    assert {"FZ101", "FZ107", "FZ203"} <= {r["code"] for r in data}


def test_installed_console_script_finds_packs_from_another_directory(tmp_path):
    exe = shutil.which("fzcheck", path=os.path.dirname(sys.executable)) or shutil.which("fzcheck")
    cmd = [exe] if exe else [sys.executable, "-m", "checker"]
    out = subprocess.run([*cmd, "rules", "FZ101"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.startswith("FZ101 missing-measures")
