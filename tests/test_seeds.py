"""The truth table of issue 2 over the five seed reports (seed 004 changed by issue 11)."""

from pathlib import Path

import pytest

from checker.api import check_path

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
CORE = {"FZ101", "FZ102", "FZ103", "FZ104", "FZ105", "FZ106", "FZ107", "FZ201", "FZ202", "FZ203"}

TRUTH = [
    ("000_0c2af4e7f0c2d5ea.txt", 2024, "群加", {"FZ103", "FZ104"}),
    ("001_e08a30d98d0b93f2.txt", 2023, "吉尔格勒特", {"FZ103", "FZ105", "FZ203"}),
    ("002_4b18fc9788dde1ef.txt", 2024, "多玛", {"FZ103", "FZ104"}),
    ("003_ac34c00328a5d2bd.txt", 2024, "辛集", set()),
    # issue 11: the heading promises causes (存在的不足和原因), the body lists three problems and analyses none
    ("004_4cb5d7ebd9b6d720.txt", 2024, "哲古", {"FZ103"}),
]


@pytest.mark.parametrize("name,year,entity,codes", TRUTH, ids=[t[0][:3] for t in TRUTH])
def test_seed_truth_table(name, year, entity, codes):
    result = check_path(SEEDS / name, discover=False)
    assert result.facts.year == year
    assert entity in result.facts.entity
    assert {d.code for d in result.diagnostics} & CORE == codes


def test_seed_004_has_no_error_of_any_code():
    result = check_path(SEEDS / "004_4cb5d7ebd9b6d720.txt", discover=False)
    assert [d.code for d in result.diagnostics if d.severity == "error"] == []
