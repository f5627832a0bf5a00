"""The parse stage's shortcuts never miss what the plain regexes find (property tests):
run-in items found from 是 back to the numeral, and the cheap tests before the heading forms."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.ingest import document_from_text
from checker.parse import classify
from checker.parse.numerals import CN_NUMERAL, cn_to_int
from checker.parse.outline import _items

SETTINGS = settings(max_examples=400, deadline=None)
PIECES = [
    "一", "二", "三", "十", "百", "零", "两", "〇", "九十九", "一百零五", "是", "一是", "十一是", "二十是", "百是",
    "。", "；", "：", ":", "、", "，", ".", "．", "）", ")", "（", "(", " ", "\u3000", "\t", "\u00a0", "\u2003",
    "1", "12", "2024", "年", "方面", "加强", "但是", "就是", "\n",
]  # fmt: skip
text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=14).map("".join)

# the plain scan the shortcut replaces: the whole numeral before 是, tried at every column
_RUNIN_RE = re.compile(rf"(?P<n>{CN_NUMERAL})是")
_AFTER = frozenset("。；;！？!?：:")
_AFTER_LATER = frozenset("。；;！？!?：: \t\u3000")


def plain_items(line: str, from_col: int) -> list[tuple[str, int, int, int]]:
    found = []
    for m in _RUNIN_RE.finditer(line, from_col):
        start = m.start("n")
        if start > from_col:
            if line[start - 1] not in _AFTER_LATER:
                continue
        elif start > 0 and not (line[start - 1] in _AFTER or line[start - 1].isspace()):
            continue
        found.append((m.group("n"), cn_to_int(m.group("n")), start, m.end()))
    return found


@SETTINGS
@given(text, st.integers(min_value=0, max_value=6))
def test_runin_items_are_those_the_plain_regex_finds(line, from_col):
    line = line.replace("\n", "")
    doc = document_from_text(line)
    if len(doc.lines) != 1 or doc.lines[0].text != line or doc.lines[0].shifts:
        return  # cleanup changed the line: columns would not compare
    from_col = min(from_col, len(line))
    got = [(i.number, i.value, i.span.start, i.span.end) for i in _items(doc, 0, from_col)]
    assert got == plain_items(line, from_col)


def test_runin_items_a_near_miss_and_a_hit():
    doc = document_from_text("加强学习，十一是重点；一是开展")
    assert [(i.number, i.span.start) for i in _items(doc, 0, 0)] == [("一", 11)]  # 十一是 after ，: no item


@SETTINGS
@given(text)
def test_heading_shortcuts_miss_no_heading(line):
    fast = classify.match_heading(line)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(classify, "_OTHER", classify._HEADING_RES)
        mp.setattr(classify, "_GROUPED", {name: classify._HEADING_RES for name in classify._GROUPED})
        plain = classify.match_heading(line)
    assert fast == plain


@pytest.mark.parametrize(
    ("line", "form"),
    [("一、总体情况", "一、"), ("十二 ．其他", "一．"), ("一是加强", None), ("12.依法决策", "1."), ("2024年以来", None), ("123.", None)],
)
def test_heading_forms_past_the_shortcuts(line, form):
    fast = classify.match_heading(line)
    assert (fast.form if fast else None) == form
