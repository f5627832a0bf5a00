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

from checker.kinds import content_evidence, coverage, min_items, role_order, year_relation
from checker.kinds._textscan import words_regex
from checker.report import Report, Segment
from tests.kinds.test_structural_sharing import CONFIG, HEADINGS, RULESET, _findings, reports

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


PRINCIPAL_ROLE = RULESET.roles["first_responsible"]
SENTENCE_PIECES = st.one_of(
    st.sampled_from([*PRINCIPAL_ROLE.principals, *PRINCIPAL_ROLE.acts]),
    st.sampled_from(["。", "；", "！", "？", "?", " ", "　", "工作", "法治", "各村", "，"]),
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(SENTENCE_PIECES, max_size=14).map("".join), st.integers(0, 3), st.booleans())
def test_content_evidence_acting_sentences_are_the_sentences_with_a_match(text, col, plain_words):
    """content_evidence makes only the sentences of a segment in which the acting regex finds a match,
    searching between their ends in the segment's text: the sentences Report.sentences makes that a
    search of their text finds a match in (with the acting regex, and with a plain regex of words)."""
    regex = (
        words_regex(PRINCIPAL_ROLE.principals)
        if plain_words
        else content_evidence.acting(PRINCIPAL_ROLE.principals, PRINCIPAL_ROLE.acts)
    )
    segment = Segment(None, col, text)
    plain = [s for s in Report.sentences(segment) if regex.search(s.text)]
    assert content_evidence.acting_sentences(segment, regex) == plain


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="开展召开制度原因如下：: \n", max_size=12), st.lists(st.text(alphabet="开展召开如下", max_size=3), max_size=4))
def test_min_items_word_tests_are_holds_any(text, words):
    """min_items makes its lead_in and require_any tests once per rule: each answers as _holds_any."""
    params = min_items.Params(role="plan", lead_in=tuple(words), require_any=tuple(reversed(words)))
    tests = min_items._word_tests(params)
    assert tests.lead_in(text) == min_items._holds_any(text, params.lead_in)
    assert tests.required(text) == min_items._holds_any(text, params.require_any)
    assert min_items._word_tests(params) is tests


def _plain_closing(report):
    """signature's closing block read as before: the spaces taken out of every line it reads."""
    from checker.kinds.signature import _NOTE, _SENTENCE, _SPACES, Closing, _block_end, _is_organ, _parse_date, _strip

    lines, signers, found = report.doc.lines, [], None
    i, taken = _block_end(report) - 1, 0
    while i >= 0 and taken < 6:
        line = lines[i]
        text = _strip(line.text)
        i -= 1
        if not text:
            continue
        taken += 1
        compact = _SPACES.sub("", text)
        dated = _parse_date(compact) if found is None else None
        if dated is not None:
            found = (line, *dated)
            tail = _SENTENCE.split(compact[: len(compact) - len(dated[0])])[-1]
            if tail and _is_organ(tail):
                signers.append((line, tail))
            if len(text) > 50:
                break
        elif _is_organ(text):
            signers.append((line, text))
        elif not _NOTE.match(text):
            break
    if found is None:
        return Closing(tuple(signers))
    return Closing(tuple(signers), found[0], found[1], found[2])


