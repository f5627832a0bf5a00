"""The examples that `fzcheck rules FZ103/FZ104/FZ204` show behave as they say (issue 11)."""

import pytest

from checker.api import check_text
from checker.config import Config
from checker.packs import load_ruleset

HEAD = "示例镇2024年法治政府建设年度报告\n\n2024年，示例镇坚持依法行政。现将有关情况报告如下。\n"
MEASURES = "一、2024年度推进法治政府建设的主要举措和成效\n全年开展执法检查36次，办理行政处罚案件9件。\n"


def _codes(text: str, code: str) -> list[str]:
    return [d.code for d in check_text(text, Config(select=(code,))).diagnostics]


@pytest.mark.parametrize("code", ["FZ103", "FZ104"])
def test_report_examples(code):
    rule = load_ruleset().rules[code]
    assert _codes(HEAD + MEASURES + rule.example_fires + "\n", code) == [code]
    assert _codes(HEAD + MEASURES + rule.example_passes + "\n", code) == []


def test_lookalike_examples():
    rule = load_ruleset().rules["FZ204"]
    assert _codes(rule.example_fires + "\n", "FZ204") == ["FZ204"]
    assert _codes(rule.example_passes + "\n\n2025年，青禾镇坚持依法行政。\n" + MEASURES, "FZ204") == []
