"""kinds/base.diagnostic reads what it needs of a rule once per rule object (base._MADE: whether its
templates have fields, the names they look up) and fills them from the values as given when every
name is there and none is None: the message and hint are what formatting every template anew with
missing names kept and None written as nothing gives, the first time and every time after."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.api import ruleset_for
from checker.config import Config
from checker.kinds import base
from checker.model import Span

RULE = ruleset_for(Config()).rules["FZ401"]
PIECES = ["{found}", "{other}", "{", "}", "{{", "}}", "文字", "：", " ", "{0}", "{}", "{found!r}", "{other:>3}", "{other:{found}}", "{found[0]}"]
templates = st.lists(st.sampled_from(PIECES), max_size=6).map("".join)


def _formatted(template: str, values: dict) -> str:
    try:
        return template.format_map(base._Default(values))
    except (ValueError, IndexError, KeyError, TypeError):
        return "error"


def _made(rule, values: dict):
    try:
        d = base.diagnostic(rule, Span(0, 1), **values)
    except (ValueError, IndexError, KeyError, TypeError):
        return "error", "error"
    return d.message, d.hint


VALUES = [{}, {"found": "甲"}, {"found": None, "other": 3}, {"found": "甲乙", "other": 3}, {"other": "丙"}, {"found": 7, "other": None}]


@settings(max_examples=500, deadline=None)
@given(templates, templates, st.sampled_from(VALUES))
def test_a_template_is_filled_as_format_map_fills_it_each_time(message, hint, values):
    rule = replace(RULE, message=message, hint=hint)
    for _ in range(2):  # the second time the rule's entry in base._MADE answers
        got = _made(rule, values)
        filled = {k: "" if v is None else v for k, v in values.items()}
        expected = (_formatted(message, filled), _formatted(hint, filled))
        assert got == (("error", "error") if "error" in expected else expected)


def test_per_rule_builds_once_for_each_rule_object():
    calls = []
    get = base.per_rule(lambda rule: calls.append(rule.code) or (None if rule.code == "FZ401" else rule.code.lower()))
    twin = replace(RULE, code="FZ402")
    same_fields = replace(RULE)  # equal to RULE, another object: built for on its own
    assert [get(r) for r in (RULE, twin, RULE, twin, same_fields, same_fields)] == [None, "fz402", None, "fz402", None, None]
    assert calls == ["FZ401", "FZ402", "FZ401"]
