"""Results kept between runs (checker/result_cache.py): a second run over unchanged files writes the
same bytes without checking them again; any change to a file, its configuration, the packs or the
output options checks it again; --no-cache keeps and reuses nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))[:4]


@pytest.fixture
def cached(tmp_path, monkeypatch):
    """A folder of four reports and a cache folder of its own, with the result cache on."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for seed in SEEDS:
        (folder / seed.name).write_bytes(seed.read_bytes())
    cache = tmp_path / "cache"
    monkeypatch.delenv("FZCHECK_NO_RESULT_CACHE", raising=False)
    monkeypatch.setenv("FZCHECK_CACHE_DIR", str(cache))
    return folder, cache


def fzcheck(folder: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "checker", "check", "--no-config", *options, folder.name],
        cwd=folder.parent,
        capture_output=True,
        check=False,
        env=os.environ.copy(),
    )


def entries(cache: Path) -> list[Path]:
    return sorted(p for p in (cache / "results").rglob("*") if p.is_file())


def test_second_run_reuses_every_file_with_the_same_output(cached):
    folder, cache = cached
    first = fzcheck(folder, "--format", "json", "--jobs", "1")
    assert first.returncode in (0, 1), first.stderr.decode()
    kept = entries(cache)
    assert len(kept) == len(SEEDS)
    again = fzcheck(folder, "--format", "json", "--jobs", "1")
    assert (again.returncode, again.stdout) == (first.returncode, first.stdout)
    assert entries(cache) == kept  # nothing new: every file came from the cache
    uncached = fzcheck(folder, "--format", "json", "--jobs", "1", "--no-cache")
    assert (uncached.returncode, uncached.stdout) == (first.returncode, first.stdout)


def test_a_kept_result_is_what_the_output_shows(cached):
    """The output really comes from the entry: a doctored entry shows (so a hit is a hit)."""
    import pickle

    folder, cache = cached
    name = SEEDS[0].name
    first = fzcheck(folder, "--format", "text")
    (entry,) = [e for e in entries(cache) if name in pickle.loads(e.read_bytes())[0]]
    text, record = pickle.loads(entry.read_bytes())
    entry.write_bytes(pickle.dumps((text.replace(name, "doctored.txt"), record)))
    again = fzcheck(folder, "--format", "text")
    assert b"doctored.txt" in again.stdout and b"doctored.txt" not in first.stdout


def test_one_file_is_checked_directly(cached):
    """Looking one file up costs about as much as checking it: a one-file run keeps nothing."""
    folder, cache = cached
    proc = subprocess.run(
        [sys.executable, "-m", "checker", "check", "--no-config", f"{folder.name}/{SEEDS[0].name}"],
        cwd=folder.parent,
        capture_output=True,
        check=False,
    )
    assert proc.returncode in (0, 1) and proc.stdout
    assert entries(cache) == []


def test_changes_are_checked_again(cached, tmp_path):
    folder, cache = cached
    base = fzcheck(folder, "--format", "json", "--jobs", "1")
    n = len(entries(cache))
    report = folder / SEEDS[0].name
    report.write_bytes(report.read_bytes().replace("。".encode(), ",".encode(), 1))  # one more FZ401
    edited = fzcheck(folder, "--format", "json", "--jobs", "1")
    assert edited.stdout.count(b'"FZ401"') == base.stdout.count(b'"FZ401"') + 1
    assert len(entries(cache)) == n + 1  # only the edited file was checked again
    # another selection, another format: checked again, not served from the json entries
    selected = fzcheck(folder, "--format", "json", "--jobs", "1", "--select", "FZ401")
    assert b'"FZ104"' not in selected.stdout and b'"FZ401"' in selected.stdout
    text = fzcheck(folder, "--format", "text", "--jobs", "1")
    assert not text.stdout.lstrip().startswith(b"{")
    # the same files under a pack of one's own, then under the same pack edited: new results each time
    pack = tmp_path / "pack.toml"
    pack.write_text(PACK.format(message="旧的说明"), encoding="utf-8")
    old = fzcheck(folder, "--format", "json", "--jobs", "1", "--select", "FZ899", "--rules", str(pack))
    pack.write_text(PACK.format(message="新的说明"), encoding="utf-8")
    new = fzcheck(folder, "--format", "json", "--jobs", "1", "--select", "FZ899", "--rules", str(pack))
    assert "旧的说明".encode() in old.stdout and "新的说明".encode() not in old.stdout
    assert "新的说明".encode() in new.stdout and "旧的说明".encode() not in new.stdout


PACK = """[[rule]]
code = "FZ899"
name = "report-word"
kind = "pattern"
pattern = "报告"
severity = "info"
message = "{message}"
hint = "示例"
basis = "审查惯例"
why = "示例规则。"
example_fires = "年度报告"
example_passes = "年度总结"
"""


