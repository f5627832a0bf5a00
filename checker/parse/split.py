"""A report flattened into one paragraph (pasted from a web page), seen as the lines it was written in.

Parse-stage pre-pass: a *view* of the document whose lines are pieces of the long line, each
piece keyed by its offsets into the original text (``Line.start``/``Line.offset``), so every
finding still points at the right column of the original line and ``--fix`` edits the original
text: the split is an analysis view, never a rewrite (no line break is inserted anywhere).

A document is flattened when one line holds most of its text (``FLAT_MIN_CHARS`` characters and
``FLAT_SHARE`` of the non-blank text) beside a few short lines that are not numbered parts, or is
its only line and too long for a title.  Its title (the words up to 报告/总结/汇报/情况 at its
start), a salutation ending in ：, and a trailing signature and date are cut off; then the
heading markers 一、 二、 … and （一） （二） … that follow a sentence end (。；！？) are split off,
when that is safe: the part markers run 一、 二、 三、 … in sequence (one number may be missing: a
deleted part, which FZ301 reports), at least two of them, and no part marker after a sentence end
goes back or repeats; sub-part markers run （一） （二） … in
sequence inside each part (the first may follow its part's heading directly).  A heading with
no punctuation of its own ends where its part's first sub-heading or run-in item 一是 begins.
Where the markers are missing or out of sequence the view keeps the line whole (``mode`` is
``unsplit``): the checker says once that the text has no paragraph breaks and gives no verdict
on parts it could not see.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Document, Line
from .classify import _META_RE, _SALUTATION_RE, _SIGN_TAIL, _WS, DATE_TEXT, looks_like_title_line, match_heading
from .numerals import CN_NUMERAL

FLAT_MIN_CHARS = 300  # a line this long …
FLAT_SHARE = 0.6  # … holding this share of the document's non-blank characters is a flattened report
FLAT_OTHER_LINES = 6  # … with at most this many other lines (title, department, salutation, signature, date)
TITLE_MAX = 45  # characters of a title (classify.looks_like_title_line)
HEADING_MAX = 60  # characters a heading without punctuation may run before its sub-heading or 一是

_SENTENCE_END = "。；;！!？?"
_MARKER = re.compile(rf"（{CN_NUMERAL}）|\({CN_NUMERAL}\)|{CN_NUMERAL}、")
# the words a part's body opens with, right after a heading that has no punctuation of its own: these
# wherever they come …
_BODY_STARTS = re.compile(
    r"一是|尽管|虽然|全年|今年以来|一年来|(?:19|20)\d{2}年(?:以来|，|是)|我(?:乡|镇|县|区|市|局|委|街道)"
    r"|[乡镇]党委(?:书记|、|高度|始终|坚持|认真)"
)
# … these only after a heading word
_BODY_OPENS = re.compile(
    r"(?:19|20)\d{2}年(?!度|[工重主])|本年|年内|全(?:乡|镇|县|区|市)(?!域)|(?:[乡镇县区市]|[乡镇]?党)委(?!员)"
    r"|(?![和与及的])[\u4e00-\u9fff]{1,4}?(?:乡|镇|街道)(?=在|始终|坚持|认真|深入|全面|以|按照|围绕|虽)"
)
_HEADING_ENDS = re.compile(
    r"情况|成效|举措|做法|不足|原因|问题|安排|计划|打算|思路|措施|方面|职责|建设|工作|目标|任务|成绩|经验"
    r"|职能|执法|宣传|作用|机制|体系|能力|水平|意识|观念|环境|保障|监督|领导|决策|服务|治理|素养|责任"
)
_HAN_AFTER = re.compile(r"[\u4e00-\u9fff](?<![的和与及])")
_TITLE_END = re.compile(r"报告|总结|汇报|情况|方案|通知|要点|推进会|会议|解读")
_WORD_START = re.compile(r"(?<=[^\u4e00-\u9fff])[\u4e00-\u9fff]")
_DATE_TAIL = re.compile(f"{DATE_TEXT}$")
_COUNT = re.compile(r"\d+(?:\.\d+)?\s*(?:项|件|次|场|个|名|人|期|篇|条|家|户|万|%|％)")


@dataclass(frozen=True, slots=True)
class SplitView:
    """A report as the parser reads it: split at its headings when it was written as one paragraph."""
    doc: Document  # the document the parser and the rules read (``doc`` itself when nothing was split)
    mode: str = ""  # "" (lines as written) | split (at heading markers) | unsplit (flattened, not split safely)
    heads: frozenset[int] = frozenset()  # 0-based view lines that start at a split heading marker


def split_view(doc: Document) -> SplitView:
    flat = _flattened_line(doc.lines)
    if flat is None:
        return SplitView(doc)
    line = doc.lines[flat]
    first = all(not x.text.strip(_WS) or _META_RE.match(x.text.strip(_WS)) for x in doc.lines[:flat])
    opening, closing = _front(line.text) if first else [], _tail(line.text)
    closing = [c for c in closing if c > opening[-1]] if opening else closing
    body_start = opening[-1] if opening else _lead(line.text)
    body_end = closing[0] if closing else len(line.text)
    heads, runins = _heading_cuts(line.text, body_start, body_end, _parts_before(doc.lines, flat))
    cuts = sorted({*opening, *heads, *runins, *closing} - {0, len(line.text)})
    bounds = _bounds(line.text, cuts)
    pieces = [_piece(line, a, b) for a, b in bounds]
    lines = [*doc.lines[:flat], *pieces, *doc.lines[flat + 1 :]]
    lines = [replace(x, number=n) for n, x in enumerate(lines, 1)]
    head_lines = frozenset(flat + k for k, (start, _) in enumerate(bounds) if start in heads)
    style = doc.style_levels
    if style:
        style = (*style[:flat], style[flat], *(0,) * (len(pieces) - 1), *style[flat + 1 :])
    mode = "split" if heads else "unsplit"
    return SplitView(replace(doc, lines=tuple(lines), style_levels=style), mode, head_lines)


def _flattened_line(lines: tuple[Line, ...]) -> int | None:
    """The index of the line that holds most of the document, or None."""
    if _many_lines(lines):
        return None
    sizes = [len(line.text.strip(_WS)) for line in lines]
    if not sizes:
        return None
    longest = max(range(len(sizes)), key=sizes.__getitem__)
    size = sizes[longest]
    others = [line for i, line in enumerate(lines) if i != longest and sizes[i]]
    if not others:
        return longest if size > TITLE_MAX else None  # one line, too long for a title
    if size < FLAT_MIN_CHARS or size < FLAT_SHARE * sum(sizes) or len(others) > FLAT_OTHER_LINES:
        return None
    headings = sum(1 for line in others if (h := match_heading(line.text)) is not None and h.level <= 2)
    return None if headings >= 2 else longest  # parts on lines of their own: a long paragraph, not a flat report


def _many_lines(lines: tuple[Line, ...]) -> bool:
    """More lines that end in a character other than white space (each of them not blank) than a
    flattened report has beside its long line: no line holds the document (most reports: a test that
    stops at its eighth line instead of measuring every line)."""
    count = 0
    for line in lines:
        text = line.text
        if text and text[-1] not in _WS_SET:
            count += 1
            if count > FLAT_OTHER_LINES + 1:
                return True
    return False


_WS_SET = frozenset(_WS)


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip(_WS))


def _front(text: str) -> list[int]:
    """Columns where web-page metadata (来源：… 发布时间：…), the title and a salutation after it end
    (empty when the line opens otherwise)."""
    start = _lead(text)
    if _META_RE.match(text[start:]):
        for m in _WORD_START.finditer(text, start, start + 160):
            cut = _title_end(text, m.start())
            if cut and not _META_RE.match(text[m.start() :]) and "法治" in text[m.start() : cut]:
                return [m.start(), *_salutation_end(text, cut)]
        return []
    cut = _title_end(text, start)
    return [*_salutation_end(text, cut)] if cut else []


def _title_end(text: str, start: int) -> int:
    head = text[start : start + TITLE_MAX + 1]
    cut = 0
    for m in _TITLE_END.finditer(head):
        if looks_like_title_line(head[: m.end()]):
            cut = m.end()
    return start + cut if cut else 0


def _salutation_end(text: str, title_end: int) -> list[int]:
    rest = text[title_end:]
    colon = min((i for i in (rest.find("："), rest.find(":")) if i != -1), default=-1)
    if colon != -1 and _SALUTATION_RE.match(rest[: colon + 1]):
        return [title_end, title_end + colon + 1]
    return [title_end]


def _tail(text: str) -> list[int]:
    """Columns where a signature and a date at the end of the line begin (empty when there are none)."""
    stripped = text.rstrip(_WS)
    m = _DATE_TAIL.search(stripped)
    if m is None:
        return []
    before = stripped[: m.start()].rstrip(_WS)
    last_end = max(before.rfind(ch) for ch in _SENTENCE_END)
    if last_end == -1:
        return []
    sign = before[last_end + 1 :].strip(_WS)
    if not sign:
        return [m.start()]
    if len(sign) <= 30 and _SIGN_TAIL.search(sign) and "，" not in sign:
        return [before.index(sign, last_end + 1), m.start()]
    return []


def _parts_before(lines: tuple[Line, ...], flat: int) -> int:
    """The last part number (一、 …) written on its own line before the flattened line: the split continues it."""
    last = 0
    for line in lines[:flat]:
        h = match_heading(line.text)
        if h is not None and h.level == 1:
            last = h.value
    return last


def _after_sentence(text: str, col: int, floor: int) -> str:
    """The sentence end before ``col`` (white space between allowed), "^" at the body's start, or ""."""
    j = col
    while j > floor and text[j - 1] in _WS:
        j -= 1
    if j == floor:
        return "^"
    return text[j - 1] if text[j - 1] in _SENTENCE_END + "：:" else ""


