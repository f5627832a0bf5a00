from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

from checker.api import check_text
from checker.config import Config
from checker.positions import LineIndex

# Every run in the suite checks its files for real: results kept by an earlier run (checker/result_cache.py)
# would hide what a test changes by other means than the file (a patched kind, a time limit).  The
# cache's own tests (tests/test_result_cache.py) turn it back on in a folder of their own.
os.environ["FZCHECK_NO_RESULT_CACHE"] = "1"

pytest_plugins = ("pytester",)


# A test that skips in CI proves nothing: .ci/run installs every package the suite needs, so under CI=true a
# skip (in a test, a fixture or a whole module) is reported as a failure that names the reason.
@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    _fail_skip_in_ci(outcome.get_result())


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    outcome = yield
    _fail_skip_in_ci(outcome.get_result())


def _fail_skip_in_ci(report) -> None:
    if not os.environ.get("CI") or not report.skipped or hasattr(report, "wasxfail"):
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    report.outcome = "failed"
    report.longrepr = f"CI: a test that skips proves nothing; .ci/run must install what it needs ({reason})"


def findings(text: str, *select: str, year: int | None = None) -> list[tuple[int, int, str, str, str]]:
    """(line, column, code, severity, message) for the selected codes, in order."""
    result = check_text(text, Config(select=tuple(select), year=year))
    index = LineIndex(result.document.text)
    return [(*index.line_col(d.span.start), d.code, d.severity, d.message) for d in result.diagnostics]


@pytest.fixture
def run():
    return findings


REPORT = """示例乡2024年法治政府建设年度报告

2024年，示例乡深入学习贯彻习近平法治思想，现将有关情况报告如下。
一、2024年度推进法治政府建设的主要举措和成效
（一）依法全面履行政府职能。一是梳理权责清单126项。二是推进政务服务，办件量3100件。
二、2024年度推进法治政府建设存在的不足和原因
一是普法形式单一。二是执法力量不足。究其原因，主要是专业人才缺乏。
三、2024年度党政主要负责人履行推进法治建设第一责任人职责情况
乡党委书记认真履行推进法治建设第一责任人职责，亲自部署重大法治工作。
四、2025年度推进法治政府建设的主要安排
一是持续深化依法行政。二是加强执法队伍建设。
"""


@pytest.fixture
def report():
    """A short complete report that no required-content rule fires on."""
    return REPORT


# --- running fzcheck as a user without rights to a file (permission tests that mean something as root) ---

OTHER_UID = 65534  # nobody


_DROP = """
import contextlib, io, os, sys, tempfile
import checker.atomic, checker.cli, checker.fixbytes, checker.fixmode, checker.api
# warm up as root: every module, grammar and rule file the run needs is read before dropping
# rights, so the test works wherever the checkout is (even where nobody may not read it)
with tempfile.TemporaryDirectory() as warm:
    with open(os.path.join(warm, "w.txt"), "w", encoding="utf-8") as fh:
        fh.write("示例乡2024年法治政府建设年度报告\\n一、主要举措和成效\\n依法行政,成效明显。\\n")
    for fmt in ("text", "json"):
        args = ["check", os.path.join(warm, "w.txt"), "--fix", "--no-backup", "--format", fmt]
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            try:
                checker.cli.app(args, standalone_mode=False)
            except SystemExit:
                pass
if os.geteuid() == 0:
    os.setgroups([])
    os.setgid({uid})
    os.setuid({uid})
os.chdir(sys.argv[1])
"""


class OtherUser:
    """Files in a folder everyone may write, some owned by the test runner ("owner"), some by the
    user the code runs as ("runner"); ``run`` executes Python code (or the fzcheck command line)
    as that user: nobody when the tests run as root (as in CI), else the current user."""

    def __init__(self, folder):
        self.folder = folder
        self.is_other = os.geteuid() == 0

    def add(self, name: str, data: bytes, mode: int, owner: str = "runner"):
        path = self.folder / name
        path.write_bytes(data)
        if owner == "runner" and self.is_other:
            os.chown(path, OTHER_UID, OTHER_UID)
        path.chmod(mode)
        return path

    def python(self, code: str):
        import subprocess
        import sys

        env = {**os.environ, "FZCHECK_CACHE_DIR": "", "HOME": str(self.folder)}
        script = _DROP.format(uid=OTHER_UID) + code
        return subprocess.run(
            [sys.executable, "-c", script, str(self.folder)], capture_output=True, text=True, env=env, timeout=120
        )

    def fzcheck(self, *args: str):
        return self.python(f"import sys\nsys.argv = ['fzcheck', *{list(args)!r}]\nchecker.cli.main()\n")


@pytest.fixture
def other_user():
    import shutil
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp(prefix="fzcheck-perm-"))  # not under pytest's 0700 tmp folder
    folder.chmod(0o777)
    try:
        yield OtherUser(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def county_review():
    """The review of fixtures/review/county (rules FZ1, FZ7, FZ9) with last year's folder."""
    from pathlib import Path

    from checker.review.runner import job_for, review
    from checker.run import collect

    fixtures = Path(__file__).resolve().parent.parent / "fixtures" / "review"
    job = job_for(Config(select=("FZ1", "FZ7", "FZ9")), False)
    return review(collect([str(fixtures / "county")]), job, jobs=1, previous_files=collect([str(fixtures / "previous")]))


def _bench_corpus_module():
    """benchmarks/corpus.py, which writes the benchmark's 1,000 varied reports (the same bytes on every run)."""
    spec = importlib.util.spec_from_file_location("fz_bench_corpus", Path(__file__).resolve().parents[1] / "benchmarks" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def bench_corpus(tmp_path_factory) -> Path:
    """The benchmark corpus written afresh (benchmarks/corpus/ is made by the benchmark and not kept in git)."""
    folder = tmp_path_factory.mktemp("bench") / "corpus"
    _bench_corpus_module().build(count=1000, out=folder)
    return folder
