"""fzcheck review's exit code follows --fail-on over every report's findings."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from checker.cli import app

SEED_000 = Path(__file__).resolve().parents[2] / "fixtures" / "seeds" / "000_0c2af4e7f0c2d5ea.txt"


def test_review_exit_code_follows_fail_on(tmp_path: Path):
    shutil.copy(SEED_000, tmp_path / "a.txt")  # FZ104, an error
    runner = CliRunner()
    found = runner.invoke(app, ["review", str(tmp_path), "--no-config", "--no-progress", "-j", "1"])
    assert found.exit_code == 1, found.output
    never = runner.invoke(app, ["review", str(tmp_path), "--no-config", "--no-progress", "-j", "1", "--fail-on", "never"])
    assert never.exit_code == 0, never.output
