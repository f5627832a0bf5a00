"""公文 conventions the rules respect (issue 12): the attachment list and joint issuers are not findings."""

from __future__ import annotations

import pytest

from checker.api import check_text
from checker.config import Config
from checker.fixes import fix_text

ATTACHMENTS = "附件：1.2024年度法治政府建设工作台账\n2.法治建设责任清单\n"


def codes(text: str) -> list[str]:
    return [d.code for d in check_text(text, Config()).diagnostics]


def test_attachment_list_gives_no_numbering_or_plan_year_finding(report):
    # before: FZ301 (“2.”之前缺少“1.”) and, for a year in the list, FZ107 on the plan part
    text = report + "\n" + ATTACHMENTS + "\n示例乡人民政府\n2025年1月10日\n"
    found = codes(text)
    assert "FZ301" not in found and "FZ107" not in found
    closing = {"FZ205", "FZ207"}  # the 落款 added here (示例乡人民政府 alone) changes only the 落款 findings
    assert "FZ205" in codes(report) and "FZ205" not in found and "FZ207" in found
    assert sorted(set(found) - closing) == sorted(set(codes(report)) - closing)


def test_single_attachment_with_the_report_year_after_the_plan(report):
    text = report + "\n附件：2024年度工作计划\n"  # gave FZ107 when the list was part of the plan
    assert "FZ107" not in codes(text)


def test_numbered_items_in_the_plan_itself_still_checked(report):
    text = report.replace("一是持续深化依法行政。二是加强执法队伍建设。", "1.持续深化依法行政。\n3.加强执法队伍建设。")
    assert "FZ301" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "中共中央 国务院\n",
        "中共示例乡委员会 示例乡人民政府关于2024年法治政府建设情况的报告\n\n我乡认真贯彻中共中央 国务院印发的纲要。\n",
        "认真学习中共中央办公厅 国务院办公厅印发的规定。\n",
    ],
)
def test_fix_leaves_joint_issuers_alone(text):
    assert "FZ406" not in codes(text)
    assert fix_text(text, Config()).document.text == text
