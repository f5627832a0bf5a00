"""Every report under fixtures/cases/ is checked against the ``.expected`` file beside it.

An ``.expected`` file lists one diagnostic per line: ``line:column CODE severity message``.
Its first line may be ``# select: FZ1 FZ2`` to restrict the comparison to those codes or
prefixes (default: FZ1 FZ2, the required-content and title rules).  An empty list means the
case must not fire.  A new case is a new pair of files, no new code; regenerate with
``FZ_UPDATE_EXPECTED=1 pytest tests/test_fixtures.py`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checker.api import check_path
from checker.config import Config
from checker.positions import LineIndex

CASES = Path(__file__).resolve().parent.parent / "fixtures" / "cases"
DEFAULT_SELECT = ("FZ1", "FZ2")


def _cases():
    return sorted(p for p in CASES.rglob("*") if p.suffix in (".txt", ".md") and p.is_file())


def _select(expected: Path) -> tuple[str, ...]:
    if expected.exists():
        first = expected.read_text(encoding="utf-8").splitlines()[:1]
        if first and first[0].startswith("# select:"):
            return tuple(first[0].split(":", 1)[1].split())
    return DEFAULT_SELECT


def _lines(case: Path, select: tuple[str, ...]) -> list[str]:
    result = check_path(case, Config(select=select), discover=False)
    index = LineIndex(result.document.text)
    out = []
    for d in result.diagnostics:
        line, col = index.line_col(d.span.start)
        out.append(f"{line}:{col} {d.code} {d.severity} {d.message}")
    return out


@pytest.mark.parametrize("case", _cases(), ids=lambda p: str(p.relative_to(CASES)))
def test_case_matches_expected(case: Path):
    expected_path = case.with_suffix(".expected")
    select = _select(expected_path)
    actual = _lines(case, select)
    if os.environ.get("FZ_UPDATE_EXPECTED"):
        header = [] if select == DEFAULT_SELECT else [f"# select: {' '.join(select)}"]
        expected_path.write_text("\n".join(header + actual) + "\n", encoding="utf-8")
    assert expected_path.exists(), f"{expected_path.name} is missing: run with FZ_UPDATE_EXPECTED=1 and review it"
    expected = [
        line for line in expected_path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
    ]
    assert actual == expected
