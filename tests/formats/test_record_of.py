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


triples = st.tuples(st.text(max_size=5), st.text(max_size=5), st.sampled_from(["error", "warning", "info"]))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=8), st.text(max_size=8), st.lists(triples, max_size=4).map(tuple), st.integers(0, 9), st.booleans())
def test_file_record_is_what_the_generated_init_makes(path, error, found, fixable, failing):
    """common.file_record (a twin of FileRecord's slots, filled, then made a FileRecord) and its pickle."""
    import dataclasses
    import pickle

    from checker.formats.common import FileRecord, file_record

    extras = {"k": fixable}
    made, reference = file_record(path, error, found, fixable, failing, extras), FileRecord(path, error, found, fixable, failing, extras)
    assert type(made) is FileRecord and made == reference and repr(made) == repr(reference)
    assert all(getattr(made, f.name) is getattr(reference, f.name) for f in dataclasses.fields(FileRecord))
    assert pickle.loads(pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)) == reference
    with __import__("pytest").raises(dataclasses.FrozenInstanceError):
        made.path = "b"  # type: ignore[misc]