def test_no_cache_keeps_nothing(cached):
    folder, cache = cached
    fzcheck(folder, "--no-cache")
    assert entries(cache) == []


def test_unreadable_and_crashed_files_are_not_kept(cached, monkeypatch):
    """A file that cannot be read, and a check that crashed (FZ903), are checked again next time."""
    from checker import engine
    from checker.batch import Job
    from checker.formats import RenderContext
    from checker.result_cache import ResultCache
    from checker.run import base_config

    folder, cache = cached
    unreadable = folder / "binary.txt"
    unreadable.write_bytes(bytes(range(256)) * 8)
    report = str(folder / SEEDS[0].name)
    ctx = RenderContext()
    job = Job(base_config(None, None, None, None, None), False, "json", ctx, True, ResultCache.open("json", ctx, True))
    assert job.piece(str(unreadable))[1].error
    assert entries(cache) == []

    def crash(*args, **kwargs):
        raise RuntimeError("boom")

    with monkeypatch.context() as patch:
        patch.setattr(engine, "run_rules", crash)
        patch.setattr("checker.api.run_rules", crash)
        crashed = job.piece(report)
    assert [code for code, _, _ in crashed[1].diagnostics] == ["FZ903"]
    assert entries(cache) == []
    text, record = job.piece(report)
    assert "FZ903" not in text and record.diagnostics and len(entries(cache)) == 1
    assert job.piece(report) == (text, record)


def test_damaged_entry_is_checked_again(cached):
    folder, cache = cached
    first = fzcheck(folder, "--format", "json", "--jobs", "1")
    for entry in entries(cache):
        entry.write_bytes(b"not a pickle")
    again = fzcheck(folder, "--format", "json", "--jobs", "1")
    assert again.stdout == first.stdout


def test_old_code_stamps_are_removed(cached):
    folder, cache = cached
    fzcheck(folder)
    results = cache / "results"
    for name in ("0" * 24, "1" * 24, "2" * 24):
        (results / name / "ab").mkdir(parents=True)
        (results / name / "ab" / "entry").write_bytes(b"x")
        os.utime(results / name, (1, 1))
    fzcheck(folder)
    assert len([p for p in results.iterdir() if p.is_dir()]) == 2  # the current stamp and the newest other


def test_a_file_missing_from_the_cache_is_checked_from_the_bytes_its_key_was_made_of(cached, monkeypatch):
    """With the cache on, a file is read once: the bytes hashed for its key are the ones checked."""
    import checker.api
    from checker.batch import Job
    from checker.config import Config
    from checker.formats import RenderContext
    from checker.result_cache import ResultCache

    folder, _ = cached
    ctx = RenderContext()
    job = Job(Config(), False, "json", ctx, True, ResultCache.open("json", ctx, True))
    path = str(folder / SEEDS[0].name)
    expected = Job(Config(), False, "json", ctx, True).piece(path)
    monkeypatch.setattr(checker.api, "read_path", lambda *a: pytest.fail("read a second time"))
    assert job.piece(path) == expected  # checked (a miss), from the bytes of the key
    assert job.piece(path) == expected  # kept (a hit)


def test_an_entry_kept_as_utf8_bytes_is_text_again_for_a_stream_that_takes_text(cached):
    """A run writing UTF-8 to a pipe keeps each JSON piece as its bytes (formats.piece, utf8); a later
    run to a terminal (no wire: pieces stay text) gets the same piece back as text, and the reverse."""
    from checker.batch import Job, encoded
    from checker.config import Config
    from checker.formats import RenderContext
    from checker.result_cache import ResultCache

    folder, cache = cached
    ctx = RenderContext()
    wire = ("utf-8", "strict")
    paths = [str(folder / seed.name) for seed in SEEDS[:2]]
    plain = [Job(Config(), False, "json", ctx, True).piece(path) for path in paths]  # no cache, no wire: text
    assert all(type(text) is str for text, _ in plain)

    def job(wire_of_run):
        return Job(Config(), False, "json", ctx, True, ResultCache.open("json", ctx, True), wire_of_run)

    as_bytes = job(wire).piece(paths[0])  # a miss, kept as bytes
    assert as_bytes == (plain[0][0].encode("utf-8"), plain[0][1]) and len(entries(cache)) == 1
    assert job(None).piece(paths[0]) == plain[0]  # a hit: text again
    assert job(None).piece(paths[1]) == plain[1]  # a miss kept as text ...
    kept = job(wire).piece(paths[1])
    assert kept == plain[1] and encoded(kept, wire) == (plain[1][0].encode("utf-8"), plain[1][1])  # ... written as bytes
