from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import Config
from checker.review.runner import job_for, review
from checker.run import collect

ROOT = Path(__file__).resolve().parent.parent.parent
COUNTY = ROOT / "fixtures" / "review" / "county"
PREVIOUS = ROOT / "fixtures" / "review" / "previous"


@pytest.fixture(scope="session")
def county_review():
    """The review of fixtures/review/county (rules FZ1, FZ7, FZ9) with last year's folder."""
    config = Config(select=("FZ1", "FZ7", "FZ9"))
    job = job_for(config, False)
    return review(collect([str(COUNTY)]), job, jobs=1, previous_files=collect([str(PREVIOUS)]))
