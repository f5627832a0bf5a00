"""The structural and counting kinds' shortcuts never lose a finding (issue #13, throughput).

Each shortcut skips work when a cheap test shows there is nothing to find: the lines that cannot
hold a mix of numerals or a bracket, a report without 届 or without two forms of a symbol, a part
whose first figure is found early.  Here each is defeated (the cheap test made to let everything
through, or the plain computation put back) and the findings compared, over reports with random
paragraphs made of the characters these rules read.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.api import check_text
from checker.config import Config
from checker.kinds import (
    consistent_symbol,
    coverage,
    has_figures,
    min_items,
    mixed_numerals,
    pairs,
    plenum,
    repeated_paragraph,
    role_mentions,
)
from checker.kinds._role_part import states_figure
from checker.kinds._strings import has_figure
from tests.conftest import REPORT

CHARS = "0123456789０５年月日度至—-~ 　《》“”（）()【】%％届二十三四中全会次场人件两一〇零是第，。；：、abc"
# pieces the rules read whole: years and dates (not figures), counts, plenums, symbols
TOKENS = (
    "2024年", "2021—2025年", "2025年度", "5月", "12月3日", "3日", "1 月", "《2024年3号》", "《规定》", "20", "19", "5", "３",
    "究其原因", "主要原因是", "由于", "3次", "２场", "两场", "三次", "两三次", "二十届四中全会", "二十届三中、四中全会", "二〇二五年", "50%", "50％",
    "（说明)", "(一)", "“", "”", "一是", "三是", "：", "。", "‘", "’", "China’s", "“《纲要》”", "(社区）", "（（", "〔说明〕",
)  # fmt: skip
PIECES = st.one_of(st.sampled_from(TOKENS), st.sampled_from(list(CHARS)))
LINE = st.lists(PIECES, min_size=1, max_size=12).map("".join)


def _report(paragraphs: list[str], where: int, figures: bool) -> str:
    """REPORT with ``paragraphs`` among its parts; without ``figures`` its measures state none."""
    text = REPORT if figures else REPORT.replace("126项", "").replace("办件量3100件", "")
    lines = text.splitlines()
    at = 4 + where % (len(lines) - 4)  # after the title and the opening, among the parts
    return "\n".join([*lines[:at], *paragraphs, *lines[at:]]) + "\n"


def _found(text: str) -> list[tuple]:
    return [(d.code, d.span, d.message, d.fix) for d in check_text(text, Config()).diagnostics]


def _all_lines(report, regex) -> set[int]:
    return set(range(1, len(report.doc.lines) + 1))


def _each_line(report) -> list[str]:
    return [repeated_paragraph._SPACES.sub("", line.text) for line in report.doc.lines]


DEFEATS = {
    "mixed_numerals: lines with both counts": (mixed_numerals, "_mixed_lines", lambda report, classifiers: _all_lines(report, None)),
    "pairs: lines the whole-text pass stops on": (pairs, "lines_to_scan", _all_lines),
    "consistent_symbol: two forms in the text": (consistent_symbol, "clean_text", lambda report: "%％"),
    "plenum: the words of a late plenum in the text": (plenum, "may_mention_a_late_plenum", lambda text, late: True),
    "repeated_paragraph: one pass over the text": (repeated_paragraph, "compared_texts", _each_line),
    "repeated_paragraph: lines written once": (repeated_paragraph, "written_once", lambda report, min_chars: False),
    "has_figures: first figure digit": (has_figures, "states_figure", has_figure),
    "min_items: first figure digit": (min_items, "states_figure", has_figure),
    "role_mentions: jieba blocks": (role_mentions, "says_any", lambda seg, text, words: bool(seg.contains_any(text, words))),
}


@pytest.mark.parametrize("name", sorted(DEFEATS))
@settings(max_examples=60, deadline=None)
@given(paragraphs=st.lists(LINE, min_size=1, max_size=6), where=st.integers(0, 20), figures=st.booleans())
def test_a_shortcut_finds_what_the_full_computation_finds(name, paragraphs, where, figures):
    module, attribute, plain = DEFEATS[name]
    text = _report(paragraphs, where, figures)
    fast = _found(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(module, attribute, plain)
        assert _found(text) == fast


BRACKETED = st.lists(
    st.sampled_from(["文字", "文字", "（说明)", "(社区）", "（一）", "(二)", "《纲要》", "“放管服”", "“《纲要》”", "‘", "’", "China’s", "（", "）", "【", "】"]),
    min_size=1,
    max_size=4,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(paragraphs=st.lists(BRACKETED, min_size=1, max_size=4), where=st.integers(0, 20))
def test_the_whole_text_pass_leaves_out_no_line_with_a_finding(paragraphs, where):
    """Lines of plain text and simple pairs beside mixed and unpaired marks: pairs' findings are the
    same when every line is scanned."""
    text = _report(paragraphs, where, True)
    fast = _found(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pairs, "lines_to_scan", _all_lines)
        assert _found(text) == fast


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(PIECES, st.just("\n")), max_size=12).map("".join), st.sampled_from([(), ("次", "场", "人", "件")]))
def test_states_figure_is_has_figure(text, classifiers):
    assert states_figure(text, classifiers) == has_figure(text, classifiers)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="执法普监督公开谁管理政务数字化 \n", max_size=40))
def test_covered_areas_are_those_with_a_word_in_the_text(text):
    areas = ({"name": "执法", "words": ["执法", "行政执法"]}, {"name": "公开", "words": ["政务公开", "公开"]}, {"name": "数字", "words": ["数字化"]})
    rule = type("R", (), {"params": coverage.Params(areas=areas)})()
    ignore = ("谁执法谁普法",)
    plain = text
    for phrase in ignore:
        plain = plain.replace(phrase, "\n")
    expected = [a["name"] for a in areas if any(w in plain for w in a["words"])]
    assert coverage.covered(text, coverage.area_res(rule), ignore) == expected


def test_the_whole_text_scans_never_match_across_a_line_end():
    """matching_lines reads the whole text at once: a regex it is given must keep within a line.  The
    quick tests open with one character of a class, so ``re`` skips to the next such character."""
    _, _, arabic, chinese = mixed_numerals._count_res(("次", "场"))
    marks = pairs._line_re(pairs.Params(report="unpaired").pairs)
    text = "三\n次 3\n次 三次（说明\n）两场“\n"
    for regex in (chinese, arabic, marks):
        assert all("\n" not in m.group() for m in regex.finditer(text))
    assert [m.group() for m in chinese.finditer(text)] == ["三次", "两场"]
    assert [m.group() for m in marks.finditer(text)] == ["（说明", "）两场“"]
    assert re.match(r"\[", chinese.pattern) and re.match(r"\[", marks.pattern)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("\u33ff\u3400\u4cff\u4d00\u4dbf\u4dc0\u4dff\u4e00法\u9fff\ua000a 。\n\U00020000") + ["\ud800"]), max_size=40))
def test_han_chars_is_han_count(text):
    """length counts Chinese characters on UTF-16 high bytes; at every edge of the ranges (U+4D00–U+4DFF
    is Han only up to U+4DBF; characters beyond U+FFFF and lone surrogates are not counted) it gives
    the regex count."""
    from checker.kinds._strings import han_count
    from checker.kinds.length import han_chars

    assert han_chars(text) == han_count(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"法治a。\n\u4dbf\u4dc0", "政府建设", "abc"]), max_size=60).map("".join), st.integers(-1, 80))
def test_holds_at_least_is_the_count_compared(text, least):
    """length passes a report once it has counted enough Chinese characters from the text's start:
    the answer is the whole count's (pieces shorter than the text, cut anywhere)."""
    from checker.kinds import length

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(length, "_LEAST_PIECE", 4)  # pieces of a few characters: many cuts in a short text
        count = length.han_chars(text)
        for asked in (least, count - 1, count, count + 1):  # the answer turns at the count itself
            assert length.holds_at_least(text, asked) == (count >= asked), (text, asked)