CLOSING_LINES = st.lists(
    st.sampled_from(
        [
            "示例乡人民政府", "中共示例乡委员会", "示例乡", "（此件公开发布）", "2025年1月20日", "2025 年 1 月 20 日 ", "二〇二五年一月",
            "2025年13月40日", "开展工作。", "全面推进法治建设。示例乡人民政府2025年1月20日", "　2025年2月", "附件：1.名单", "", "示例乡 人民政府 \u00a0",
            "日", "月", "2025年1月20日。", "2025年1月20 日",
        ]
    ),
    max_size=8,
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(CLOSING_LINES)
def test_signature_reads_the_closing_block_as_the_plain_reading(lines):
    """signature takes the spaces out only of a line that ends as a date does: the closing block it
    reads is the one read with the spaces taken out of every line."""
    from checker.engine import analyze
    from checker.ingest import document_from_text
    from checker.kinds.signature import _read_closing

    text = "示例乡2024年法治政府建设年度报告\n一、主要举措\n开展工作。\n" + "\n".join(lines) + "\n"
    report = analyze(document_from_text(text), RULESET, CONFIG, with_roles=True)
    assert _read_closing(report) == _plain_closing(report)


PLENUM_PIECES = st.sampled_from(
    ["二十届", "十九届", "三中全会", "四中全会", "三中、四中全会", "五中", "中全会", "届", "二十", "中央委员会第四次全体会议", "第三次全体会议", "学习", "。", "，", "四中"]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(2021, 2026), st.lists(st.lists(PLENUM_PIECES, min_size=1, max_size=6).map("".join), min_size=1, max_size=3))
def test_plenum_pre_check_passes_every_report_naming_a_late_plenum(year, paragraphs):
    """plenum reads a report's mentions only when its text holds the term and number of a plenum held
    after the report year: the findings are the same when it always reads them."""
    from checker.kinds import plenum

    text = f"示例乡{year}年法治政府建设年度报告\n一、主要举措\n" + "\n".join(paragraphs) + "\n二、存在的不足\n" + paragraphs[0] + "\n"
    fast = _findings(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plenum, "may_mention_a_late_plenum", lambda text, late: True)
        assert _findings(text) == fast


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=reports(), picked=st.sets(st.integers(1, 40), max_size=8))
def test_content_evidence_segments_on_lines_are_the_segments_kept(text, picked):
    """content_evidence makes a section's segments only on the lines where a principal acts: the
    heading and own segments of the section (Report.body_segments' walk) that stand on those lines."""
    from checker.engine import analyze
    from checker.ingest import document_from_text
    from checker.kinds import _sections

    report = analyze(document_from_text(text), RULESET, CONFIG, with_roles=True)
    ordered = sorted(picked)
    for section in _sections.sections(report):
        plain = [report.heading_segment(section), *_sections.own_segments(report, section)]
        assert content_evidence.own_segments_on(report, section, ordered) == [s for s in plain if s.line.number in picked]


def _plain_repetition(report, rule, line, key, first):
    """repeated_paragraph's finding on a repeated line as first written (slices compared)."""
    from checker.kinds.base import diagnostic
    from checker.model import Edit, Fix, Span

    lines = report.doc.lines
    start = line.start
    end = line.end + 1 if report.doc.text[line.end : line.end + 1] == "\n" else line.end
    if line.number == len(lines) and line.number > 1 and report.doc.text[line.start - 1 : line.start] == "\n":
        start = lines[line.number - 2].end
    fix = Fix((Edit(start, end, ""),), "unsafe", "删除重复的段落")
    preview = key[:12] + ("…" if len(key) > 12 else "")
    return diagnostic(rule, Span(line.start, line.end), fix=fix, first=first, preview=preview)


PARAGRAPHS = st.sampled_from(["开展法治宣传教育活动，群众满意度明显提升。", "开展法治宣传教育活动， 群众满意度明显提升。", "短句。", "", "　"])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PARAGRAPHS, min_size=1, max_size=6), st.booleans())
def test_repeated_paragraph_findings_are_the_plain_findings(paragraphs, final_newline):
    """A repeated paragraph's finding and fix (the last line's newline before it, a line without one)
    are those of the plain reading of the line's ends."""
    from checker.kinds import repeated_paragraph

    text = "示例乡2024年法治政府建设年度报告\n" + "\n".join(paragraphs) + ("\n" if final_newline else "")
    fast = _findings(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(repeated_paragraph, "_repetition", _plain_repetition)
        assert _findings(text) == fast


def _plain_items(report, section):
    """min_items' items of a part as first written: every run-in number found before the first item."""
    from itertools import pairwise

    from checker.kinds import _sections
    from checker.kinds.min_items import _RUNIN, _SENTENCE

    if section.children:
        return [_sections.text_of(report, child) for child in section.children]
    body = "\n".join(_sections.own_texts(report, section))
    starts = [m.start() for m in _RUNIN.finditer(body)] if "是" in body else []
    if starts:
        return [body[a:b] for a, b in pairwise([*starts, len(body)])]
    return [m.group() for m in _SENTENCE.finditer(body) if m.group().strip()]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=reports())
