"""`fzcheck rules` and `fzcheck rules CODE` speak Chinese to users (issue 12): no English developer
text, no raw {placeholders}, no regex braces."""

from __future__ import annotations

import re

import pytest

from checker.catalog import explain_text, list_text
from checker.packs import load_ruleset

RULESET = load_ruleset()
RULES = sorted(RULESET.rules.values(), key=lambda r: r.code)
CJK = re.compile(r"[\u2014\u2026\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
ENGLISH_SENTENCE = re.compile(r"[A-Za-z]+(?: [A-Za-z]+){3,}")


def problems(text: str) -> list[str]:
    found = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if "{" in line or "}" in line:
            found.append(f"brace: {line}")
        if ENGLISH_SENTENCE.search(line):
            found.append(f"English: {line}")
        if not CJK.search(line):
            found.append(f"no Chinese: {line}")
    return found


def test_listing_is_chinese():
    assert problems(list_text(RULESET)) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_explanation_is_chinese(rule):
    assert problems(explain_text(rule)) == []


def test_placeholders_are_shown_as_ellipsis():
    text = explain_text(RULESET.rules["FZ407"])
    assert "统一写作“…”" in text and "{expected}" not in text
    assert "FZ407 mixed-percent-sign  [提示]" in text


def test_the_checker_recognises_what_it_forbids():
    assert problems("规则类型 content_evidence：Evidence is a sentence that") != []
    assert problems("统一写作“{expected}”") != []
