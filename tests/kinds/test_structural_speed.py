"""The structural kinds' faster forms give what their plain forms give (issue #13, throughput).

Each rewritten regex is compared with the plain one it stands for, and each shortcut is defeated
(the plain computation put back) and every structural rule's findings compared, over random reports
(``test_structural_sharing.reports``) and fixed ones.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from checker.kinds import coverage, role_order, year_relation
from tests.kinds.test_structural_sharing import HEADINGS, _findings, reports

PLAIN_YEAR = re.compile(r"(?<![\d—\-–~～至到])((?:19|20)\d{2})\s*年(?!\s*[—\-–~～至到])")
YEAR_PIECES = st.sampled_from(["1", "2", "0", "9", "19", "20", "2024", "1999", "年", " ", "—", "-", "–", "~", "～", "至", "到", "度", "，", "a", "\n"])


@settings(max_examples=2000, deadline=None)
@given(st.lists(YEAR_PIECES, max_size=12).map("".join))
def test_year_relation_years_are_the_plain_patterns(text):
    """The year regex, written to open with its first digit, matches where and what the plain form
    (opening with a look-behind) matches."""
    assert [m.span(1) for m in year_relation._YEAR.finditer(text)] == [m.span(1) for m in PLAIN_YEAR.finditer(text)]
    assert [m.span() for m in year_relation._YEAR.finditer(text)] == [m.span() for m in PLAIN_YEAR.finditer(text)]


AREAS = (
    {"name": "执法", "words": ["执法", "行政执法", "综合行政执法"]},
    {"name": "监督", "words": ["执法监督", "监督"]},
    {"name": "公开", "words": ["政务公开", "公开"]},
    {"name": "政务", "words": ["政务"]},
)
IGNORED = st.sampled_from([(), ("谁执法谁普法",), ("公开栏", "谁执法谁普法", "法监"), ("政务公开栏",), ("督",)])


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.sampled_from(["综合", "行政", "执法", "监督", "政务", "公开", "栏", "谁", "普法", "法", "监", "，", "\n"]), max_size=12).map("".join),
    st.integers(1, 4),
    IGNORED,
    st.permutations(range(len(AREAS))),
)
@example("普法监督", 1, ("法监",), [1, 0, 2, 3])  # a phrase overlapping the word found by its first character
@example("行政执法监", 1, ("法监",), [0, 1, 2, 3])  # ... by its last
@example("执法监督", 1, ("政务公开栏",), [0, 1, 2, 3])  # a phrase that overlaps nothing
def test_coverage_shows_enough_when_the_areas_covered_are_enough(text, enough, ignored, order):
    """coverage searches the areas one by one in the text as it is, in any order, and again without
    the ignored phrases only where a phrase is near the word found: its answer is that of
    :func:`coverage.covered` (the text without the phrases, every area searched)."""
    rule = type("R", (), {"params": coverage.Params(areas=AREAS, min_areas=enough, ignore_words=ignored)})()
    coverage.search_order(rule).areas[:] = order
    full = coverage.covered(text, coverage.area_res(rule), ignored)
    assert coverage.shows_enough(text, rule) == (len(full) >= enough)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=reports())
def test_role_order_pre_check_passes_every_report_out_of_order(text):
    """role_order looks for the part that comes too early only when a part plays a role ranked before
    a role of an earlier part: every rule's findings are the same when it always looks."""
    fast = _findings(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(role_order, "may_be_out_of_order", lambda parts, rank: True)
        assert _findings(text) == fast


@pytest.mark.parametrize(
    "order",
    [
        ["measures", "shortcomings", "plan"],
        ["shortcomings", "measures", "plan"],
        ["measures", "plan", "shortcomings"],
        ["combined", "measures"],
        ["measures", "combined", "first_responsible"],
        ["measures", "shortcomings", "first_responsible", "plan"],
        ["plan", "first_responsible", "measures", "shortcomings"],
    ],
)
def test_role_order_pre_check_on_fixed_orders(order):
    text = "示例乡2024年法治政府建设年度报告\n\n现将有关情况报告如下。\n" + "".join(
        f"{'一二三四'[i]}、{HEADINGS[part]}\n开展工作。\n" for i, part in enumerate(order)
    )
    fast = _findings(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(role_order, "may_be_out_of_order", lambda parts, rank: True)
        assert _findings(text) == fast
    in_order = (["measures", "shortcomings", "plan"], ["measures", "shortcomings", "first_responsible", "plan"])
    assert bool(fast["FZ109"]) == (order not in in_order)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.integers(1, 6), max_size=10), st.frozensets(st.tuples(st.integers(0, 9), st.integers(1, 6))), st.booleans())
def test_numbering_kept_scans_are_the_scans(values, written, first_says_present):
    """numbering keeps what scan finds in a list of items by its numbers, unless it asked whether a
    missing number is written anyway (that depends on the text): asked twice with two texts, it
    answers as scan does for each."""
    from checker.kinds.numbering import _SCANS, scan, scan_items

    _SCANS.clear()
    everywhere = lambda i, missing: first_says_present  # noqa: E731
    in_places = lambda i, missing: (i, missing) in written  # noqa: E731
    for present in (everywhere, in_places, everywhere):
        assert scan_items(values, present) == tuple(scan(values, True, present))
