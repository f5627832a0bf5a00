"""formats/json.indented is json.dumps(…, ensure_ascii=False, indent=2), byte for byte."""

from __future__ import annotations

import json

import pytest

from checker.formats.json import indented

CASES = [
    {},
    [],
    {"a": [], "b": {}, "c": [1, [2, []], {"d": None}], "e": True, "f": False, "g": 1.5, "h": -3},
    {"path": "报告\n\"引号\"\t\\ \u2028 \x00", "sections": [{"role": ["measures"], "level": 1}], "fix": None},
    ["x", ("tuple", 2), {"nested": {"deeper": [{"k": "v"}]}}],
    "just a string",
    12,
    None,
]


@pytest.mark.parametrize("value", CASES, ids=range(len(CASES)))
def test_same_bytes_as_the_standard_library(value):
    assert indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_level_indents_every_line_but_the_first():
    value = {"a": [1, {"b": "c"}]}
    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n    ")
    assert indented(value, level=2) == expected
