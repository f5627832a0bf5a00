"""The rule catalogue and the kinds, tested as data (proselint/ruff style).

Every rule: a stable FZ code, a readable name, a message, hint, basis and why, and two
examples; its ``example_fires`` must make it fire and its ``example_passes`` must not.
Every kind: the documented headings and a test module of its own.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.api import check_text
from checker.config import Config
from checker.kinds import KINDS
from checker.kinds.base import is_cross_report
from checker.packs import load_ruleset

RULESET = load_ruleset()
RULES = sorted(RULESET.rules.values(), key=lambda r: r.code)
TESTS = Path(__file__).resolve().parent
EXAMPLE_FREE_KINDS = {"input_error"}  # raised by readers, not by text
# cross-report kinds compare several reports: their examples are run by tests/kinds/test_<kind>.py
EXAMPLE_FREE_KINDS |= {name for name, kind in KINDS.items() if is_cross_report(kind)}


def test_codes_and_names_are_unique_and_well_formed():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    for rule in RULES:
        assert re.fullmatch(r"FZ\d{3}", rule.code)
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name), rule.name


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_documented(rule):
    for field in ("message", "hint", "basis", "why", "example_fires", "example_passes"):
        assert getattr(rule, field).strip(), f"{rule.code} has no {field}"


@pytest.mark.parametrize("rule", [r for r in RULES if r.kind not in EXAMPLE_FREE_KINDS], ids=lambda r: r.code)
def test_examples_fire_and_pass(rule):
    config = Config(select=(rule.code,))
    fired = check_text(rule.example_fires, config)
    assert rule.code in {d.code for d in fired.diagnostics}, f"{rule.code}: example_fires does not fire"
    passed = check_text(rule.example_passes, config)
    assert rule.code not in {d.code for d in passed.diagnostics}, f"{rule.code}: example_passes fires"


@pytest.mark.parametrize("name", sorted(KINDS))
def test_kind_is_documented_and_tested(name):
    module = KINDS[name]
    doc = module.__doc__ or ""
    for heading in ("## What it checks", "## Why it matters", "## Parameters"):
        assert heading in doc, f"kind {name} lacks {heading}"
    assert (TESTS / "kinds" / f"test_{name}.py").exists(), f"kind {name} has no tests/kinds/test_{name}.py"


def test_every_shipped_rule_has_a_short_chinese_title():
    """What the web page and the workbook show a user instead of the English id."""
    import re

    from checker.packs import load_ruleset

    rules = load_ruleset().rules.values()
    untitled = [r.code for r in rules if not re.fullmatch(r"[\u4e00-\u9fff“”、（）A-Za-z0-9]{2,14}", r.title)]
    assert untitled == []
    assert load_ruleset().rules["FZ104"].title == "缺少第一责任人履职情况"
