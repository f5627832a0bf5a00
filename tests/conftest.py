from __future__ import annotations

import pytest

from checker.api import check_text
from checker.config import Config
from checker.positions import LineIndex


def findings(text: str, *select: str, year: int | None = None) -> list[tuple[int, int, str, str, str]]:
    """(line, column, code, severity, message) for the selected codes, in order."""
    result = check_text(text, Config(select=tuple(select), year=year))
    index = LineIndex(result.document.text)
    return [(*index.line_col(d.span.start), d.code, d.severity, d.message) for d in result.diagnostics]


@pytest.fixture
def run():
    return findings


REPORT = """示例乡2024年法治政府建设年度报告

2024年，示例乡深入学习贯彻习近平法治思想，现将有关情况报告如下。
一、2024年度推进法治政府建设的主要举措和成效
（一）依法全面履行政府职能。一是梳理权责清单126项。二是推进政务服务，办件量3100件。
二、2024年度推进法治政府建设存在的不足和原因
一是普法形式单一。二是执法力量不足。究其原因，主要是专业人才缺乏。
三、2024年度党政主要负责人履行推进法治建设第一责任人职责情况
乡党委书记认真履行推进法治建设第一责任人职责，亲自部署重大法治工作。
四、2025年度推进法治政府建设的主要安排
一是持续深化依法行政。二是加强执法队伍建设。
"""


@pytest.fixture
def report():
    """A short complete report that no required-content rule fires on."""
    return REPORT
