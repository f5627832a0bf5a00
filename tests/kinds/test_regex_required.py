"""_regex.required_strings: strings one of which every match needs, so the pattern kind may skip a
text holding none of them.  It must never skip a text the pattern matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.kinds._regex import opens_with_a_literal, required_sets, required_strings
from checker.kinds._textscan import expand_macros


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("abc", {"abc"}),
        ("a(?=bc)", {"abc"}),  # a look-ahead's text follows the match
        ("(ab|cd)e", {"abe", "cde"}),
        ("x[0-9]y", {f"x{d}y" for d in range(10)}),
        (r"\d+年", {"年"}),
        ("(?:a|b*)c", {"c"}),
        ("党的(?:1[5-9]|2[0-2])大", {f"党的{n}大" for n in range(15, 23)}),
        ("[1-9](?<=届.)(?=中全会)", {f"{d}中全会" for d in range(1, 10)}),
    ],
)
def test_strings_found(pattern, expected):
    assert required_strings(pattern) == expected


@pytest.mark.parametrize("pattern", [r"\d+", "[^a]+", ".", "a|b*", "(?i)abc", "a?", r"[{han}]+"])
def test_nothing_worth_looking_for(pattern):
    assert required_strings(expand_macros(pattern)) is None


def test_ignore_case_gives_nothing():
    assert required_strings("abc", re.IGNORECASE) is None


PATTERNS = [
    "ab+c",
    "a(?=b)c?",
    "(?<=x)ab|cd(?!e)",
    "(a|b)(c|d)e?",
    "a[bc]{2}d",
    "(?:ab|a)c",
    r"(a)\1+",
    "[ab](?:(?<=a.)|(?=c))",
    "a(?:b|)c",
    "^ab$|ba",
]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdex\n", max_size=14))
def test_a_text_the_pattern_matches_holds_a_required_string(text):
    for pattern in PATTERNS:
        needed = required_strings(pattern)
        if needed is not None and re.search(pattern, text):
            assert any(s in text for s in needed), (pattern, text, needed)


def test_every_default_pattern_rule_on_its_own_examples():
    """The default packs' pattern rules: each fires on its example, whose text holds a required string."""
    from checker.api import ruleset_for
    from checker.config import Config

    checked = 0
    for rule in ruleset_for(Config()).rules.values():
        if rule.kind != "pattern" or not rule.example_fires:
            continue
        pattern = expand_macros(rule.params.pattern)
        needed = required_strings(pattern)
        if needed is not None and re.search(pattern, rule.example_fires):
            assert any(s in rule.example_fires for s in needed), rule.code
            checked += 1
    assert checked >= 5


# back-references to groups captured in the run, in a repeat's first round, and to a group of a branch
BACK_REFERENCES = ["(ab|cd)x\\1", "(a|b)(c|d)\\2\\1", "([abc])\\1+d?", "x(a|bc)\\1(?=e)", "(?:(a)|b)\\1c", "(a|b)+\\1", "((a|b)c)\\2\\1"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdex\n", max_size=14))
def test_a_text_the_pattern_matches_holds_a_string_of_every_required_set(text):
    for pattern in [*PATTERNS, "a(?=bc)d?", "(?<=ab)c", "x(?=[ab]c)", "(a|b)\\1c", "([ab])\\1+", *BACK_REFERENCES]:
        if re.search(pattern, text):
            for needed in required_sets(pattern):
                assert any(s in text for s in needed), (pattern, text, needed)


def test_back_references_and_look_arounds_give_sets():
    # a back-reference repeats what its group took in the run: ，， or 。。, never ，。
    assert frozenset({"，，", "。。"}) in required_sets(r"([，。])\1+")
    assert required_strings(r"(ab|cd)x\1") == {"abxab", "cdxcd"}
    assert required_strings(r"(a|b)(c|d)\2\1") == {"acca", "adda", "bccb", "bddb"}
    assert set(required_sets(r"x(?=\s*号)")) == {frozenset({"x"}), frozenset({"号"})}
    assert required_strings(r"x(?=\s*号)") == frozenset({"x"})  # a look-around's set is looked for besides


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\((?=[^()]*[a])([^()]*)\)", True),
        ("截止到", True),
        ("(?:ab)c", True),
        (r"[\[【(（［](?<=[a].)\s*\d", False),  # a class first: its scan of a whole text tests every character
        ("(?<=a)b", False),
        ("ab|ac", True),  # re reads it as a(?:b|c)
        ("ab|cd", False),
        ("x*y", False),
        ("(", False),  # not a pattern at all
    ],
)
def test_opens_with_a_literal(pattern, expected):
    assert opens_with_a_literal(pattern) is expected


def test_a_rule_scans_the_lines_holding_its_rare_character_only_without_a_literal_opening():
    from checker.api import ruleset_for
    from checker.config import Config
    from checker.engine import active_rules
    from checker.kinds import pattern

    config = Config()
    rules = {r.code: r for r in active_rules(ruleset_for(config), config) if r.kind == "pattern"}
    assert pattern._compiled(rules["FZ408"]).needed.rare.pattern == "号"  # [2019]28号: 号 on a line or two
    assert pattern._compiled(rules["FZ402"]).needed.rare is None  # opens with \(: its whole scan is a fast one


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abcdx", max_size=10))
def test_a_back_reference_repeats_its_groups_text(text):
    """The back-reference's sets hold only what its group took (``(a|b)\\1``: aa, bb), and still one
    of them is in every text the pattern matches."""
    for pattern in BACK_REFERENCES:
        if re.search(pattern, text):
            for needed in required_sets(pattern):
                assert any(s in text for s in needed), (pattern, text, needed)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [("届(?:(?<=15届))", "届"), ("中全会(?:a|b)", "中全会"), ("ab?", "a"), ("(?:19|20)", ""), ("[ab]c", ""), ("a|b", ""), ("(?i)abc", "")],
)
def test_literal_prefix(pattern, expected):
    from checker.kinds._regex import literal_prefix

    assert literal_prefix(pattern) == expected
    assert literal_prefix(pattern, re.IGNORECASE) == ""
