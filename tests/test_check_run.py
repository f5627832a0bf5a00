"""fzcheck check over many files: worker processes (--jobs), output streamed in input order,
--format jsonl, and the console script's fast path held to the typer command."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from checker import batch
from checker.cli import app
from checker.console import FLAG_OPTIONS, VALUE_OPTIONS, parse_check
from checker.run import CheckOptions, run_check

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
FORMATS = ("text", "json", "jsonl", "sarif", "junit", "github")


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Ten seeds, a copy of one under a subfolder, an empty file and a file that is not text."""
    root = tmp_path_factory.mktemp("many") / "reports"
    (root / "sub").mkdir(parents=True)
    for seed in SEEDS[:10]:
        shutil.copy(seed, root / seed.name)
    shutil.copy(SEEDS[0], root / "sub" / "copy.txt")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 8)
    return root


def fzcheck(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The console script's way in (checker/console.py), as a user runs it."""
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, capture_output=True, check=False)


@pytest.mark.parametrize("fmt", FORMATS)
def test_workers_give_the_same_bytes_as_one_process(folder: Path, fmt: str):
    one = fzcheck("check", "--no-config", "-f", fmt, "--jobs", "1", folder.name, cwd=folder.parent)
    two = fzcheck("check", "--no-config", "-f", fmt, "--jobs", "2", folder.name, cwd=folder.parent)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and one.stdout
    assert two.stderr == b""


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("stdout", ["utf-8:strict", "utf-8:surrogateescape", "gbk:strict"])
def test_workers_send_the_bytes_the_output_stream_writes(tmp_path: Path, fmt: str, stdout: str):
    """Workers encode their pieces as the output stream would (batch.encoded, run.SafeText.wire): a file
    name that is not UTF-8 among the files is written as one process writes it, whatever stdout's encoding."""
    import os

    for seed in SEEDS[:3]:
        shutil.copy(seed, tmp_path / seed.name)
    shutil.copy(SEEDS[3], tmp_path / os.fsdecode(b"\xff\xfe-report.txt"))
    env = {**os.environ, "PYTHONIOENCODING": stdout}
    runs = [
        subprocess.run([sys.executable, "-m", "checker", "check", "--no-config", "-f", fmt, "--jobs", jobs, "."],
                       cwd=tmp_path, capture_output=True, check=False, env=env)
        for jobs in ("1", "2")
    ]  # fmt: skip
    assert runs[0].stdout == runs[1].stdout and b"-report.txt" in runs[0].stdout
    assert runs[0].returncode == runs[1].returncode == 1 and runs[1].stderr == b""


def test_jsonl_is_one_json_entry_per_file_in_input_order(folder: Path):
    lines = fzcheck("check", "--no-config", "-f", "jsonl", folder.name, cwd=folder.parent).stdout.decode().splitlines()
    document = json.loads(fzcheck("check", "--no-config", "-f", "json", folder.name, cwd=folder.parent).stdout)
    assert [json.loads(line) for line in lines] == document["files"]
    paths = [json.loads(line)["path"] for line in lines]
    seeds = [f"reports/{s.name}" for s in SEEDS[:10]]
    assert paths == [*seeds, "reports/binary.txt", "reports/empty.txt", "reports/sub/copy.txt"]
    assert json.loads(lines[-3])["error"] and json.loads(lines[-2])["error"]
    assert all("summary" not in json.loads(line) for line in lines)


def test_each_file_is_written_before_the_next_is_checked(folder: Path, monkeypatch, capsys):
    events: list[str] = []
    real = batch.Job.piece

    def piece(self, path):
        events.append("check " + Path(path).name)
        return real(self, path)

    monkeypatch.setattr(batch.Job, "piece", piece)
    files = [str(p) for p in sorted(folder.glob("0*.txt"))[:3]]

    class Out:
        def write(self, text):
            events.append("write")

        def isatty(self):
            return False

    monkeypatch.setattr(sys, "stdout", Out())
    assert run_check(CheckOptions(paths=files, format="jsonl", no_config=True, jobs=1)) == 1
    names = [Path(f).name for f in files]
    assert events == [f"check {names[0]}", "write", f"check {names[1]}", "write", f"check {names[2]}", "write"]


def test_a_configuration_error_in_a_worker_is_a_usage_error(tmp_path: Path):
    for k in range(4):
        shutil.copy(SEEDS[k], tmp_path / f"r{k}.txt")
    bad = tmp_path / "bad"
    bad.mkdir()
    shutil.copy(SEEDS[4], bad / "r4.txt")
    (bad / "fzcheck.toml").write_text('selekt = ["FZ1"]\n', encoding="utf-8")
    out = fzcheck("check", "--jobs", "2", ".", cwd=tmp_path)
    assert out.returncode == 2
    assert "未知的配置项 “selekt”" in out.stderr.decode()


def test_negative_jobs_is_refused(folder: Path):
    out = fzcheck("check", "--jobs", "-1", folder.name, cwd=folder.parent)
    assert out.returncode == 2 and "--jobs 不能是负数" in out.stderr.decode()


