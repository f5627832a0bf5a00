"""Last year's plan followed through (FZ705) and shortcomings repeated word for word (FZ706), on the
two-year fixture folder: in the review's table, workbook, CSV, dashboard and text, and in
``fzcheck check THIS --previous LAST``."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.config import Config
from checker.review.runner import job_for, review

TWO = Path(__file__).resolve().parents[2] / "fixtures" / "review" / "two-years"
THIS = sorted(str(p) for p in (TWO / "2024").glob("*.txt"))
LAST = sorted(str(p) for p in (TWO / "2023").glob("*.txt"))


@pytest.fixture(scope="module")
def result():
    return review(THIS, job_for(Config(), discover=False), jobs=1, previous_files=LAST)


def _name(path: str) -> str:
    return Path(path).name


def test_follow_through_counts_per_unit(result):
    assert {_name(r["file"]): r.get("followthrough") for r in result.rows} == {
        "东坝乡2024.txt": "5/7",
        "南山镇2024.txt": None,  # no report of last year: no count, not 0/0
        "西河镇2024.txt": "2/4",
    }


def test_one_info_per_item_not_reported_on_and_a_warning_per_repeated_problem(result):
    rows = result.diagnostic_rows()
    got = sorted((_name(d["file"]), d["line"], d["code"], d["severity"]) for d in rows if d["code"] in ("FZ705", "FZ706"))
    assert got == [
        ("东坝乡2024.txt", 4, "FZ705", "info"),
        ("东坝乡2024.txt", 4, "FZ705", "info"),
        ("东坝乡2024.txt", 11, "FZ706", "warning"),
        ("西河镇2024.txt", 4, "FZ705", "info"),
        ("西河镇2024.txt", 4, "FZ705", "info"),
        ("西河镇2024.txt", 7, "FZ706", "warning"),
    ]
    messages = [d["message"] for d in rows if d["code"] == "FZ705" and "东坝乡" in d["file"]]
    assert messages[0] == (
        "上年安排的“推进政务公开标准化，编制政务公开事项目录”未见落实情况（上年报告：" + LAST[0] + " 第12行）"
    )
    repeated = next(d for d in rows if d["code"] == "FZ706" and "西河镇" in d["file"])
    assert repeated["message"].startswith("不足中的“重大行政决策程序执行不够规范，公众参与、专家论证…”与上年报告所列相同")


def test_without_last_year_there_is_no_column_and_no_finding():
    plain = review(THIS, job_for(Config(), discover=False), jobs=1)
    assert all("followthrough" not in r for r in plain.rows)
    assert not [d for d in plain.diagnostics if d.code in ("FZ705", "FZ706")]


def test_workbook_csv_dashboard_and_text_show_it(result):
    import openpyxl

    from checker.formats.csv import render_reports
    from checker.formats.html import build_html
    from checker.formats.review import finding_dict, render_text
    from checker.formats.xlsx import build_workbook

    wb = openpyxl.load_workbook(
        io.BytesIO(build_workbook(result.rows, result.diagnostics, result.rule_summary(), parts=result.parts))
    )
    sheet = list(wb["报告一览"].iter_rows(values_only=True))
    col = sheet[0].index("上年安排落实")
    assert [r[col] for r in sheet[1:]] == ["5/7", "—", "2/4"]

    table = list(csv.DictReader(io.StringIO(render_reports(result.rows, result.parts).lstrip("\ufeff"))))
    assert [r["followthrough"] for r in table] == ["5/7", "", "2/4"]

    page = build_html(
        result.rows, result.diagnostics, result.rule_summary(), None, [finding_dict(f) for f in result.findings],
        parts=result.parts, labels=result.labels,
    )
    section = page.split('<section id="followthrough">', 1)[1].split("</section>", 1)[0]
    assert "东坝乡</a>：落实 <b>5/7</b>" in section and "西河镇</a>：落实 <b>2/4</b>" in section
    assert "<li>推进智慧执法平台建设，实现执法全过程网上留痕</li>" in section
    assert "南山镇" not in section

    text = render_text(result)
    head, first = text.splitlines()[:2]
    assert "上年安排落实" in head and "5/7" in first


def test_check_one_report_against_last_years():
    runner = CliRunner()
    out = runner.invoke(app, ["check", str(TWO / "2024" / "西河镇2024.txt"), "--previous", str(TWO / "2023" / "西河镇2023.txt"),
                              "--no-config", "--select", "FZ7", "--format", "json"])
    import json

    diagnostics = json.loads(out.output)["files"][0]["diagnostics"]
    assert [(d["line"], d["code"]) for d in diagnostics] == [(4, "FZ705"), (4, "FZ705"), (7, "FZ706")]
    missing = runner.invoke(app, ["check", str(TWO / "2024" / "西河镇2024.txt"), "--previous", "没有这个文件.txt"])
    assert missing.exit_code == 2 and "没有这个文件.txt: 上一年度的报告不存在" in missing.output
