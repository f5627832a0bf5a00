"""Line classification: decide each line's kind before the grammar assembles the tree.

Kinds: TITLE, META (web-page metadata before the title), SALUTATION, BLANK,
H (a numbered heading; level 1–4 by its number form), BODY, ATTACH (the attachment list
附件：1.… 2.… and what follows it, up to the signature), SIGN, DATE.
Headings are recognised even when malformed (一) 、（一 、一．、(一) …) so that
rules can report the form; ``HeadingMatch.canonical`` says whether the number is
written the GB/T 9704 way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Line
from .joined import joined_text
from .numerals import CN_NUMERAL, cn_to_int

_WS = " \t\u3000\u00a0\u2002\u2003\u2009\u202f"

# (form, level, regex).  First match wins, so longer/stricter forms come first.
_HEADING_FORMS: tuple[tuple[str, int, str], ...] = (
    ("（一）", 2, rf"（(?P<n>{CN_NUMERAL})）"),
    ("(一)", 2, rf"[（(]\s*(?P<n>{CN_NUMERAL})\s*[）)]"),
    ("（一", 2, rf"[（(](?P<n>{CN_NUMERAL})(?=[\u4e00-\u9fff])"),
    ("一）", 2, rf"(?P<n>{CN_NUMERAL})[）)]"),
    ("一、", 1, rf"(?P<n>{CN_NUMERAL})、"),
    ("一．", 1, rf"(?P<n>{CN_NUMERAL})\s*(?:[．.，,:：]|\s+)(?=\S)"),
    ("（1）", 4, r"（(?P<n>\d{1,2})）"),
    ("(1)", 4, r"[（(]\s*(?P<n>\d{1,2})\s*[）)]"),
    ("1）", 4, r"(?P<n>\d{1,2})[）)]"),
    ("1.", 3, r"(?P<n>\d{1,2})\.(?!\d)"),
    ("1．", 3, r"(?P<n>\d{1,2})．(?!\d)"),
    ("1、", 3, r"(?P<n>\d{1,2})、"),
)
_HEADING_RES = tuple((form, level, re.compile(pattern)) for form, level, pattern in _HEADING_FORMS)
# Every line passes through match_heading: the forms in one regex, an alternation in the same order (the
# first form that matches wins, as in the loop over _HEADING_RES), each form's number in its own group.
_HEADING_ANY = re.compile(
    "|".join(f"(?P<f{k}>{pattern.replace('(?P<n>', f'(?P<n{k}>')})" for k, (_, _, pattern) in enumerate(_HEADING_FORMS))
)
_FORM_OF_GROUP = {  # the index of a form's group → the form, its level and the index of its number's group
    _HEADING_ANY.groupindex[f"f{k}"]: (form, level, _HEADING_ANY.groupindex[f"n{k}"]) for k, (form, level, _) in enumerate(_HEADING_FORMS)
}
# what a form's regex can match first (cheap tests before the regex: most lines open with other text):
# an opening bracket, a character of a Chinese numeral followed by a mark, or a digit followed by a mark
# (tests/parse/test_shortcuts.py holds that every form opens so)
_CN_FIRST = frozenset(ch for ch in CN_NUMERAL if "\u4e00" <= ch <= "\u9fff")  # 一 … 九, 十, 百, 零
# what follows the numeral of a Chinese-numeral form (一） 一、 一． …; or white space) and of a digit form
_CN_MARKS = "）)、．.，,:："
# A Chinese numeral's mark or white space right after the run of numeral characters: every Chinese-numeral
# form (一、 一） 一．) needs it there, and its numeral regex reads only numeral characters (a backtrack into
# the run meets a numeral character, no mark); a cheap test before the forms' regex (一是…, 三年来…: no)
_CN_MARKED = re.compile(f"[{''.join(sorted(_CN_FIRST))}]+[{re.escape(_CN_MARKS)}\\s]")
_CN_MARK_SET = frozenset(_CN_MARKS)
_DIGIT_MARKS = frozenset("）).．、")
_HEADING_FIRST = _CN_FIRST | {"（", "("}  # a heading's first character, but for a digit (str.isdecimal)
CANONICAL_FORMS = {"一、": 1, "（一）": 2, "1.": 3, "（1）": 4}
_CANONICAL_ALT = {"1．": 3}  # full-width full stop after an Arabic numeral is accepted as 1.

# a full date: 2025年1月20日, or 二〇二五年一月二十日 as older documents write it
DATE_TEXT = r"(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日"
_DATE_RE = re.compile(f"^{DATE_TEXT}$")
# web-page metadata before the title, and the site's chrome (its name, 无障碍 | 简体 | 繁体, 当前位置：首页 > …)
# a web page's metadata labels (regex pieces, each opening with a literal character) and site names
_META_LABELS = (
    r"索\s*引\s*号", "发布机构", "发文机关", "成文日期", "发布日期", "发布时间", "主题分类", r"文\s*号", "发文字号", "来源",
    "浏览次数", "信息来源", "时效", "无障碍", "简体", "繁体", "当前位置", "字号", r"【\s*字体",
)  # fmt: skip
_META_SITES = ("门户网站", "政府网")
_META_RE = re.compile(rf"^(?:(?:{'|'.join(_META_LABELS)})[：:\s|]|[\u4e00-\u9fff]{{2,20}}(?:{'|'.join(_META_SITES)})$)")
_SALUTATION_RE = re.compile(r"^[\u4e00-\u9fff、，（）()]{2,40}[：:]$")
# 附件：1.×× / 附件1：×× / 附件 (GB/T 9704-2012 7.3.4): the attachment list starts the closing matter
_ATTACH_RE = re.compile(r"^附\s*件\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})?\s*(?:[：:]|$)")
_SIGN_TAIL = re.compile(r"(?:人民政府|政府|委员会|党委|党工委|办事处|办公室|管委会|局|乡|镇|街道|司法所|部)$")
_SENTENCE_END = "。；;！!？?"
_TITLE_STOP = re.compile(f"[{re.escape(_SENTENCE_END)}，,]")
TITLE_WORDS = ("报告", "总结", "情况", "法治", "建设", "工作", "汇报", "依法行政")


@dataclass(frozen=True, slots=True, init=False)  # frozen: a line met again shares its match (_KNOWN_HEADINGS)
class HeadingMatch:
    """A line read as a numbered heading: its level, number form and value."""
    level: int
    form: str
    canonical: bool
    number: str
    value: int
    marker_start: int  # 0-based column in the cleaned line
    marker_end: int
    heading: str
    heading_start: int
    heading_end: int
    body_start: int  # -1 when the heading has no run-in body
    # how the heading was recovered: numbered | style (Word heading style) | shape | split (a flattened report)
    how: str = "numbered"

    def __init__(
        self,
        level: int,
        form: str,
        canonical: bool,
        number: str,
        value: int,
        marker_start: int,
        marker_end: int,
        heading: str,
        heading_start: int,
        heading_end: int,
        body_start: int,
        how: str = "numbered",
    ) -> None:
        # each slot set through its descriptor, as model.Span's: the generated __init__ of a frozen
        # dataclass calls object.__setattr__ per field, twice the cost (tests/parse/test_heading_match_init.py)
        _HM_LEVEL(self, level)
        _HM_FORM(self, form)
        _HM_CANONICAL(self, canonical)
        _HM_NUMBER(self, number)
        _HM_VALUE(self, value)
        _HM_MARKER_START(self, marker_start)
        _HM_MARKER_END(self, marker_end)
        _HM_HEADING(self, heading)
        _HM_HEADING_START(self, heading_start)
        _HM_HEADING_END(self, heading_end)
        _HM_BODY_START(self, body_start)
        _HM_HOW(self, how)


HEADING_MATCH_SLOTS = ("level", "form", "canonical", "number", "value", "marker_start", "marker_end", "heading",
                       "heading_start", "heading_end", "body_start", "how")  # fmt: skip
(_HM_LEVEL, _HM_FORM, _HM_CANONICAL, _HM_NUMBER, _HM_VALUE, _HM_MARKER_START, _HM_MARKER_END, _HM_HEADING,
 _HM_HEADING_START, _HM_HEADING_END, _HM_BODY_START, _HM_HOW) = (getattr(HeadingMatch, name).__set__ for name in HEADING_MATCH_SLOTS)  # fmt: skip


def strip_ws(text: str) -> str:
    return text.strip(_WS + "\n\r")


def match_heading(text: str) -> HeadingMatch | None:
    """Recognise a numbered heading at the start of ``text`` (leading spaces allowed).

    Columns are found in ``text`` itself, never in copies of its tail: most lines are long
    paragraphs that are not headings, and a heading may carry a long run-in body."""
    lead = _ws_end(text, 0)
    return None if lead == len(text) else _match_heading_at(text, lead)


def _match_heading_at(text: str, lead: int) -> HeadingMatch | None:
    """match_heading for a line whose first character that is not white space is at column ``lead``."""
    first = text[lead]
    if first in _CN_FIRST:
        if not _cn_marked(text, lead):
            return None  # 一是…, 三年来…: no form's mark follows the numeral
    elif first.isdecimal():  # what \d matches in a str pattern
        if not _marked_digits(text, lead):
            return None  # 2024年…, 12次…
    elif first != "（" and first != "(":
        return None
    if len(text) > HEADING_KEPT_CHARS:  # a heading with a long run-in body: its line is seldom met again
        return _match_long(text, lead)
    known = _KNOWN_HEADINGS.get(text, _UNKNOWN)
    if known is _UNKNOWN:
        known = _match_forms(text, lead)
        if len(_KNOWN_HEADINGS) >= HEADINGS_KEPT:  # memory stays flat in the number of files
            _KNOWN_HEADINGS.clear()
        _KNOWN_HEADINGS[text] = known
    return known  # type: ignore[return-value]


# The lines that passed the tests above, with what they are (a heading's match, or None), by their text:
# the column of a line's first character that is not white space is the text's own (match_heading and
# classify ask for no other), and the matches are frozen, so a line met again shares its match.  Many
# reports' headings read alike (the parts the State Council's guidance lists, their usual sub-parts).
_KNOWN_HEADINGS: dict[str, "HeadingMatch | None"] = {}
_UNKNOWN = object()
HEADINGS_KEPT = 2048
HEADING_KEPT_CHARS = 120  # longer lines are matched anew: the kept texts stay under a megabyte


def _match_long(text: str, lead: int) -> HeadingMatch | None:
    """_match_forms for a long line, kept by the line's text up to its first sentence end (and whether only
    white space follows that): a heading with a long run-in body (（一）强化领导。一是…) is seldom met again,
    its heading often is.  What the forms read of a line ends at its heading's first sentence end (the
    marker and the characters after it hold none); so a line that is no heading, or whose heading ends at
    that first sentence end (none in brackets or quotes before it), has the match of any line that opens
    with the same text up to it."""
    stop = _SENTENCE_END_CHAR.search(text, lead)
    if stop is None or stop.start() >= LONG_KEY_CHARS:
        return _match_forms(text, lead)
    cut = stop.start()
    key = (text[: cut + 1], _ws_end(text, cut + 1) == len(text))
    known = _KNOWN_LONG.get(key, _UNKNOWN)
    if known is _UNKNOWN:
        known = _match_forms(text, lead)
        if known is None or known.heading_end == cut:  # else a bracket or quote held the heading past it
            if len(_KNOWN_LONG) >= HEADINGS_KEPT:  # memory stays flat in the number of files
                _KNOWN_LONG.clear()
            _KNOWN_LONG[key] = known
    return known  # type: ignore[return-value]


_SENTENCE_END_CHAR = re.compile("[。！？!?]")  # what ends a heading (_first_sentence_end), in brackets or not
_KNOWN_LONG: dict[tuple[str, bool], "HeadingMatch | None"] = {}
LONG_KEY_CHARS = 120  # a line whose first sentence end comes later is matched anew


def _match_forms(text: str, lead: int) -> HeadingMatch | None:
    """The heading form that matches ``text`` at column ``lead`` (the forms' regex), and its parts."""
    m = _HEADING_ANY.match(text, lead)
    if m is None:
        return None
    form, level, group = _FORM_OF_GROUP[m.lastindex]  # type: ignore[index]  # a form matched: its group closed last
    number = m.group(group)
    value = cn_to_int(number)
    if value <= 0:  # a number 0: the next form that matches is tried, as the forms one by one do
        return _match_form_by_form(text, lead)
    if _not_a_heading(text, m.end(), form, level):
        return None
    return _heading_match(text, lead, m.end(), form, level, number, value)


def _match_form_by_form(text: str, lead: int) -> HeadingMatch | None:
    """_match_heading_at with each form's regex in turn, passing over a form whose number is 0."""
    for form, level, regex in _HEADING_RES:
        m = regex.match(text, lead)
        if m is None:
            continue
        number = m.group("n")
        value = cn_to_int(number)
        if value <= 0:
            continue
        if _not_a_heading(text, m.end(), form, level):
            return None
        return _heading_match(text, lead, m.end(), form, level, number, value)
    return None


def _ws_end(text: str, start: int) -> int:
    """The column of the first character at or after ``start`` that is not white space (_WS), or len(text)."""
    if start < len(text) and text[start] not in _WS_SET:
        return start  # most often: no white space there, no regex
    return _WS_RUN.match(text, start).end()  # type: ignore[union-attr]  # the run may be empty: always a match


_WS_SET = frozenset(_WS)
_WS_RUN = re.compile(f"[{re.escape(_WS)}]*")
_CN_AFTER_DOT = ("是", "年", "月", "个", "些", "系", "直", "方", "定", "切")  # 一．… read as words, not a number
_AFTER_NUMBER = ("是", "方面", "年", "月", "批", "季度")  # 一是, 三方面, 五年, 十月 …


def _not_a_heading(text: str, after: int, form: str, level: int) -> bool:
    """A numeral read as a word (一．是…, 三方面…, 五年…), not a heading number."""
    if form == "一．" and text[after : after + 1] in _CN_AFTER_DOT:
        return True
    return level in (1, 2) and text.startswith(_AFTER_NUMBER, after) and form not in ("（一）", "(一)")


def _heading_match(text: str, lead: int, marker_end: int, form: str, level: int, number: str, value: int) -> HeadingMatch:
    heading_start = _ws_end(text, marker_end)
    end = len(text)
    # the canonical forms allow no space after the number; a space makes it malformed
    spaced = heading_start > marker_end and heading_start < end
    canonical = (CANONICAL_FORMS.get(form) == level or _CANONICAL_ALT.get(form) == level) and not spaced
    if heading_start == end:
        return HeadingMatch(level, form, canonical, number, value, lead, marker_end, "", heading_start, heading_start, -1)
    cut = _first_sentence_end(text, heading_start)
    if cut == -1:
        heading = text[heading_start:].rstrip(_WS)
        return HeadingMatch(level, form, canonical, number, value, lead, marker_end, heading, heading_start, heading_start + len(heading), -1)
    body_start = cut + 1
    if _ws_end(text, body_start) == end:
        body_start = -1
    return HeadingMatch(level, form, canonical, number, value, lead, marker_end, text[heading_start:cut], heading_start, cut, body_start)


def _cn_marked(text: str, at: int) -> bool:
    """``_CN_MARKED.match(text, at)``, told from the character after the numeral's first when it can be:
    a mark or white space there closes a run of one numeral character (一、 三．); any character that is
    neither a mark, nor white space (what \\s matches in a str pattern is what str.isspace accepts), nor a
    numeral's ends the run unmarked (一是…, 三年来…: most lines that open with a numeral); after two
    numeral characters (十二、 二十是) the regex reads the rest of the run."""
    after = text[at + 1 : at + 2]
    if after in _CN_MARK_SET or after.isspace():
        return True
    if after not in _CN_FIRST:
        return False  # the line's end ("" is in no set) or a character that ends the run unmarked
    return _CN_MARKED.match(text, at) is not None


def _marked_digits(text: str, at: int) -> bool:
    """One or two digits and a digit form's mark (1. 1．1、1）) at column ``at`` (2024年…, 12次…: no)."""
    i = at + 2 if at + 1 < len(text) and text[at + 1].isdecimal() else at + 1
    return i < len(text) and text[i] in _DIGIT_MARKS


_OPENERS = frozenset("《“（(")
_CLOSERS = frozenset("》”）)")
_SENTENCE_OR_BRACKET = re.compile("[《“（(》”）)。！？!?]")


def _first_sentence_end(text: str, start: int = 0) -> int:
    """The column of the first 。！？!? at or after ``start`` outside brackets and quotes, or -1 (only those
    characters and the brackets are looked at, found by a regex scan rather than a loop over every character)."""
    depth = 0
    for m in _SENTENCE_OR_BRACKET.finditer(text, start):
        ch = m.group()
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0:
            return m.start()
    return -1


def is_date(text: str) -> bool:
    """Whether ``text`` is a full date alone.  The date regex ends in 日 at the end of the text, stripped
    of its line ends too (``$`` matches nowhere else then): a text that ends otherwise is no date,
    told before the regex is asked (most lines asked about: a signature's organ, a title)."""
    t = strip_ws(text)
    return t.endswith("日") and _DATE_RE.match(t) is not None


def is_meta(text: str) -> bool:
    """``_META_RE.match(text)``, asked only of a text that opens with the first character of one of its
    labels (索引号, 发布机构 … 【字体) or ends as a site's name does (门户网站, 政府网; before a last line end,
    where ``$`` matches too): most lines around a title do neither."""
    return (text[:1] in _META_FIRST or text.endswith(_META_TAILS)) and _META_RE.match(text) is not None


_META_FIRST = frozenset(label[0] for label in _META_LABELS)  # the labels' first characters
_META_TAILS = _META_SITES + tuple(site + "\n" for site in _META_SITES)  # $ matches before a last line end too


def looks_like_title_line(text: str) -> bool:
    t = strip_ws(text)
    if not t or len(t) > 45:
        return False
    if _TITLE_STOP.search(t):  # a sentence end or a comma
        return False
    if t.endswith(("：", ":")):
        return False
    return match_heading(t) is None and not is_date(t)


def classify(
    lines: tuple[Line, ...], style_levels: tuple[int, ...] = ()
) -> tuple[list[str], dict[int, HeadingMatch]]:
    """Return one kind per line and the heading matches by 0-based line index.

    ``style_levels`` (Word heading styles, 0 = body) make an unnumbered styled line a
    heading; its level is calibrated against the numbered headings that carry a style.
    """
    kinds, headings = _blank_and_numbered(lines)
    _mark_front_matter(lines, kinds)
    if style_levels:
        _mark_styled_headings(lines, kinds, headings, style_levels)
    _mark_signature(lines, kinds, headings)
    _mark_attachments(lines, kinds, headings)
    _mark_shaped_headings(lines, kinds, headings)
    return kinds, headings


def _blank_and_numbered(lines: tuple[Line, ...]) -> tuple[list[str], dict[int, HeadingMatch]]:
    """Each line BLANK (nothing but white space), H (a numbered heading: match_heading's match) or BODY,
    and the heading matches by 0-based line index: classify's first pass."""
    kinds = ["BODY"] * len(lines)
    headings: dict[int, HeadingMatch] = {}
    for i, line in enumerate(lines):
        text = line.text
        if not text:
            kinds[i] = "BLANK"
            continue
        first = text[0]
        if first in _WS_SET:  # the white space before the first character measured without a regex call
            lead = len(text) - len(text.lstrip(_WS))
            if lead == len(text):
                kinds[i] = "BLANK"
                continue
            first = text[lead]
        else:
            lead = 0  # most often: no white space there (_ws_end without the call)
        if first in _HEADING_FIRST or first.isdecimal():  # _match_heading_at's own first test, without the call
            h = _match_heading_at(text, lead)
            if h is not None:
                kinds[i] = "H"
                headings[i] = h
    return kinds, headings


SHAPE_MAX = 30  # characters of a heading published without its number
SHAPE_PARAGRAPH = 40  # characters of a paragraph line
SHAPE_MIN = 2  # unnumbered headings a document needs before any is taken for one


def _mark_shaped_headings(lines, kinds, headings) -> None:
    """Headings published without numbers (bold lines in Word, lines of a web copy).

    A short line with no sentence-final punctuation, followed by a paragraph, in a
    document whose other body lines are paragraphs, is a heading.  Its level is
    calibrated against the numbered headings: level 1 where the document numbers no
    level-1 heading, level 2 under numbered level-1 headings that have no numbered
    sub-headings; otherwise the line stays body text.
    """
    body = [i for i, k in enumerate(kinds) if k == "BODY"]
    if len(body) < 4:
        return
    # a line that ends in a sentence end or a colon (most paragraphs: 。) holds one: no heading's shape
    candidates = [i for i in body if lines[i].text[-1:] not in _SHAPE_STOPS and _shaped(lines, kinds, i)]
    if len(candidates) < SHAPE_MIN:
        return
    paragraphs = [i for i in body if i not in candidates]
    if not paragraphs or sum(len(strip_ws(lines[i].text)) >= SHAPE_PARAGRAPH for i in paragraphs) * 2 < len(paragraphs):
        return  # short lines everywhere: a list, not headings
    levels = {h.level for h in headings.values()}
    if 1 not in levels:
        level = 1
    elif 2 not in levels:
        level = 2
    else:
        return
    first_numbered = min(headings, default=len(lines))
    for i in candidates:
        if level == 2 and i < first_numbered:
            continue  # before the first numbered part: the opening, not a sub-heading
        text = lines[i].text
        start = len(text) - len(text.lstrip(_WS))
        heading = text.rstrip(_WS)[start:]
        kinds[i] = "H"
        headings[i] = HeadingMatch(level, "", True, "", 0, start, start, heading, start, start + len(heading), -1, "shape")


_PART_WORD = re.compile(r"第[一二三四五六七八九十]{1,3}部分")  # 第三部分　…: a part heading, however long
_SHAPE_STOP = re.compile(f"[{re.escape(_SENTENCE_END)}：:]")  # a sentence end or a colon: no heading's shape
_SHAPE_STOPS = frozenset(_SENTENCE_END + "：:")


def _shaped(lines, kinds, i: int) -> bool:
    if _SHAPE_STOP.search(lines[i].text):  # most body lines: a sentence, found before the line is copied stripped
        return False
    text = strip_ws(lines[i].text)
    longest = SHAPE_MAX * 2 if _PART_WORD.match(text) else SHAPE_MAX
    if not (4 <= len(text) <= longest):
        return False
    if is_date(text) or _SALUTATION_RE.match(text):
        return False
    j = i + 1
    while j < len(lines) and kinds[j] == "BLANK":
        j += 1
    if j >= len(lines) or kinds[j] not in ("BODY", "H"):
        return False
    if kinds[j] == "H":
        return True  # a part's heading over its numbered sub-headings
    following = strip_ws(lines[j].text)
    return len(following) >= SHAPE_PARAGRAPH or following[-1:] in _SENTENCE_END


def _mark_attachments(lines: tuple[Line, ...], kinds: list[str], headings: dict[int, HeadingMatch]) -> None:
    """From the first 附件 line after the body has begun up to the signature: attachments, not headings
    (their 1. 2. number the attachments) and not part of the last section."""
    if "附" not in joined_text(lines):
        return  # no line holds the 附 of 附件 (most reports: one search of the text for all)
    started = False
    for i, line in enumerate(lines):
        kind = kinds[i]
        if kind not in ("H", "BODY"):
            continue
        if not started:  # the first heading or paragraph opens the body
            started = True
            continue
        if "附" not in line.text or _ATTACH_RE.match(strip_ws(line.text)) is None:
            continue
        for j in range(i, len(lines)):
            if kinds[j] in ("SIGN", "DATE"):
                break
            if kinds[j] != "BLANK":
                kinds[j] = "ATTACH"
                headings.pop(j, None)
        return


def _mark_styled_headings(lines, kinds, headings, style_levels) -> None:
    from collections import Counter

    shifts = Counter(
        h.level - style_levels[i] for i, h in headings.items() if i < len(style_levels) and style_levels[i] > 0
    )
    shift = shifts.most_common(1)[0][0] if shifts else 0
    for i, line in enumerate(lines):
        if kinds[i] != "BODY" or i >= len(style_levels) or style_levels[i] <= 0:
            continue
        text = line.text
        start = len(text) - len(text.lstrip(_WS))
        heading = text.rstrip(_WS)[start:]
        if not heading or len(heading) > 60 or _first_sentence_end(heading) not in (-1, len(heading) - 1):
            continue
        level = min(4, max(1, style_levels[i] + shift))
        end = start + len(heading)
        kinds[i] = "H"
        headings[i] = HeadingMatch(level, "", True, "", 0, start, start, heading, start, end, -1, "style")


def _mark_front_matter(lines: tuple[Line, ...], kinds: list[str]) -> None:
    """Metadata, salutation and the title: short lines before the first heading or sentence."""
    i = 0
    n = len(lines)
    while i < n and (kinds[i] == "BLANK" or (kinds[i] == "BODY" and is_meta(strip_ws(lines[i].text)))):
        if kinds[i] == "BODY":
            kinds[i] = "META"
        i += 1
    candidates: list[int] = []
    j = i
    blanks = 0
    while j < n and len(candidates) < 4:
        kind = kinds[j]
        if kind == "BLANK":
            blanks += 1
            if blanks > 2:
                break
            j += 1
            continue
        if kind != "BODY" or not looks_like_title_line(lines[j].text) or is_meta(strip_ws(lines[j].text)):
            break
        blanks = 0
        candidates.append(j)
        j += 1
    if candidates and len(candidates) <= 3:
        joined = "".join(strip_ws(lines[k].text) for k in candidates)
        if any(word in joined for word in TITLE_WORDS):
            for k in candidates:
                kinds[k] = "TITLE"
            j = _mark_after_title(lines, kinds, candidates[-1] + 1, joined)
        else:
            j = i
    else:
        j = i
    # a salutation such as 县委、县政府： right after the title
    while j < n and kinds[j] == "BLANK":
        j += 1
    if j < n and kinds[j] == "BODY" and _SALUTATION_RE.match(strip_ws(lines[j].text)):
        kinds[j] = "SALUTATION"


def _mark_after_title(lines: tuple[Line, ...], kinds: list[str], j: int, title: str) -> int:
    """A web copy's metadata under the title (来源：… 发布时间：…) and the title repeated after it are
    metadata, not the opening; returns the index after them."""
    k = j
    while k < len(lines) and kinds[k] in ("BLANK", "BODY"):
        text = strip_ws(lines[k].text)
        if kinds[k] == "BODY" and not is_meta(text):
            break
        k += 1
    if k == j or k >= len(lines) or kinds[k] != "BODY" or strip_ws(lines[k].text) != title:
        return j if k == j else _meta_lines(kinds, j, k)
    return _meta_lines(kinds, j, k + 1)


def _meta_lines(kinds: list[str], start: int, end: int) -> int:
    for k in range(start, end):
        if kinds[k] == "BODY":
            kinds[k] = "META"
    return end


def _mark_signature(lines: tuple[Line, ...], kinds: list[str], headings: dict[int, HeadingMatch]) -> None:
    """The closing signature and date: short trailing lines after the last paragraph."""
    j = len(lines) - 1
    while j >= 0 and kinds[j] == "BLANK":
        j -= 1
    found_date = False
    taken = 0
    while j >= 0 and taken < 4:
        text = strip_ws(lines[j].text)
        if kinds[j] == "BLANK":
            j -= 1
            continue
        if kinds[j] != "BODY":
            break
        if is_date(text) and not found_date:
            kinds[j] = "DATE"
            found_date = True
        elif found_date and len(text) <= 30 and _SIGN_TAIL.search(text) and not any(c in text for c in _SENTENCE_END + "，"):
            kinds[j] = "SIGN"
        else:
            break
        taken += 1
        j -= 1
