"""The benchmark corpus's JSON output, compared with its stored fingerprint, ordering included.

``benchmarks/corpus.py`` writes 1,000 varied reports (the same bytes on every run); ``fzcheck
check --format json`` over them must give exactly the output recorded in
``tests/data/corpus-json.expected``: one line per file, in output order, with a SHA-256 of that
file's JSON entry (every field, key order and diagnostic order included) and its diagnostic codes
in order, then the summary.  Speed work must leave it unchanged.  A rule change that changes
findings on purpose regenerates it with ``FZ_UPDATE_EXPECTED=1 pytest tests/test_corpus_output.py``;
review the diff of the codes before committing it.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "data" / "corpus-json.expected"


@pytest.fixture(scope="module")
def corpus(bench_corpus) -> Path:
    return bench_corpus


def check_json(folder: Path, *options: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "checker", "check", "--format", "json", "--no-config", *options, folder.name],
        cwd=folder.parent,
        capture_output=True,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr.decode(errors="replace")
    return json.loads(proc.stdout)


def fingerprint(payload: dict) -> list[str]:
    lines = []
    for entry in payload["files"]:
        digest = hashlib.sha256(json.dumps(entry, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]
        codes = " ".join(d["code"] for d in entry["diagnostics"])
        lines.append(f"{Path(entry['path']).name} {digest} {codes}".rstrip())
    lines.append("summary " + json.dumps(payload["summary"], sort_keys=True))
    return lines


def test_corpus_json_unchanged(corpus: Path):
    actual = fingerprint(check_json(corpus))
    if os.environ.get("FZ_UPDATE_EXPECTED"):
        EXPECTED.write_text("\n".join(actual) + "\n", encoding="utf-8")
    assert EXPECTED.exists(), f"{EXPECTED.name} is missing: run with FZ_UPDATE_EXPECTED=1 and review it"
    expected = EXPECTED.read_text(encoding="utf-8").splitlines()
    changed = [(a, e) for a, e in zip(actual, expected) if a != e]
    assert len(actual) == len(expected) and not changed, (
        f"{len(changed)} of {len(expected)} lines differ, e.g.\n  now:      {changed[0][0] if changed else ''}\n"
        f"  expected: {changed[0][1] if changed else ''}\n"
        "(an intended rule change? FZ_UPDATE_EXPECTED=1 pytest tests/test_corpus_output.py)"
    )