def test_min_items_items_are_the_plain_items(text):
    """min_items finds a part's run-in numbers as the count comes to them: the items are those found
    from every number at once, for every section of random reports."""
    from checker.engine import analyze
    from checker.ingest import document_from_text
    from checker.kinds import _sections

    report = analyze(document_from_text(text), RULESET, CONFIG, with_roles=True)
    for section in _sections.sections(report):
        assert list(min_items.items(report, section)) == _plain_items(report, section)


def _plain_body_texts(report, section) -> list[str]:
    """_sections.body_texts as first written: Report.body_segments' walk line by line, a sub-part
    taken where its line comes (the first on a line), its texts walked again."""
    lines, kinds = report.doc.lines, report.outline.kinds
    found = []
    if section.body_start_col >= 0:
        found.append(lines[section.line - 1].text[section.body_start_col :])
    children = {c.line: c for c in reversed(section.children)}
    n = section.line + 1
    while n <= section.end_line:
        child = children.get(n)
        if child is not None:
            found.append(child.heading)
            found.extend(_plain_body_texts(report, child))
            n = child.end_line + 1
            continue
        text = lines[n - 1].text
        if kinds[n - 1] == "BODY" and text.strip():
            found.append(text)
        n += 1
    return found


@st.composite
def _outlines(draw):
    """Lines of every kind and a tree of sections over them with any ranges: sub-parts on their
    parent's heading line, two on one line, ranges that overlap or run past their parent's end."""
    from types import SimpleNamespace

    from checker.model import Line

    count = draw(st.integers(1, 12))
    kinds = tuple(draw(st.lists(st.sampled_from(["BODY", "H", "BLANK", "SIGN"]), min_size=count, max_size=count)))
    texts = draw(st.lists(st.sampled_from(["正文", "　", "", "二是", " 开展 "]), min_size=count, max_size=count))
    lines = tuple(Line(i + 1, 0, text, len(text)) for i, text in enumerate(texts))

    def section(depth: int):
        line = draw(st.integers(1, count))
        children = [section(depth + 1) for _ in range(draw(st.integers(0, 3 if depth < 2 else 0)))]
        return SimpleNamespace(
            heading=f"标题{line}",
            line=line,
            end_line=draw(st.integers(line, count)),
            body_start_col=draw(st.sampled_from([-1, 0, 1])),
            children=children,
        )

    report = SimpleNamespace(doc=SimpleNamespace(lines=lines), outline=SimpleNamespace(kinds=kinds), _memo={})
    return report, section(0)


@settings(max_examples=1500, deadline=None)
@given(_outlines(), st.booleans())
def test_a_sections_texts_are_those_of_the_line_by_line_walk(outline, children_first):
    """_sections.body_texts walks a section once and keeps the texts of every sub-part walked as a
    run of the section's: each section's texts are those of the plain walk, for any ranges (sub-parts
    on their parent's heading line, two on a line, ranges that overlap), asked before or after its
    parent's."""
    from checker.kinds import _sections

    report, top = outline
    if children_first:
        for child in top.children:
            assert _sections.body_texts(report, child) == tuple(_plain_body_texts(report, child))
    assert _sections.body_texts(report, top) == tuple(_plain_body_texts(report, top))
    assert _sections.text_of(report, top) == "\n".join([top.heading, *_plain_body_texts(report, top)])
    stack = list(top.children)
    while stack:
        section = stack.pop()
        stack.extend(section.children)
        assert _sections.body_texts(report, section) == tuple(_plain_body_texts(report, section))


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["开展", "法治", "宣传", "。", "开展法治宣传教育"]), max_size=8).map("".join), max_size=10), st.integers(1, 30))
def test_repeated_paragraph_keys_written_twice_are_those_counted(keys, min_chars):
    """repeated_paragraph passes a report whose long keys all open differently without hashing them
    whole: the keys it finds written twice are those counted one by one (keys that open alike and
    differ further on included)."""
    from collections import Counter

    from checker.kinds import repeated_paragraph

    counted = Counter(key for key in keys if len(key) >= min_chars)
    assert repeated_paragraph._repeated(keys, min_chars) == {key for key, times in counted.items() if times > 1}


