"""engine.postprocess only sorts the findings when the configuration changes no severity, leaves
none out and none is there twice: always what the plain pass (select/ignore, severity overrides,
duplicates dropped, sort) gives, in the same order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.config import Config
from checker.engine import filtered, postprocess
from checker.model import Diagnostic, Span

findings = st.lists(
    st.builds(
        lambda code, severity, at, message: Diagnostic(code, "n", severity, message, Span(*at)),
        st.sampled_from(["FZ101", "FZ102", "FZ201", "FZ301"]),
        st.sampled_from(["error", "warning", "info"]),
        st.sampled_from([(0, 1), (0, 2), (3, 3), (5, 9)]),
        st.sampled_from(["甲", "乙"]),
    ),
    max_size=12,
)
configs = st.builds(
    Config,
    select=st.sampled_from([(), ("FZ1",), ("FZ",), ("FZ101", "FZ3")]),
    ignore=st.sampled_from([(), ("FZ102",), ("FZ2",)]),
    severity=st.sampled_from([{}, {"FZ101": "info"}, {"FZ201": "error", "FZ301": "warning"}]),
)


@settings(max_examples=400, deadline=None)
@given(findings, configs)
def test_postprocess_is_the_plain_pass(found, config):
    got = postprocess(list(found), config)
    expected = filtered(list(found), config, {})
    assert got == expected
    assert [id(d) for d in got if not config.severity] == [id(d) for d in expected if not config.severity]


def test_a_duplicate_is_dropped_and_the_first_kept():
    a, b = Diagnostic("FZ101", "n", "error", "甲", Span(4, 5)), Diagnostic("FZ101", "n", "error", "甲", Span(4, 5))
    c = Diagnostic("FZ102", "n", "error", "乙", Span(0, 1))
    got = postprocess([a, b, c], Config())
    assert got == [c, a] and got[1] is a