def _candidates(text: str, start: int, end: int) -> list[tuple[int, int, int, bool]]:
    """(column, level, value, after a sentence end) for every part or sub-part marker in the body;
    the opening's colon (现将有关情况报告如下：一、…) counts before the first part."""
    found = []
    for m in _MARKER.finditer(text, start, end):
        h = match_heading(text[m.start() : min(end, m.end() + 2)])  # the marker and what follows it, no more
        if h is None or h.level not in (1, 2) or h.marker_end != m.end() - m.start():
            continue
        before = _after_sentence(text, m.start(), start)
        after = bool(before) and (before not in "：:" or h.value == 1)
        found.append((m.start(), h.level, h.value, after))
    return found


def _heading_cuts(text: str, start: int, end: int, parts_before: int) -> tuple[list[int], list[int]]:
    """Columns of the heading markers to split the body at and of the run-in items 一是 that end a
    heading with no punctuation of its own; both empty when a split is not safe."""
    found = _candidates(text, start, end)
    top = 1 if any(level == 1 and after for _, level, _, after in found) else 2
    cuts: list[int] = []
    expect_top, expect_sub, open_heading = parts_before + 1, 1, -1
    for col, level, value, after in found:
        if level == top:
            if not after:
                continue
            if not (value == expect_top or (cuts and expect_top < value <= expect_top + 1)):
                return [], []  # a part marker out of sequence: the split would invent a structure
            cuts.append(col)
            expect_top, expect_sub, open_heading = value + 1, 1, col
        elif level == 2 and cuts and value == expect_sub and (after or _heading_runs_into(text, open_heading, col)):
            cuts.append(col)
            expect_sub, open_heading = value + 1, col
    if sum(1 for c in cuts if _level_at(found, c) == top) < 2:
        return [], []
    return cuts, _runin_cuts(text, cuts, end)


