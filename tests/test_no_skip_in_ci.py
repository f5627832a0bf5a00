"""Under CI=true the suite's conftest turns a skip into a failure; elsewhere a skip stays a skip."""

from __future__ import annotations

from pathlib import Path

CONFTEST = Path(__file__).with_name("conftest.py").read_text(encoding="utf-8")
SKIPPING = """
import pytest

pytest.importorskip("no_such_module_for_fzcheck", reason="needs no_such_module")
"""
SKIPPING_TEST = """
import pytest

def test_needs_a_tool():
    pytest.skip("needs a tool")

@pytest.mark.xfail(reason="known")
def test_known_failure():
    assert False
"""


def _run(pytester, monkeypatch, ci: bool):
    if ci:
        monkeypatch.setenv("CI", "true")
    else:
        monkeypatch.delenv("CI", raising=False)
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_module_skip=SKIPPING, test_skip=SKIPPING_TEST)
    return pytester.runpytest("-p", "no:xdist", "-p", "no:cacheprovider", "--continue-on-collection-errors")


def test_a_skip_fails_under_ci_and_names_its_reason(pytester, monkeypatch):
    result = _run(pytester, monkeypatch, ci=True)
    outcomes = result.parseoutcomes()
    assert outcomes.get("failed") == 1 and outcomes.get("errors") == 1 and outcomes.get("xfailed") == 1
    assert "skipped" not in outcomes
    result.stdout.fnmatch_lines(["*CI: a test that skips proves nothing*needs a tool*"])
    result.stdout.fnmatch_lines(["*CI: a test that skips proves nothing*needs no_such_module*"])


def test_a_skip_stays_a_skip_outside_ci(pytester, monkeypatch):
    outcomes = _run(pytester, monkeypatch, ci=False).parseoutcomes()
    assert outcomes.get("skipped") == 2 and outcomes.get("xfailed") == 1
    assert "failed" not in outcomes and "errors" not in outcomes
