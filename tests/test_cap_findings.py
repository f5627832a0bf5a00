"""api.cap_findings returns a file's findings untouched when there are too few for either cap to
drop one: always what counting them one by one (api._capped) keeps, FZ905 included when it is due."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker import api
from checker.config import Config
from checker.model import Diagnostic, Span

codes = st.lists(st.sampled_from(["FZ401", "FZ402", "FZ501"]), max_size=12)


@settings(max_examples=300, deadline=None)
@given(codes, st.integers(1, 6), st.integers(1, 8))
def test_the_uncounted_shortcut_keeps_what_counting_keeps(drawn, per_rule, per_file):
    found = [Diagnostic(code, "x", "warning", f"第{i}个", Span(i, i + 1)) for i, code in enumerate(drawn)]
    config = Config()
    ruleset = api.ruleset_for(config)
    saved = api.MAX_FINDINGS_PER_RULE, api.MAX_FINDINGS_PER_FILE
    api.MAX_FINDINGS_PER_RULE, api.MAX_FINDINGS_PER_FILE = per_rule, per_file
    try:
        assert api.cap_findings(list(found), ruleset, config) == api._capped(list(found), ruleset, config)
    finally:
        api.MAX_FINDINGS_PER_RULE, api.MAX_FINDINGS_PER_FILE = saved
