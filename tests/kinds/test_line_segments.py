"""_strings.segments_on and body_segments_on make the segments of a few lines without walking the
whole outline (_LineSegments).  They must give exactly what filtering every segment gives, in the same
order: on the benchmark corpus, the fixtures and seeds, and random outlines (plain or not)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.api import ruleset_for
from checker.config import Config
from checker.engine import analyze
from checker.ingest import document_from_text, read_path
from checker.kinds._strings import _LineSegments, body_segments_on, report_segments, segments_on

ROOT = Path(__file__).resolve().parents[2]
CONFIG = Config()
RULESET = ruleset_for(CONFIG)


def _report(doc):
    return analyze(doc, RULESET, CONFIG, with_roles=True)


def _filtered(report, lines, with_title):
    every = report_segments(report) if with_title else report.all_body_segments()
    return tuple(s for s in every if s.line.number in lines)


def _assert_same(report, lines):
    lines = frozenset(lines)
    assert segments_on(report, lines) == _filtered(report, lines, True), sorted(lines)
    assert body_segments_on(report, lines) == _filtered(report, lines, False), sorted(lines)


def _line_sets(report):
    count = len(report.doc.lines)
    every = range(1, count + 1)
    return [every, range(1, count + 1, 2), range(2, count + 1, 3), [count], [1]]


def _texts(corpus):
    fixtures = [p for folder in ("cases", "seeds", "legacy", "encodings") for p in sorted((ROOT / "fixtures" / folder).glob("*.txt"))]
    return [*sorted(corpus.glob("*.txt")), *fixtures]


def test_the_corpus_and_fixtures_give_the_filtered_segments(bench_corpus):
    plain = 0
    paths = _texts(bench_corpus)
    assert len(paths) > 1000
    for path in paths:
        report = _report(read_path(path))
        for lines in _line_sets(report):  # memoised by their lines: each set made anew
            _assert_same(report, lines)
        plain += _LineSegments.of(report).plain
    assert plain > 0.9 * len(paths)  # the index, not the fallback, is what is compared


HEADINGS = ["一、", "二、", "三、", "（一）", "（二）", "1.", "2.", "（1）", "一是", ""]
BODY = ["推进法治建设。", "十四五期间，", "法制宣传教育", "", "\u3000\u3000", "附件：1.清单", "示例乡人民政府", "2025年1月10日"]
LINE = st.tuples(st.sampled_from(HEADINGS), st.sampled_from(BODY), st.sampled_from(["", "工作情况", "。一是开展普法。"])).map("".join)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINE, min_size=1, max_size=16), st.data())
def test_random_outlines_give_the_filtered_segments(lines, data):
    text = "示例乡2024年法治政府建设年度报告\n" + "\n".join(lines)
    count = len(text.split("\n"))
    wanted = data.draw(st.sets(st.integers(1, count), max_size=count))
    _assert_same(_report(document_from_text(text)), wanted)


def test_an_outline_that_is_not_plain_is_filtered():
    report = _report(document_from_text("标题\n一、甲\n正文。\n二、乙\n正文。\n"))
    index = _LineSegments.of(report)
    assert index.plain
    report.outline.sections[1].line = report.outline.sections[0].line  # two sections on one line
    report._memo.clear()
    assert not _LineSegments.of(report).plain
    _assert_same(report, range(1, 6))


@pytest.mark.parametrize("lines", [[], [99]])
def test_no_line_or_a_line_past_the_end(lines):
    report = _report(document_from_text("标题\n一、甲\n正文。\n"))
    _assert_same(report, lines)
