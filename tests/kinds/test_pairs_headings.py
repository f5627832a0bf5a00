"""pairs scans a heading line only when the whole-text pass, run from the heading's text (after its
number), stops before the line's end.  Property test: over headings whose numbers and texts hold
brackets and quotation marks, the findings are those of a scan of every line."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.api import check_text, ruleset_for
from checker.config import Config
from checker.engine import analyze
from checker.ingest import document_from_text
from checker.kinds import pairs
from tests.conftest import REPORT

NUMBERS = st.sampled_from(["（一）", "(二)", "（三)", "一、", "五）", "1．", "（1）", "(2)", "第一，", "", "（四", "（5"])
TEXT = st.lists(
    st.sampled_from(["依法行政", "（说明)", "(社区）", "（试行）", "《纲要》", "“放管服”", "“《纲要》”", "‘", "’", "（", "）", "【", "】", "〔2024〕"]),
    min_size=1,
    max_size=4,
).map("".join)
HEADING = st.tuples(NUMBERS, TEXT).map("".join)


def _found(text: str) -> list[tuple]:
    return [(d.code, d.span, d.message, d.fix) for d in check_text(text, Config()).diagnostics]


def _all_lines(report, params) -> set[int]:
    return set(range(1, len(report.doc.lines) + 1))


@settings(max_examples=200, deadline=None)
@given(headings=st.lists(HEADING, min_size=1, max_size=3), where=st.integers(0, 6))
def test_headings_left_unscanned_hold_no_finding(headings, where):
    lines = REPORT.splitlines()
    at = 4 + where % (len(lines) - 4)
    body = [f"{heading}\n按计划推进。" for heading in headings]
    text = "\n".join([*lines[:at], *body, *lines[at:]]) + "\n"
    fast = _found(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pairs, "lines_to_scan", _all_lines)
        assert _found(text) == fast


def test_a_heading_whose_number_is_bracketed_and_text_plain_is_not_scanned():
    report_text = REPORT.replace("（一）依法全面履行政府职能。", "（一）依法全面履行“政府职能”。")
    report = _report(report_text)
    params = pairs.Params(report="unpaired")
    number = next(line.number for line in report.doc.lines if line.text.startswith("（一）"))
    assert report.outline.kinds[number - 1] == "H"
    assert number not in pairs.lines_to_scan(report, params)
    unpaired = REPORT.replace("（一）依法全面履行政府职能。", "（一）依法全面履行“政府职能。")
    assert number in pairs.lines_to_scan(_report(unpaired), params)


def _report(text: str):
    config = Config()
    return analyze(document_from_text(text), ruleset_for(config), config, with_roles=True)


def test_a_heading_whose_text_closes_what_its_number_opens_is_scanned():
    # （四 is the number (a malformed one), 依法行政） the text: the whole-text pass sees one simple pair,
    # the heading's own text a closer never opened
    lines = REPORT.splitlines()
    text = "\n".join([*lines[:5], "（四依法行政）", "按计划推进。", *lines[5:]]) + "\n"
    found = [(d.code, d.message) for d in check_text(text, Config()).diagnostics if d.code in ("FZ403", "FZ404")]
    assert found == [("FZ403", "右括号没有配对的左括号")]
