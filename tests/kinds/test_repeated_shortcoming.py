"""repeated_shortcoming (FZ706): a problem listed again, word for word, in this year's 不足 part."""

from __future__ import annotations

from pathlib import Path

from checker.api import check_path
from checker.config import Config
from checker.kinds.plan_followthrough import items_of
from checker.kinds.repeated_shortcoming import Params, dice, normalised, repeated
from checker.packs import load_ruleset
from checker.review.examples import review_texts, split_example

TWO_YEARS = Path(__file__).resolve().parents[2] / "fixtures" / "review" / "two-years"


def _items(year: int, unit: str):
    result = check_path(TWO_YEARS / str(year) / f"{unit}{year}.txt", discover=False, with_roles=True)
    return [normalised(i.text) for i in items_of(result, "shortcomings")]


def test_the_same_problem_again_is_found_a_new_one_is_not():
    assert repeated(_items(2024, "西河镇"), _items(2023, "西河镇"), Params()) == [0, None]
    assert dice(normalised("法治宣传形式单一"), normalised("法治宣传形式比较单一")) < 0.9  # near miss: reworded


def test_rule_examples():
    rule = load_ruleset().rules["FZ706"]
    fires = review_texts(*split_example(rule.example_fires), Config(select=("FZ706",)))
    assert [(d.code, d.location.line) for d in fires.diagnostics] == [("FZ706", 5)]
    passes = review_texts(*split_example(rule.example_passes), Config(select=("FZ706",)))
    assert passes.diagnostics == []