def _level_at(found, col: int) -> int:
    return next(level for c, level, _, _ in found if c == col)


def _heading_runs_into(text: str, heading_col: int, col: int) -> bool:
    """A sub-part marker right after its part's heading, with no sentence end between them."""
    if heading_col < 0 or col - heading_col > HEADING_MAX:
        return False
    return not any(ch in _SENTENCE_END for ch in text[heading_col:col])


def _runin_cuts(text: str, cuts: list[int], end: int) -> list[int]:
    """Where a heading with no punctuation of its own ends: before its run-in item 一是, after …方面,
    or where a heading word (…情况, …不足, …安排) meets the words a body opens with (2025年是, 我乡, 某镇在)."""
    out = []
    for k, col in enumerate(cuts):
        stop = min(cuts[k + 1] if k + 1 < len(cuts) else end, col + HEADING_MAX)
        window = text[col:stop]
        first_end = min((i for i in (window.find(ch) for ch in _SENTENCE_END) if i != -1), default=len(window))
        cut = _heading_end(window, first_end)
        if cut:
            out.append(col + cut)
    return out


def _heading_end(window: str, limit: int) -> int:
    """The column in ``window`` (a heading and what follows it) where the body begins, or 0."""
    strong = _BODY_STARTS.search(window, 4, limit)
    stop = strong.start() if strong else limit
    comma = window.find("，", 0, stop)
    count = _COUNT.search(window, 4, comma if comma != -1 else stop)
    last = 0
    for m in _HEADING_ENDS.finditer(window, 2, stop):
        if _BODY_OPENS.match(window, m.end()) or (m.group() == "方面" and _HAN_AFTER.match(window, m.end())):
            return m.end()
        if count is not None and m.end() <= count.start():
            last = m.end()
    return strong.start() if strong else last


def _bounds(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    """(start, end) columns of each piece: white space between two pieces belongs to neither."""
    edges = [0, *cuts, len(text)]
    out = []
    for a, b in zip(edges, edges[1:]):
        while a > 0 and a < b and text[a] in _WS:
            a += 1
        while b > a and b != len(text) and text[b - 1] in _WS:
            b -= 1
        out.append((a, b))
    return out


def _piece(line: Line, a: int, b: int) -> Line:
    start = line.offset(a)
    shifts = tuple((at - a, removed) for at, removed in line.shifts if a < at <= b)
    return Line(line.number, start, line.text[a:b], line.offset(b) - start, shifts)

