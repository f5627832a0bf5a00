"""Hostile paths, packs and options: each refused clearly, bounded, the rest of the batch intact."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.hostile.corpus import GOOD_REPORT, huge_line, many_paragraphs
from tests.hostile.test_hostile_corpus import CPU_BOUND, MEMORY_BOUND, assert_good_reports_intact, by_path, run_case

FORMATS = ("text", "json", "sarif", "junit", "github")


@pytest.fixture
def folder(tmp_path) -> Path:
    (tmp_path / "good-1.txt").write_text(GOOD_REPORT, encoding="utf-8")
    (tmp_path / "good-2.txt").write_text(GOOD_REPORT.replace("示例乡", "另一乡"), encoding="utf-8")
    return tmp_path


def check_json(folder: Path, *paths: str, env: dict | None = None, options: tuple[str, ...] = ()):
    code, out, err, cpu, peak = run_case(["check", "--format", "json", "--jobs", "1", "--no-config", *options, "good-1.txt", *paths, "good-2.txt"], folder, env)
    assert "内部错误" not in err and "Traceback" not in err, err
    assert cpu < CPU_BOUND and peak < MEMORY_BOUND, (cpu, peak)
    files = by_path(json.loads(out))
    assert_good_reports_intact(files)
    return code, files


def only_finding(entry: dict) -> tuple[str, str]:
    (d,) = entry["diagnostics"]
    return d["code"], d["message"]


def test_fifo_and_devices_are_refused_without_being_opened(folder):
    os.mkfifo(folder / "pipe.txt")  # opening it for reading would block for ever
    code, files = check_json(folder, "pipe.txt", "/dev/zero", "/dev/urandom")
    assert only_finding(files["pipe.txt"]) == ("FZ901", "无法读取：这不是普通文件（是命名管道），已跳过；请提供报告文件本身")
    assert only_finding(files["zero"]) == ("FZ901", "无法读取：这不是普通文件（是设备），已跳过；请提供报告文件本身")
    assert only_finding(files["urandom"])[0] == "FZ901"
    assert code in (0, 1)


def test_an_explicit_symlink_loop_is_one_finding(folder):
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    _, files = check_json(folder, "a.txt")
    assert only_finding(files["a.txt"]) == ("FZ901", "无法读取：符号链接循环指向自身，找不到实际文件")


def test_a_file_name_that_is_not_utf8_with_a_strict_utf8_stdout(folder):
    name = os.fsdecode(b"\xff\xfe-report.txt")
    (folder / name).write_text(GOOD_REPORT, encoding="utf-8")
    for fmt in FORMATS:
        code, out, err, _, _ = run_case(["check", "-f", fmt, "--jobs", "1", "--no-config", "good-1.txt", name], folder, {"PYTHONIOENCODING": "utf-8:strict"})
        assert code in (0, 1) and "内部错误" not in err, (fmt, err)
        assert "-report.txt" in out


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_20mb_line_and_100000_paragraphs_in_every_format(folder, fmt):
    (folder / "line.txt").write_bytes(huge_line())
    (folder / "paragraphs.docx").write_bytes(many_paragraphs())
    code, out, err, cpu, peak = run_case(["check", "-f", fmt, "--jobs", "1", "--no-config", "good-1.txt", "line.txt", "paragraphs.docx"], folder)
    assert "内部错误" not in err and cpu < CPU_BOUND and peak < MEMORY_BOUND, (err, cpu, peak)
    assert out.count("FZ904") >= 2 and "文字超过 2,000,000 字" in out and "段落超过 100,000 个" in out


def write_pack(folder: Path, pattern: str, code: str = "FZ880", message: str = "出现“{match}”") -> Path:
    pack = folder / "pack.toml"
    pack.write_text(
        f'[[rule]]\ncode = "{code}"\nname = "custom"\nkind = "pattern"\nseverity = "warning"\n'
        f"message = {json.dumps(message, ensure_ascii=False)}\npattern = {json.dumps(pattern, ensure_ascii=False)}\n",
        encoding="utf-8",
    )
    return pack


@pytest.mark.parametrize(
    "pattern,code,message,problem",
    [
        ("(a+)+$", "FZ880", "出现“{match}”", "pattern 含有嵌套的重复"),
        ("([{han}]+)+！", "FZ880", "出现“{match}”", "pattern 含有嵌套的重复"),
        ("办件量", "FZ880", "出现“{match:>300000000}”", "占位符 {match} 不能带格式说明"),
        ("办件量", "FZ١٢٣", "出现“{match}”", "code 不是 FZ 加三位数字"),
    ],
)
def test_a_hostile_pack_is_refused_when_it_loads(folder, pattern, code, message, problem):
    write_pack(folder, pattern, code, message)
    exit_code, out, err, cpu, _ = run_case(["check", "--no-config", "--rules", "pack.toml", "good-1.txt"], folder)
    assert exit_code == 2 and out == "" and "内部错误" not in err
    assert "pack.toml:" in err and problem in err
    assert cpu < CPU_BOUND


def test_a_backtracking_pattern_the_screen_misses_ends_at_the_time_limit(folder):
    write_pack(folder, "(a|aa)*c")
    (folder / "slow.txt").write_text(GOOD_REPORT + "a" * 60 + "bc\n", encoding="utf-8")
    _, files = check_json(folder, "slow.txt", options=("--rules", "pack.toml"))
    code, message = only_finding(files["slow.txt"])
    assert code == "FZ904" and message.startswith("超出检查上限：规则 FZ880 的正则表达式在此文件上匹配超时")


@pytest.mark.parametrize(
    "option,expected",
    [
        ("FZ1O4", "fzcheck: --select：“FZ1O4” 不是规则代码或前缀（应为 FZ 加数字，如 FZ1、FZ104），是否应为 FZ104？"),
        ("FZ999", "fzcheck: --select：没有以 “FZ999” 开头的规则"),
        ("FZ١٢٣", "fzcheck: --select：“FZ١٢٣” 不是规则代码或前缀"),
    ],
)
def test_an_unknown_select_code_is_an_error_not_a_pass(folder, option, expected):
    code, out, err, _, _ = run_case(["check", "--no-config", "--select", option, "good-1.txt"], folder)
    assert code == 2 and out == "" and err.startswith(expected)


@pytest.mark.parametrize(
    "text,expected",
    [
        ('[tool.fzcheck]\nignore = ["FZ10A"]\n', "ignore 中的 “FZ10A” 不是规则代码或前缀"),
        ('[tool.fzcheck]\nselect = ["FZ998"]\n', "的 select：没有以 “FZ998” 开头的规则"),
        ("[tool]\nfzcheck = 1\n", "[tool.fzcheck] 必须是表"),
    ],
)
def test_bad_codes_and_shapes_in_the_configuration(folder, text, expected):
    (folder / "pyproject.toml").write_text(text, encoding="utf-8")
    code, out, err, _, _ = run_case(["check", "good-1.txt"], folder)
    assert code == 2 and expected in err and "内部错误" not in err


def test_a_tool_key_that_is_not_a_table_is_no_fzcheck_configuration(folder):
    (folder / "pyproject.toml").write_text('tool = "x"\n', encoding="utf-8")
    code, out, err, _, _ = run_case(["check", "good-1.txt"], folder)
    assert code in (0, 1) and err == "" and "共检查 1 个文件" in out