def test_role_mentions_cuts_the_blocks_jieba_cuts():
    from checker.analyze.tokens import _import_jieba
    from checker.kinds.role_mentions import JIEBA_BLOCK

    jieba = _import_jieba()
    assert (JIEBA_BLOCK.pattern, JIEBA_BLOCK.flags) == (jieba.re_han_default.pattern, jieba.re_han_default.flags)


CAUSE_PIECES = st.sampled_from(["—原因", "原因", "究其原因", "由于", "根源", "原因是", "主要原因", "因为", "原", "因", "法治", "，", "。", "a1", " ", "—", "-", "（", "）"])


@settings(max_examples=300, deadline=None)
@given(st.lists(CAUSE_PIECES, max_size=10).map("".join), st.sampled_from([("原因", "究其原因", "由于", "根源"), ("原因是", "a1", "—原因")]))
def test_role_mentions_finds_what_contains_any_finds(text, words):
    from checker.api import ruleset_for
    from checker.kinds.role_mentions import says_any

    seg = ruleset_for(Config()).segmenter()
    assert says_any(seg, text, words) == bool(seg.contains_any(text, words))


PLAIN_RUNIN = re.compile(r"(?:^|(?<=[。；;：:！？!?\s]))(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])是")


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="一二三四五六七八九十是。；：! \n，a", max_size=14))
def test_min_items_run_in_numbers_are_the_plain_patterns(text):
    """min_items' run-in number regex, written to open with a character class, matches where and what
    the plain form matches."""
    assert [m.span() for m in min_items._RUNIN.finditer(text)] == [m.span() for m in PLAIN_RUNIN.finditer(text)]
    assert (min_items._RUNIN.match(text) is None) == (PLAIN_RUNIN.match(text) is None)


@settings(max_examples=500, deadline=None)
@given(st.integers(0, 8), st.lists(st.integers(0, 9), max_size=4), st.booleans())
def test_numbering_passes_a_plain_count_up_as_the_full_scan_does(n, tail, restart):
    from checker.kinds.numbering import scan, scan_all

    for values in (list(range(1, n + 1)), [*range(1, n + 1), *tail], tail):
        assert scan(values, restart) == scan_all(values, restart)


def test_every_chinese_year_from_1900_to_2100_passes_the_pre_check():
    """mixed_numerals skips a text with neither 一九 nor a zero: every year it could report has one."""
    from itertools import product

    digits = mixed_numerals._YEAR_DIGITS
    for chars in product(digits, repeat=4):
        year = "".join(chars)
        if 1900 <= int(mixed_numerals._year_value(year)) <= 2100:
            assert mixed_numerals._may_hold_a_chinese_year(f"于{year}年")
