"""fixtures/review/county: two paragraphs copied between two townships, one foreign entity
name, one unreadable file — exactly those findings; with --previous, exactly the carried-over ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.api import check_path
from checker.cli import app

ROOT = Path(__file__).resolve().parent.parent.parent
COUNTY = "fixtures/review/county"
PREVIOUS = "fixtures/review/previous"
DUOMA, XINJI, ZHEGU, BROKEN = (f"{COUNTY}/{n}.txt" for n in ("多玛乡", "辛集乡", "哲古镇", "无法打开的报告"))
runner = CliRunner()


@pytest.fixture(autouse=True)
def _in_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def reader_message() -> str:
    """What the reader says about the unreadable fixture (its wording belongs to checker.ingest)."""
    message = check_path(ROOT / BROKEN, discover=False).error
    assert message
    return message


def review_json(*args):
    result = runner.invoke(app, ["review", COUNTY, "--format", "json", "--select", "FZ1,FZ7,FZ9", "--no-config", *args])
    return result.exit_code, json.loads(result.stdout)


def places(finding):
    return [(p["file"], p["line"], p["column"]) for p in finding["places"]]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_exactly_the_planted_findings(jobs):
    code, data = review_json("--jobs", jobs)
    assert code == 1  # the unreadable file is an error
    cross = data["cross_report"]
    assert [(f["code"], places(f)) for f in cross] == [
        ("FZ701", [(DUOMA, 5, 18), (XINJI, 6, 11)]),
        ("FZ701", [(DUOMA, 6, 19), (XINJI, 7, 11)]),
        ("FZ702", [(XINJI, 14, 64), (DUOMA, 1, 1)]),
    ]
    assert cross[0]["message"] == "2 个单位的报告中有几乎相同的段落（相似度100%）"
    assert cross[2]["message"] == f"报告中出现另一单位的名称“多玛乡”（{DUOMA} 的单位），像是把它当成了本单位"
    by_file = {r["file"]: r for r in data["reports"]}
    assert sorted(by_file) == sorted([DUOMA, XINJI, ZHEGU, BROKEN])
    diagnostics = {f: [(d["code"], d["line"], d["column"]) for d in r["diagnostics"]] for f, r in by_file.items()}
    assert diagnostics == {
        DUOMA: [("FZ701", 5, 18), ("FZ701", 6, 19)],
        XINJI: [("FZ701", 6, 11), ("FZ701", 7, 11), ("FZ702", 14, 64)],
        ZHEGU: [],
        BROKEN: [("FZ901", 1, 1)],
    }
    xinji_copy = by_file[XINJI]["diagnostics"][0]
    assert xinji_copy["message"] == f"本段与安多县多玛乡（{DUOMA} 第5行）的段落几乎相同（相似度100%），疑似照抄"
    assert by_file[DUOMA]["diagnostics"][0]["message"] == (
        f"本段与辛集乡人民政府（{XINJI} 第6行）的段落几乎相同（相似度100%），疑似照抄"
    )
    broken = by_file[BROKEN]
    assert broken["status"] == "unreadable" and broken["error"] == reader_message()
    assert [by_file[f]["status"] for f in (DUOMA, XINJI, ZHEGU)] == ["warn", "warn", "pass"]
    assert data["summary"] == {
        "reports": 4, "pass": 1, "warn": 2, "fail": 0, "unreadable": 1,
        "errors": 1, "warnings": 5, "infos": 0, "cross_report": 3,
    }


def test_previous_year_carried_over():
    code, data = review_json("--previous", PREVIOUS)
    carried = [f for f in data["cross_report"] if f["code"] in ("FZ703", "FZ704")]
    assert [(f["code"], places(f)) for f in carried] == [
        ("FZ704", [(XINJI, 8, 11), (f"{PREVIOUS}/辛集乡2023.txt", 7, 11)]),
        ("FZ703", [(XINJI, 10, 1), (f"{PREVIOUS}/辛集乡2023.txt", 9, 1)]),
    ]
    assert carried[1]["message"] == (
        f"存在不足中的这一段与上一年度报告（{PREVIOUS}/辛集乡2023.txt 第9行）几乎相同（相似度100%），照搬了上年内容"
    )
    assert [f["code"] for f in data["cross_report"]].count("FZ701") == 2


def test_text_output_table_and_findings():
    result = runner.invoke(app, ["review", COUNTY, "--select", "FZ1,FZ7,FZ9", "--no-config", "--jobs", "1"])
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["文件", "单位", "年度", "举措成效", "存在不足", "不足的原因", "第一责任人", "下年安排", "错误", "警告", "提示", "结论"]
    assert lines[1].split() == [ZHEGU, "措美县哲古镇", "2024", "✓", "✓", "✓", "✓", "✓", "0", "0", "0", "通过"]
    assert lines[3].split() == [BROKEN, "—", "—", "—", "—", "—", "—", "—", "1", "0", "0", "无法读取"]
    assert "无法读取的文件（其余文件已照常检查）：" in lines
    assert f"  {BROKEN}：{reader_message()}" in lines
    assert "FZ702 [warning] foreign-entity-name：报告中出现另一单位的名称“多玛乡”" in result.stdout
    assert f"    {XINJI}:14:64  辛集乡人民政府，“平台定期推送法律知识，为多玛乡”" in lines
    assert lines[-1] == "共审查 4 份报告：通过 1，有警告 2，有错误 0，无法读取 1；问题 6 个（错误 1，警告 5，提示 0），跨报告发现 3 处。"
    assert "\x1b[" not in result.stdout and result.stderr == ""  # piped: no colour, no progress bar


def test_usage_errors():
    assert runner.invoke(app, ["review", "no/such/folder"]).exit_code == 2
    result = runner.invoke(app, ["review", COUNTY, "--previous", "no/such/folder"])
    assert result.exit_code == 2 and "上一年度的文件夹不存在" in result.stderr
    assert runner.invoke(app, ["review", COUNTY, "--format", "xml"]).exit_code == 2
    assert runner.invoke(app, ["review", "fixtures/review/previous", "--xlsx", "no/such/dir/r.xlsx"]).exit_code == 2


def test_only_unreadable_files_is_exit_2(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x00\x01binary\x00\xff\xfe")
    assert runner.invoke(app, ["review", str(tmp_path), "--no-config"]).exit_code == 2
