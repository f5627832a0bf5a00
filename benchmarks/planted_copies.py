"""Precision and recall of copy detection (FZ701) and other-unit names (FZ702) on the planted folder.

    python benchmarks/planted_copies.py            # fixtures/review/planted (see make_planted.py)

Prints one line per rule: reported, correct, planted, precision, recall, and what was missed or
reported wrongly.  docs/review.md quotes the figures; tests/review/test_planted.py asserts them.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "fixtures" / "review"))

import make_planted  # noqa: E402


def main() -> None:
    from checker.config import Config
    from checker.review.runner import job_for, review

    files = sorted(str(p) for p in (ROOT / "fixtures" / "review" / "planted").glob("*.txt"))
    result = review(files, job_for(Config(), discover=False), jobs=1)
    for code, s in make_planted.score(result.diagnostic_rows()).items():
        print(
            f"{code}: reported {s['reported']}, correct {s['correct']}, planted {s['planted']}, "
            f"precision {s['precision']:.2f}, recall {s['recall']:.2f}"
        )
        for what in ("missed", "false"):
            if s[what]:
                print(f"  {what}: {s[what]}")


if __name__ == "__main__":
    main()