def test_fast_parser_knows_exactly_the_typer_commands_options():
    command = typer.main.get_command(app).commands["check"]
    typer_names = {name for p in command.params for name in (*p.opts, *p.secondary_opts) if name.startswith("-")}
    assert typer_names == set(VALUE_OPTIONS) | set(FLAG_OPTIONS)


def test_fast_parser_reads_options_like_click():
    assert parse_check(["a.txt", "--select", "FZ1", "--select=FZ2", "-f", "json", "--jobs=3", "--no-color", "-", "--", "-x.txt"]) == {
        "paths": ["a.txt", "-", "-x.txt"], "select": ["FZ1", "FZ2"], "format": "json", "jobs": 3, "color": False,
    }  # fmt: skip
    assert parse_check(["a.txt", "--help"]) is None  # help and errors: typer says it
    assert parse_check(["a.txt", "--year", "twenty"]) is None
    assert parse_check(["a.txt", "--unknown"]) is None
    assert parse_check(["--select", "FZ1"]) is None  # no path
    assert parse_check(["a.txt", "--fix=yes"]) is None


@pytest.mark.parametrize(
    "args",
    [
        ("--select", "FZ1,FZ2", "--statistics"),
        ("-f", "json", "--ignore", "FZ4"),
        ("--fail-on", "never", "--no-source"),
        ("--fail-on", "sometimes"),
        ("-f", "yaml"),
        ("--year", "2023", "-f", "github"),
    ],
)
def test_fast_path_and_typer_command_agree(folder: Path, args: tuple[str, ...]):
    paths = [str(p) for p in sorted(folder.glob("0*.txt"))[:2]]
    fast = fzcheck("check", "--no-config", *args, *paths, cwd=folder)
    slow = CliRunner().invoke(app, ["check", "--no-config", *args, *paths])
    assert fast.returncode == slow.exit_code
    if fast.returncode == 2:
        assert fast.stderr.decode() in slow.output
    else:
        assert fast.stdout.decode() == slow.stdout


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", "中", "\n", "\udcff", "\ud800", "é", "😀"]), max_size=12),
       st.sampled_from(["strict", "surrogateescape"]))  # fmt: skip
def test_a_workers_bytes_are_what_the_stream_writes_for_the_text(text: str, errors: str):
    """batch.encoded gives the bytes run.SafeText writes for the same text (its fallback included)."""
    import io

    from checker.run import SafeText

    def stream():
        raw = io.BytesIO()
        return raw, io.TextIOWrapper(raw, encoding="utf-8", errors=errors, newline="\n")

    raw_text, text_stream = stream()
    SafeText(text_stream).write(text)
    text_stream.flush()
    raw_bytes, bytes_stream = stream()
    out = SafeText(bytes_stream)
    wire = out.wire()
    assert wire == ("utf-8", errors)
    data, record = batch.encoded((text, "record"), wire)
    out.write(data)
    bytes_stream.flush()
    assert raw_bytes.getvalue() == raw_text.getvalue() and record == "record"


_START_UP_PROBE = """
import gc, sys
from checker import console, run
seen = []
real = run.start_up_over
def probe():
    seen.append((gc.isenabled(), gc.get_freeze_count()))
    real()
    seen.append((gc.isenabled(), gc.get_freeze_count()))
run.start_up_over = probe
def leave(code):
    print(seen, code, file=sys.stderr)
    sys.exit(0)
console.leave = leave
sys.argv = ["fzcheck", *sys.argv[1:]]
console.main()
"""


@pytest.mark.parametrize("paths", [1, 3])
def test_the_console_starts_up_without_the_collector_and_freezes_what_start_up_made(tmp_path: Path, paths: int):
    """console.main holds the cyclic collector off through start-up; run.start_up_over then freezes
    start-up's objects and turns the collector on for the files (with workers too: --jobs 2)."""
    for seed in SEEDS[:paths]:
        shutil.copy(seed, tmp_path / seed.name)
    args = ["check", "--no-config", "--no-cache", "--jobs", "2", "-f", "json", *[s.name for s in SEEDS[:paths]]]
    out = subprocess.run([sys.executable, "-c", _START_UP_PROBE, *args], cwd=tmp_path, capture_output=True, check=False)
    seen, code = out.stderr.decode().rsplit(" ", 1)
    import ast

    (before, after) = ast.literal_eval(seen)
    assert before == (False, 0) and code.strip() == "1"
    assert after[0] is True and after[1] > 5000  # modules, packs, tables: frozen
    assert json.loads(out.stdout)["summary"]["files"] == paths


def test_a_caller_that_left_the_collector_on_is_not_affected(tmp_path: Path):
    import gc

    assert gc.isenabled() and gc.get_freeze_count() == 0
    shutil.copy(SEEDS[0], tmp_path / SEEDS[0].name)
    run_check(CheckOptions(paths=[str(tmp_path / SEEDS[0].name)], format="json", no_config=True, no_cache=True))
    assert gc.isenabled() and gc.get_freeze_count() == 0
