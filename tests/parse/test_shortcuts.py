"""The parse stage's shortcuts never miss what the plain regexes find (property tests):
run-in items found from 是 back to the numeral, and the cheap tests before the heading forms."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.ingest import document_from_text
from checker.model import Line
from checker.parse import classify
from checker.parse.numerals import CN_NUMERAL, cn_to_int
from checker.parse.runins import line_items, runin_items

SETTINGS = settings(max_examples=400, deadline=None)
PIECES = [
    "一、", "（一）", "(二)", "（三", "1.", "2．", "3、", "（4）", "5）", "十二 ．", "一．是", "三方面", "《", "》", "“", "”", "！",
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


# dense in what the run-in scan looks at: numerals, 是 and every kind of character before them
RUNIN_PIECES = [
    "一是", "十一是", "二十是", "一百零五是", "两是", "〇是", "零是", "百是", "是", "一", "十", "两", "〇",
    "。", "；", ";", "！", "？", "!", "?", "：", ":", " ", "\t", "\u3000", "\u00a0", "\u2003", "，", "加强",
]  # fmt: skip
runin_text = st.lists(st.sampled_from(RUNIN_PIECES), max_size=10).map("".join)


@SETTINGS
@given(st.one_of(text, runin_text), st.integers(min_value=0, max_value=6))
@example("加强\t一是学习", 0)
@example("加强\u00a0一是学习", 0)  # a no-break space is white space only at the first column
@example("加强\u00a0一是学习", 3)
@example("十一是", 1)
def test_runin_items_are_those_the_plain_regex_finds(line, from_col):
    line = line.replace("\n", "")
    doc = document_from_text(line)
    if len(doc.lines) != 1 or doc.lines[0].text != line or doc.lines[0].shifts:
        return  # cleanup changed the line: columns would not compare
    from_col = min(from_col, len(line))
    got = [(i.number, i.value, i.span.start, i.span.end) for i in line_items(doc.lines[0], 0, from_col)]
    assert got == plain_items(line, from_col)


def test_runin_items_a_near_miss_and_a_hit():
    doc = document_from_text("加强学习，十一是重点；一是开展")
    assert [(i.number, i.span.start) for i in line_items(doc.lines[0], 0, 0)] == [("一", 11)]  # 十一是 after ，: no item


@SETTINGS
@given(st.lists(st.tuples(st.one_of(text, runin_text), st.integers(min_value=-1, max_value=6)), min_size=1, max_size=6))
@example([("一是学习", 0), ("正文\u00a0二是", 3), ("加强\t一是", 0)])
@example([("（一）强化。\u2003一是学习", 5), ("三是\n四是", 0)])  # a line break in a line: read line by line
def test_the_joined_scan_finds_each_lines_items(pieces):
    """runin_items (one scan of every line joined) gives each line the items line_items reads in it
    from its floor column (-1: the line is not read)."""
    lines = tuple(Line(n + 1, 100 * n, text, len(text)) for n, (text, _) in enumerate(pieces))
    floors = {i: min(floor, len(text)) for i, (text, floor) in enumerate(pieces) if floor}
    expected = {i: line_items(line, i, floors.get(i, 0)) for i, line in enumerate(lines) if floors.get(i, 0) >= 0}
    assert runin_items(lines, floors) == {i: items for i, items in expected.items() if items}


def plain_match_heading(text: str):
    """match_heading as it was written before its shortcuts: every form's regex in order on the
    line's tail, copies of the tail stripped and measured."""
    c = classify
    lead = len(text) - len(text.lstrip(c._WS))
    rest = text[lead:]
    for form, level, regex in c._HEADING_RES:
        m = regex.match(rest)
        if m is None or cn_to_int(m.group("n")) <= 0:
            continue
        number, value, after = m.group("n"), cn_to_int(m.group("n")), rest[m.end() :]
        if form == "一．" and after[:1] in ("是", "年", "月", "个", "些", "系", "直", "方", "定", "切"):
            return None
        if level in (1, 2) and after.startswith(("是", "方面", "年", "月", "批", "季度")) and form not in ("（一）", "(一)"):
            return None
        marker_end = lead + m.end()
        spaced = after[:1] in c._WS and bool(after.strip(c._WS))
        canonical = (c.CANONICAL_FORMS.get(form) == level or c._CANONICAL_ALT.get(form) == level) and not spaced
        heading_start = marker_end + (len(after) - len(after.lstrip(c._WS)))
        body = text[heading_start:]
        head = (level, form, canonical, number, value, lead, marker_end)
        if not body.strip(c._WS):
            return c.HeadingMatch(*head, "", heading_start, heading_start, -1)
        cut = plain_sentence_end(body)
        if cut == -1:
            heading = body.rstrip(c._WS)
            return c.HeadingMatch(*head, heading, heading_start, heading_start + len(heading), -1)
        body_start = heading_start + cut + 1
        if not text[body_start:].strip(c._WS):
            body_start = -1
        return c.HeadingMatch(*head, body[:cut], heading_start, heading_start + cut, body_start)
    return None


