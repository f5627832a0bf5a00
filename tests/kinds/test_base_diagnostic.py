"""kinds/base.diagnostic remembers per template whether it has fields to fill (base._FIELDS): the
message and hint are what formatting every template anew gives, the first time and every time after."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.api import ruleset_for
from checker.config import Config
from checker.kinds import base
from checker.model import Span

RULE = ruleset_for(Config()).rules["FZ401"]
templates = st.lists(st.sampled_from(["{found}", "{other}", "{", "}", "{{", "文字", "：", " "]), max_size=6).map("".join)


def _formatted(template: str, values: dict) -> str:
    try:
        return template.format_map(base._Default(values))
    except (ValueError, IndexError, KeyError):
        return "error"


def _made(template: str, hint: str, values: dict):
    try:
        d = base.diagnostic(replace(RULE, message=template, hint=hint), Span(0, 1), **values)
    except (ValueError, IndexError, KeyError):
        return "error", "error"
    return d.message, d.hint


@settings(max_examples=300, deadline=None)
@given(templates, templates, st.sampled_from([{}, {"found": "甲"}, {"found": None, "other": 3}]))
def test_a_template_is_filled_as_format_map_fills_it_each_time(message, hint, values):
    for _ in range(2):  # the second time the template's entry in base._FIELDS answers
        got = _made(message, hint, values)
        if "error" not in got:
            filled = {k: "" if v is None else v for k, v in values.items()}
            assert got == (_formatted(message, filled), _formatted(hint, filled))


def test_per_rule_builds_once_for_each_rule_object():
    calls = []
    get = base.per_rule(lambda rule: calls.append(rule.code) or (None if rule.code == "FZ401" else rule.code.lower()))
    twin = replace(RULE, code="FZ402")
    same_fields = replace(RULE)  # equal to RULE, another object: built for on its own
    assert [get(r) for r in (RULE, twin, RULE, twin, same_fields, same_fields)] == [None, "fz402", None, "fz402", None, None]
    assert calls == ["FZ401", "FZ402", "FZ401"]