KEY_WORDS = st.sampled_from(["开展", "法治", "宣传", "。", "开展法治宣传教育"])
KEY_PIECES = st.one_of(KEY_WORDS, KEY_WORDS, KEY_WORDS, st.sampled_from([" ", "　", "\t", "\u00a0", "\u2003", "\n", "\x0b"]))


@st.composite
def _lines_and_spaced_copies(draw) -> list[str]:
    """Lines of words, spaces, line ends and a control character, and copies of some of them with
    spaces put in (before, inside or after their openings)."""
    texts = draw(st.lists(st.lists(KEY_PIECES, max_size=10).map("".join), max_size=8))
    for text in list(texts):
        if text and draw(st.booleans()):
            for _ in range(draw(st.integers(0, 3))):
                at = draw(st.integers(0, len(text)))
                text = text[:at] + draw(st.sampled_from([" ", "　", "\t", "\u00a0"])) + text[at:]
            texts.insert(draw(st.integers(0, len(texts))), text)
    return texts


@settings(max_examples=2000, deadline=None)
@given(_lines_and_spaced_copies(), st.integers(5, 30))
def test_repeated_paragraph_lines_written_once_hold_no_key_twice(texts, min_chars):
    """repeated_paragraph passes a report from its lines as written (their openings, spaces not taken
    out) only when no key of ``min_chars`` characters or more is written twice: copies with spaces
    before, inside and after an opening, lines that hold a line end (a view's pieces) or a control
    character."""
    from types import SimpleNamespace

    from checker.kinds import repeated_paragraph

    report = SimpleNamespace(doc=SimpleNamespace(lines=[SimpleNamespace(text=text) for text in texts]))
    keys = [repeated_paragraph._SPACES.sub("", text) for text in texts]
    if repeated_paragraph.written_once(report, min_chars):
        assert repeated_paragraph._repeated(keys, min_chars) == set()


def test_repeated_paragraph_spaces_are_printable_only_as_the_space():
    """written_once finds a space in an opening by " " and ``isprintable``: it holds for every
    character of ALL_SPACES."""
    from checker.kinds._strings import ALL_SPACES

    assert [ch for ch in ALL_SPACES if ch.isprintable()] == [" "]


@pytest.mark.parametrize(
    ("texts", "once"),
    [
        (["开展法治宣传教育活动，群众满意度明显提升。", "开展法治宣传教育活动， 群众满意度明显提升。"], False),
        (["开展法治宣传教育活动，群众满意度明显提升。", "　　开展法治宣传教育活动，群众满意度明显提升。"], False),
        (["开展法治宣传教育活动，群众满意度明显提升。", "开展法治宣传教育活动，群众参与度明显提升。"], False),
        (["开展法治宣传教育活动，群众满意度明显提升。", "　　组织法治宣传教育活动，群众参与度明显提升。", "短句。", "短句。"], True),
    ],
)
def test_repeated_paragraph_written_once_on_fixed_lines(texts, once):
    from types import SimpleNamespace

    from checker.kinds import repeated_paragraph

    report = SimpleNamespace(doc=SimpleNamespace(lines=[SimpleNamespace(text=text) for text in texts]))
    assert repeated_paragraph.written_once(report, 20) is once
