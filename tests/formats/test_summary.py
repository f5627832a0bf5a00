"""report_row: ✓/✗ per required part from the section roles and the FZ101/102/104/106 findings."""

from __future__ import annotations

from checker.api import Result, check_text
from checker.config import Config
from checker.formats.summary import add_findings, diagnostic_row, located, quote_window, report_row
from checker.packs import load_ruleset
from checker.parts import parts_of

FULL = """示例乡2024年法治政府建设年度报告
一、2024年度推进法治政府建设的主要举措和成效
全年办件3100件，梳理权责清单126项。
二、2024年度推进法治政府建设存在的不足和原因
一是普法形式单一。究其原因，主要是人才缺乏。
三、2024年度党政主要负责人履行推进法治建设第一责任人职责情况
乡党委书记认真履行推进法治建设第一责任人职责，亲自部署重大法治工作。
四、2025年度推进法治政府建设的主要安排
一是持续深化依法行政。
"""
PARTS = parts_of(load_ruleset())
CORE = ("FZ101", "FZ102", "FZ104", "FZ105", "FZ106")


def row_for(text: str, select=CORE):
    result = check_text(text, Config(select=select), with_roles=True)
    return report_row(result, PARTS, checked=set(select))


def parts(row):
    return [row[k] for k in ("measures", "shortcomings", "first_responsible", "plan")]


def test_complete_report():
    row = row_for(FULL)
    assert parts(row) == [True, True, True, True]
    assert (row["entity"], row["year"], row["status"], row["errors"]) == ("示例乡", 2024, "pass", 0)


def test_missing_plan_and_shortcomings():
    text = FULL.split("二、")[0] + "三、" + FULL.split("三、")[1].split("四、")[0]
    row = row_for(text)
    assert parts(row) == [True, False, True, False]
    assert (row["errors"], row["status"]) == (2, "fail")


def test_first_responsible_written_inside_another_part_counts():
    text = FULL.replace("三、2024年度党政主要负责人履行推进法治建设第一责任人职责情况\n", "")
    row = row_for(text)
    assert row["first_responsible"] is True  # FZ105 found it buried: present, not a part of its own
    assert row["warnings"] == 0 and row["infos"] == 1 and row["status"] == "pass"  # FZ105 is info (issue 12)


def test_first_responsible_missing():
    text = FULL.split("三、")[0] + "四、" + FULL.split("四、")[1]
    assert parts(row_for(text)) == [True, True, False, True]


def test_first_responsible_unknown_when_its_rule_did_not_run():
    text = FULL.split("三、")[0] + "四、" + FULL.split("四、")[1]
    assert row_for(text, select=("FZ101",))["first_responsible"] is False  # no role, no rule: not shown as present


def test_unreadable():
    row = report_row(Result("坏.docx", error="文件已损坏"), PARTS)
    assert parts(row) == [None, None, None, None]
    assert (row["status"], row["error"], row["entity"], row["year"]) == ("unreadable", "文件已损坏", "", None)


def test_add_findings_settles_status():
    row = row_for(FULL)
    add_findings(row, ["info"])
    assert (row["infos"], row["status"]) == (1, "pass")
    add_findings(row, ["warning"])
    assert (row["warnings"], row["status"]) == (1, "warn")


def test_diagnostic_rows_quote_and_mark():
    text = FULL.replace("三、2024年度党政主要负责人履行推进法治建设第一责任人职责情况\n", "")
    result = check_text(text, Config(select=("FZ105",)), with_roles=True)
    [d] = [diagnostic_row(d) for d in located(result)]
    assert (d["code"], d["line"], d["column"], d["end_line"]) == ("FZ105", 6, 1, 6)
    assert d["quote"][d["mark_start"] : d["mark_end"]] == "乡党委书记认真履行推进法治建设第一责任人职责，亲自部署重大法治工作。"
    assert d["entity"] == "示例乡"


def test_quote_window_long_line():
    source = "甲" * 100 + "目标" + "乙" * 100
    quote, a, b = quote_window(source, 100, 102, width=40)
    assert quote[a:b] == "目标" and quote.startswith("…") and quote.endswith("…") and len(quote) == 42


def test_causes_column_measures_the_causes_not_the_part():
    """存在不足 says the part is there; 不足的原因 says whether its text gives causes (FZ103)."""
    select = (*CORE, "FZ103")
    no_causes = FULL.replace("究其原因，主要是人才缺乏。", "二是执法力量不足。")
    row = row_for(no_causes, select)
    assert (row["shortcomings"], row["causes"]) == (True, False)
    row = row_for(FULL, select)
    assert (row["shortcomings"], row["causes"]) == (True, True)


def test_causes_column_is_blank_when_its_rule_did_not_run():
    assert row_for(FULL)["causes"] is None  # FZ103 not selected: nothing to say


def test_columns_name_each_part_and_the_causes_apart():
    assert [p.column for p in PARTS] == ["举措成效", "存在不足", "不足的原因", "第一责任人", "下年安排"]
