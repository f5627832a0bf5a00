"""The wording tables tested as data, codespell-style: every substitution table in the
shipped packs is well formed, has no loops or self-corrections, and every entry fires on
its own example with the replacement it promises — and no longer fires once fixed."""

from __future__ import annotations

import pytest

from checker.api import check_text
from checker.config import Config
from checker.kinds import substitution
from checker.packs import load_ruleset

RULESET = load_ruleset()
TABLES = [r for r in RULESET.rules.values() if r.kind == "substitution"]
ENTRIES = [(rule, entry) for rule in TABLES for entry in substitution.entries(rule.params)]


def _apply(text: str, diagnostics) -> str:
    edits = sorted((e for d in diagnostics if d.fix for e in d.fix.edits), key=lambda e: e.start, reverse=True)
    for e in edits:
        text = text[: e.start] + e.replacement + text[e.end :]
    return text


def test_there_are_tables():
    assert {r.code for r in TABLES} >= {"FZ501", "FZ502"}


@pytest.mark.parametrize("rule", TABLES, ids=lambda r: r.code)
def test_table_is_well_formed(rule):
    assert substitution.validate(rule.params, RULESET) == ""
    for entry in substitution.entries(rule.params):
        for word in (entry.source, entry.target, *entry.context_any):
            assert word == word.strip() and " " not in word and "\u3000" not in word, word


def test_no_self_corrections_and_no_loops_across_all_tables():
    sources = {entry.source for _, entry in ENTRIES}
    for _, entry in ENTRIES:
        assert entry.source != entry.target
        assert not [s for s in sources if s in entry.target], f"{entry.source}→{entry.target} feeds another entry"


def test_no_source_is_listed_twice_across_tables():
    sources = [entry.source for _, entry in ENTRIES]
    assert len(sources) == len(set(sources))


@pytest.mark.parametrize("rule,entry", ENTRIES, ids=[f"{r.code}-{e.source}" for r, e in ENTRIES])
def test_entry_fires_on_its_example_and_settles_when_fixed(rule, entry):
    config = Config(select=(rule.code,))
    found = [d for d in check_text(entry.example, config).diagnostics if d.code == rule.code]
    ours = [d for d in found if entry.source in d.message]
    assert ours, f"{entry.source}: its example does not fire"
    assert all(e.replacement == entry.target for d in ours for e in d.fix.edits)
    fixed = _apply(entry.example, found)
    assert entry.target in fixed
    assert [d for d in check_text(fixed, config).diagnostics if d.code == rule.code] == []


@pytest.mark.parametrize("rule", TABLES, ids=lambda r: r.code)
def test_keep_words_are_never_reported(rule):
    for word in rule.params.keep:
        text = f"开展{word}相关工作。"
        assert [d for d in check_text(text, Config(select=(rule.code,))).diagnostics] == [], word


@pytest.mark.parametrize("rule", TABLES, ids=lambda r: r.code)
def test_replacements_are_not_reported(rule):
    for entry in substitution.entries(rule.params):
        context = "".join(entry.context_any)
        text = f"{context}{entry.target}。"
        assert check_text(text, Config(select=(rule.code,))).diagnostics == [], entry.target


def test_official_names_are_accepted_as_written():
    rule = RULESET.rules["FZ503"]
    for name in rule.params.names:
        assert check_text(f"深入学习{name}。", Config(select=("FZ503",))).diagnostics == [], name
