"""formats/common.record_of (C-level passes over the findings) keeps what the plain loops kept:
each finding's (code, name, severity), the safe fixes counted, and whether one reaches --fail-on."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.formats.common import record_of
from checker.model import SEVERITY_RANK, Diagnostic, Edit, Fix, Span

FIXES = [None, Fix((Edit(0, 1, "x"),)), Fix((Edit(0, 1, "x"),), "unsafe")]
finding = st.builds(
    lambda code, severity, fix: Diagnostic(code, f"name-{code}", severity, "m", Span(0, 1), fix=fix),
    st.sampled_from(["FZ101", "FZ202", "FZ303"]),
    st.sampled_from(["error", "warning", "info"]),
    st.sampled_from(FIXES),
)


def plain_record(result, fail_on):
    threshold = SEVERITY_RANK.get(fail_on)
    return (
        tuple((d.code, d.name, d.severity) for d in result.diagnostics),
        sum(1 for d in result.diagnostics if d.fix is not None and d.fix.applicability == "safe"),
        threshold is not None and any(SEVERITY_RANK[d.severity] >= threshold for d in result.diagnostics),
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(finding, max_size=8), st.sampled_from(["error", "warning", "info", "never", "none"]))
def test_record_is_the_plain_loops(found, fail_on):
    result = SimpleNamespace(path="a.txt", error="", diagnostics=found)
    record = record_of(result, fail_on)
    assert (record.diagnostics, record.fixable, record.failing) == plain_record(result, fail_on)
    assert (record.path, record.error, record.extras) == ("a.txt", "", {})
