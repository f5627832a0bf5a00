"""The ✓/✗ checklist of required parts, derived from the same Result the CLI prints."""

from __future__ import annotations

from checker.api import check_text
from checker.config import Config
from checker.formats.checklist import checklist
from checker.packs import load_ruleset
from checker.parts import parts_of

ALL = frozenset({"FZ101", "FZ102", "FZ103", "FZ104", "FZ105", "FZ106", "FZ107"})
PARTS = parts_of(load_ruleset())


def statuses(result, active=ALL) -> dict[str, str]:
    return {item.key: item.status for item in checklist(result, active, PARTS)}


def test_complete_report_is_all_ticked_with_where_each_part_is(report):
    items = checklist(check_text(report, with_roles=True), ALL, PARTS)
    assert [(i.key, i.status) for i in items] == [
        ("measures", "ok"),
        ("shortcomings", "ok"),
        ("causes", "ok"),
        ("first_responsible", "ok"),
        ("plan", "ok"),
    ]
    assert items[0].sections[0] == {"marker": "一、", "heading": "2024年度推进法治政府建设的主要举措和成效", "line": 4}
    assert items[4].sections == ({"marker": "四、", "heading": "2025年度推进法治政府建设的主要安排", "line": 10},)


def test_missing_part_is_crossed_with_the_rules_message(report):
    text = report.replace(
        "三、2024年度党政主要负责人履行推进法治建设第一责任人职责情况\n乡党委书记认真履行推进法治建设第一责任人职责，亲自部署重大法治工作。\n",
        "",
    )
    items = {i.key: i for i in checklist(check_text(text, with_roles=True), ALL, PARTS)}
    assert items["first_responsible"].status == "missing"
    assert items["first_responsible"].codes == ("FZ104",)
    assert items["first_responsible"].notes == ("未报告党政主要负责人履行推进法治建设第一责任人职责的情况",)
    assert items["plan"].status == "ok"


def test_shortcomings_without_causes(report):
    text = report.replace("究其原因，主要是专业人才缺乏。", "").replace("存在的不足和原因", "存在的不足")
    result = check_text(text, with_roles=True)
    assert statuses(result)["causes"] == "missing"
    assert statuses(result)["shortcomings"] == "ok"


def test_near_miss_causes_written_in_a_different_words_stay_ticked(report):
    text = report.replace("究其原因，主要是专业人才缺乏。", "问题的根源在于专业人才缺乏。").replace(
        "存在的不足和原因", "存在的不足"
    )
    assert statuses(check_text(text, with_roles=True))["causes"] == "ok"


def test_rule_switched_off_is_not_checked_rather_than_ticked(report):
    text = report.replace(
        "三、2024年度党政主要负责人履行推进法治建设第一责任人职责情况\n乡党委书记认真履行推进法治建设第一责任人职责，亲自部署重大法治工作。\n",
        "",
    )
    result = check_text(text, Config(ignore=("FZ104",)), with_roles=True)
    assert statuses(result, ALL - {"FZ104"})["first_responsible"] == "unchecked"


def test_lookalike_document_gets_no_verdicts():
    result = check_text("××乡党委书记2024年度述法报告\n一、学法情况\n带头学法。\n", with_roles=True)
    assert set(statuses(result).values()) == {"na"}


def test_unreadable_file_has_no_checklist():
    from checker.api import check_bytes

    assert checklist(check_bytes(b"\x00\x01" * 50, "x.txt"), ALL, PARTS) == []
