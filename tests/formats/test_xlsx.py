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
    assert workbook.sheetnames == ["报告一览", "全部问题", "规则统计", "说明"]


def test_report_sheet_cells(workbook, county_review):
    ws = workbook["报告一览"]
    rows = values(ws)
    # with last year's folder: 上年安排落实 (辛集乡 accounts for 1 of last year's 2 plan items)
    assert rows[0] == [
        "文件", "单位", "年度", "举措成效", "存在不足", "不足的原因", "第一责任人", "下年安排", "上年安排落实", "错误", "警告", "提示", "结论", "说明"
    ]
    files = [r["file"] for r in county_review.rows]
    broken_error = county_review.rows[2]["error"]
    assert rows[1:] == [
        [files[0], "措美县哲古镇", 2024, "✓", "✓", "✓", "✓", "✓", "—", 0, 0, 0, "通过", None],
        [files[1], "安多县多玛乡", 2024, "✓", "✓", "✓", "✓", "✓", "—", 0, 2, 0, "有警告", None],
        [files[2], None, None, "—", "—", "—", "—", "—", "—", 1, 0, 0, "无法读取", broken_error],
        [files[3], "辛集乡人民政府", 2024, "✓", "✓", "✓", "✓", "✓", "1/2", 0, 4, 2, "有警告", None],
    ]
    assert files[2].endswith("无法打开的报告.txt") and broken_error
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:N5"
    assert ws.column_dimensions["A"].width == 36 and ws.column_dimensions["N"].width == 40
    assert ws["D2"].fill.start_color.rgb == GREEN and ws["D4"].fill.start_color.rgb == GREY
    assert ws["M2"].fill.start_color.rgb == GREEN and ws["M3"].fill.start_color.rgb == AMBER
    assert ws["M4"].fill.start_color.rgb == GREY and ws["A1"].font.b


def test_missing_part_is_red(county_review):
    rows = [dict(county_review.rows[0], plan=False, errors=1, status="fail")]
    ws = openpyxl.load_workbook(io.BytesIO(build_workbook(rows, [], [], parts=county_review.parts)))["报告一览"]
    assert ws["H2"].value == "✗" and ws["H2"].fill.start_color.rgb == RED
    assert ws["L2"].value == "有错误" and ws["L2"].fill.start_color.rgb == RED


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
        ["FZ701", rules["FZ701"].title, "警告", 2, 4, 0.5, rules["FZ701"].basis],
        ["FZ901", rules["FZ901"].title, "错误", 1, 1, 0.25, rules["FZ901"].basis],
        ["FZ702", rules["FZ702"].title, "警告", 1, 1, 0.25, rules["FZ702"].basis],
        ["FZ703", rules["FZ703"].title, "警告", 1, 1, 0.25, rules["FZ703"].basis],
        ["FZ704", rules["FZ704"].title, "提示", 1, 1, 0.25, rules["FZ704"].basis],
        ["FZ705", rules["FZ705"].title, "提示", 1, 1, 0.25, rules["FZ705"].basis],
    ]
    assert ws["F2"].number_format == "0%"


def test_workbook_can_be_forwarded_as_it_is(workbook):
    """Every sheet prints landscape, one page wide, header repeated; a 说明 sheet explains columns and codes."""
    assert workbook.sheetnames == ["报告一览", "全部问题", "规则统计", "说明"]
    for ws in workbook.worksheets:
        setup = ws.page_setup
        assert (setup.orientation, setup.fitToWidth, setup.fitToHeight) == ("landscape", 1, 0)
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.print_title_rows == "$1:$1"
    notes = dict(values(workbook["说明"])[1:])
    assert notes["不足的原因"] == "“不足的原因”是否写到：在其所属部分的正文中判断，FZ102、FZ103 任一条发现即为 ✗。"
    assert notes["第一责任人"].startswith("是否写到“党政主要负责人履行第一责任人职责情况”（按正文内容判断")
    assert notes["FZ702 出现其他单位名称"].startswith("警告；涉及 1 份报告")


def test_rule_sheet_names_rules_in_chinese(workbook):
    rows = values(workbook["规则统计"])
    assert all(not r[1].isascii() for r in rows[1:])