def plain_sentence_end(text: str) -> int:
    depth = 0
    for i, ch in enumerate(text):
        if ch in "《“（(":
            depth += 1
        elif ch in "》”）)":
            depth = max(0, depth - 1)
        elif ch in "。！？!?" and depth == 0:
            return i
    return -1


@SETTINGS
@given(text)
@example("一、 ")  # white space only after the number: not "spaced"
@example("一、 总体情况")
@example("（一）\u3000强化领导。一是学习。 ")
@example("1.依法决策。\u3000")
@example("二、《条例。》学习。正文")
@example("三．是")
@example("(0)一、")  # a number 0: no form
@example("0、 ")
@example("（00）")
def test_heading_shortcuts_miss_no_heading(line):
    assert classify.match_heading(line) == plain_match_heading(line)


@SETTINGS
@given(st.lists(text, min_size=1, max_size=6))
@example(["一、总体情况", " 一、总体情况", "\u3000一、总体情况", "一、总体情况"])  # the same words at other columns
def test_a_kept_heading_is_the_one_matched_anew(lines):
    """A line met again (classify._KNOWN_HEADINGS) gets the match the forms give it, columns included."""
    for line in [*lines, *reversed(lines)]:
        assert classify.match_heading(line) == plain_match_heading(line)


def test_the_kept_headings_are_bounded_and_long_lines_are_not_kept(monkeypatch):
    monkeypatch.setattr(classify, "HEADINGS_KEPT", 3)
    classify._KNOWN_HEADINGS.clear()
    for n in range(1, 8):
        classify.match_heading(f"{n}.第{n}项")
    assert 0 < len(classify._KNOWN_HEADINGS) <= 3
    long_line = "一、总体情况。" + "正文" * classify.HEADING_KEPT_CHARS
    assert classify.match_heading(long_line) == plain_match_heading(long_line)
    assert long_line not in classify._KNOWN_HEADINGS


def test_every_heading_form_opens_with_what_the_gate_lets_through():
    """_match_heading_at tries the forms only at an opening bracket, a Chinese numeral or a digit."""
    for _, _, pattern in classify._HEADING_FORMS:
        assert pattern.startswith(("（", "[（(]", f"(?P<n>{CN_NUMERAL}", "(?P<n>\\d"))
    assert set("一二三四五六七八九十百") <= classify._CN_FIRST


@pytest.mark.parametrize(
    ("line", "form"),
    [("一、总体情况", "一、"), ("十二 ．其他", "一．"), ("一是加强", None), ("12.依法决策", "1."), ("2024年以来", None), ("123.", None)],
)
def test_heading_forms_past_the_shortcuts(line, form):
    fast = classify.match_heading(line)
    assert (fast.form if fast else None) == form


@SETTINGS
@given(
    st.lists(
        st.tuples(
            st.one_of(text, runin_text),
            st.integers(min_value=-1, max_value=6),
            st.integers(min_value=-8, max_value=3),
            st.lists(st.tuples(st.integers(min_value=0, max_value=12), st.integers(min_value=1, max_value=3)), max_size=2),
        ),
        min_size=1,
        max_size=6,
    )
)
@example([("一是学习，二是", 0, -3, []), ("三是", 0, 0, [(1, 2)])])  # a raw line shorter than its text; a shifted line
def test_the_joined_scan_places_items_as_line_items_does(pieces):
    """runin_items' offsets (worked out in the scan where nothing is clamped or shifted) are those
    line_items gives, on lines whose raw text is shorter or longer than the cleaned text and on lines
    with characters removed (shifts)."""
    lines = tuple(
        Line(n + 1, 100 * n, text, max(0, len(text) + extra), tuple(sorted(shifts)))
        for n, (text, _, extra, shifts) in enumerate(pieces)
    )
    floors = {i: min(floor, len(text)) for i, (text, floor, _, _) in enumerate(pieces) if floor}
    expected = {i: line_items(line, i, floors.get(i, 0)) for i, line in enumerate(lines) if floors.get(i, 0) >= 0}
    assert runin_items(lines, floors) == {i: items for i, items in expected.items() if items}
