"""The review workbook, read back with openpyxl and checked cell by cell."""

from __future__ import annotations

import io

import openpyxl
import pytest

from checker.formats.xlsx import build_workbook
from checker.packs import load_ruleset

RED, GREEN, AMBER, GREY = "00FFC7CE", "00C6EFCE", "00FFEB9C", "00E7E6E6"


@pytest.fixture(scope="module")
def workbook(county_review):
    data = build_workbook(county_review.rows, county_review.diagnostics, county_review.rule_summary(), parts=county_review.parts)
    assert data[:4] == b"PK\x03\x04"
    return openpyxl.load_workbook(io.BytesIO(data))


def values(ws):
    return [list(row) for row in ws.iter_rows(values_only=True)]


def test_three_sheets(workbook):
    assert workbook.sheetnames == ["报告一览", "全部问题", "规则统计"]


def test_report_sheet_cells(workbook, county_review):
    ws = workbook["报告一览"]
    rows = values(ws)
    # with last year's folder: 上年安排落实 (辛集乡 accounts for 1 of last year's 2 plan items)
    assert rows[0] == [
        "文件", "单位", "年度", "举措成效", "不足原因", "第一责任人", "下年安排", "上年安排落实", "错误", "警告", "提示", "结论", "说明"
    ]
    files = [r["file"] for r in county_review.rows]
    broken_error = county_review.rows[2]["error"]
    assert rows[1:] == [
        [files[0], "措美县哲古镇", 2024, "✓", "✓", "✓", "✓", "—", 0, 0, 0, "通过", None],
        [files[1], "安多县多玛乡", 2024, "✓", "✓", "✓", "✓", "—", 0, 2, 0, "有警告", None],
        [files[2], None, None, "—", "—", "—", "—", "—", 1, 0, 0, "无法读取", broken_error],
        [files[3], "辛集乡人民政府", 2024, "✓", "✓", "✓", "✓", "1/2", 0, 4, 2, "有警告", None],
    ]
    assert files[2].endswith("无法打开的报告.txt") and broken_error
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:M5"
    assert ws.column_dimensions["A"].width == 36 and ws.column_dimensions["M"].width == 40
    assert ws["D2"].fill.start_color.rgb == GREEN and ws["D4"].fill.start_color.rgb == GREY
    assert ws["L2"].fill.start_color.rgb == GREEN and ws["L3"].fill.start_color.rgb == AMBER
    assert ws["L4"].fill.start_color.rgb == GREY and ws["A1"].font.b


def test_missing_part_is_red(county_review):
    rows = [dict(county_review.rows[0], plan=False, errors=1, status="fail")]
    ws = openpyxl.load_workbook(io.BytesIO(build_workbook(rows, [], [], parts=county_review.parts)))["报告一览"]
    assert ws["G2"].value == "✗" and ws["G2"].fill.start_color.rgb == RED
    assert ws["K2"].value == "有错误" and ws["K2"].fill.start_color.rgb == RED


def test_diagnostic_sheet_has_every_diagnostic(workbook, county_review):
    ws = workbook["全部问题"]
    rows = values(ws)
    assert rows[0] == ["文件", "单位", "行", "列", "代码", "级别", "问题", "原文", "修改建议"]
    expected = [
        [d["file"], d["entity"] or None, d["line"], d["column"], d["code"], {"error": "错误", "warning": "警告", "info": "提示"}[d["severity"]],
         d["message"], d["quote"] or None, d["hint"] or None]
        for d in county_review.diagnostic_rows()
    ]
    assert rows[1:] == expected
    assert [r[4] for r in rows[1:]] == ["FZ701", "FZ701", "FZ901", "FZ705", "FZ701", "FZ701", "FZ704", "FZ703", "FZ702"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:I10"
    assert ws["F2"].fill.start_color.rgb == AMBER and ws["F4"].fill.start_color.rgb == RED and ws["G2"].alignment.wrap_text


def test_rule_summary_sheet(workbook):
    ws = workbook["规则统计"]
    rules = load_ruleset().rules
    assert values(ws) == [
        ["代码", "规则名", "级别", "涉及报告数", "问题数", "占报告比例", "依据"],
        ["FZ701", "copied-paragraph", "警告", 2, 4, 0.5, rules["FZ701"].basis],
        ["FZ901", "unreadable-input", "错误", 1, 1, 0.25, rules["FZ901"].basis],
        ["FZ702", "foreign-entity-name", "警告", 1, 1, 0.25, rules["FZ702"].basis],
        ["FZ703", "carried-over-shortcomings-or-plan", "警告", 1, 1, 0.25, rules["FZ703"].basis],
        ["FZ704", "carried-over-paragraph", "提示", 1, 1, 0.25, rules["FZ704"].basis],
        ["FZ705", "plan-not-followed-through", "提示", 1, 1, 0.25, rules["FZ705"].basis],
    ]
    assert ws["F2"].number_format == "0%"
