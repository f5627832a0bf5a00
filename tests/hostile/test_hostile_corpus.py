"""The hostile corpus (tests/hostile/corpus.py), file by file, through the real command.

Each case runs as ``fzcheck check --jobs 1 GOOD CASE GOOD2`` (one process: its usage is all of the work) in a child process with its address space
capped (RLIMIT_AS) and its peak memory and CPU time read back from the kernel (``os.wait4``):
the case must end with its own finding, both good reports must be reported as usual, nothing
says 内部错误, and the child must stay under MEMORY_BOUND and CPU_BOUND.  Bounds are
measured, not timed: CPU seconds and resident memory of the child, not wall-clock sleeps.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.hostile.corpus import CASES, GOOD_REPORT, write_corpus

MEMORY_BOUND = 500 * 1024 * 1024  # peak resident memory of one run, bytes
ADDRESS_SPACE = 3 * 1024 * 1024 * 1024  # RLIMIT_AS: a run that tries to take gigabytes fails instead
CPU_BOUND = 10.0  # user + system seconds of one run
HANG_GUARD = 300  # wall seconds before a run counts as hung (only a backstop; never the measure)
GOOD_2 = GOOD_REPORT.replace("示例乡", "另一乡")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    write_corpus(folder)
    (folder / "good-1.txt").write_text(GOOD_REPORT, encoding="utf-8")
    (folder / "good-2.txt").write_text(GOOD_2, encoding="utf-8")
    return folder


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def run_case(args: list[str], cwd: Path, env: dict | None = None) -> tuple[int, str, str, float, int]:
    """(exit code, stdout, stderr, CPU seconds, peak resident bytes) of ``python -m checker ARGS``,
    the usage read from the kernel for this child alone (os.wait4)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "checker", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        preexec_fn=_limit_memory,
        env={**os.environ, **(env or {})},
    )
    streams: dict[str, bytes] = {}
    readers = [
        threading.Thread(target=lambda name=name, s=s: streams.__setitem__(name, s.read()))
        for name, s in (("out", proc.stdout), ("err", proc.stderr))
    ]
    for reader in readers:
        reader.start()
    waited = 0.0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if waited > HANG_GUARD:
            proc.kill()
            pytest.fail(f"fzcheck {' '.join(args)} did not end in {HANG_GUARD} s")
        time.sleep(0.05)
        waited += 0.05
    proc.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join()
    cpu = usage.ru_utime + usage.ru_stime
    return proc.returncode, streams["out"].decode("utf-8", "replace"), streams["err"].decode("utf-8", "replace"), cpu, usage.ru_maxrss * 1024


def by_path(payload: dict) -> dict[str, dict]:
    return {Path(f["path"]).name: f for f in payload["files"]}


def assert_good_reports_intact(files: dict[str, dict]) -> None:
    for name in ("good-1.txt", "good-2.txt"):
        entry = files[name]
        assert "error" not in entry
        assert entry["title"]
        assert not [d for d in entry["diagnostics"] if d["code"].startswith("FZ9")]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_ends_bounded_with_its_finding(corpus, case):
    code, out, err, cpu, peak = run_case(
        ["check", "--format", "json", "--jobs", "1", "--no-config", "good-1.txt", case.name, "good-2.txt"], corpus
    )
    assert "内部错误" not in err and "Traceback" not in err, err
    assert code in (0, 1), err
    files = by_path(json.loads(out))
    assert list(files) == ["good-1.txt", case.name, "good-2.txt"]
    assert_good_reports_intact(files)
    entry = files[case.name]
    input_findings = [d for d in entry["diagnostics"] if d["code"].startswith("FZ9")]
    if case.code is None:
        assert input_findings == [] and "error" not in entry
    else:
        assert [d["code"] for d in input_findings] == [case.code]
        assert case.message in input_findings[0]["message"]
    assert cpu < CPU_BOUND, f"{case.name}: {cpu:.1f} CPU seconds"
    assert peak < MEMORY_BOUND, f"{case.name}: peak {peak / 2**20:.0f} MB"
