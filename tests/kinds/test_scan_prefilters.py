"""The text-scanning kinds read only the lines that one scan of the whole text points to.  Such a
prefilter must never lose or change a finding: here each one is replaced by "every line" (the plain
scan of each line) and the findings compared, on random reports made of what the rules look for.
The helpers the prefilters rest on get their own properties."""

from __future__ import annotations

import re
from bisect import bisect_right

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.api import ruleset_for
from checker.config import Config
from checker.engine import active_rules, analyze
from checker.ingest import document_from_text
from checker.kinds import (
    consistent_symbol,
    content_evidence,
    official_name,
    pattern,
    period,
    personal_data,
    substitution,
    whitespace,
    year_form,
)
from checker.kinds._regex import finds_every_line
from checker.kinds._strings import ALL_SPACES
from checker.kinds._textscan import expand_macros, lines_holding, regions, words_finders, words_regex

# --- whole kinds: the prefilter against every line ------------------------------------------------

PIECES = [
    *"法治制年度二〇○零OＯ0一二三四五六七八九十届大中全会，。、；：,;:?!()（）《》“”[]【】〔〕-/.．号",
    *"0123456789０１２３４５６７８９%％",
    " ", "  ", "\u3000", "\u3000\u3000", "\u00a0", "\t", "\u2002", "\u202f",
    "法制宣传", "法制宣传教育", "法制审核", "法制日报", "党政负责人", "习总书记", "法治审核",
    "法治政府建设第一责任人", "推进法治政府建设第一责任人",
    "习近平", "法治思想", "习近平法制思想", "新时代中国特色社会主义思想", "习近平新时代中国特色社会主义",
    "十四五", "十三五", "八五普法", "开局之年", "收官之年", "承上启下之年", "贯彻落实", "期间",
    "《法治政府建设实施纲要（2015—2020年）》", "2021年是", "2025年",
    "党委书记", "乡党委书记", "主持", "部署", "亲自", "各村党支部书记", "述法",
    "截止", "截止目前", "截止到", "党的20大", "二十届3中全会", "19届",
    "13812345678", "138-1234-5678", "138 1234 5678", "110101199003071234", "联系人：张三，电话：",
    "24年3月", "24年度", "二○二四年", "二零二五年", "二○二四 年", "二〇二五\u3000年", "24 年度", "3-24 年3月",
    "中共中央 国务院", "第一章 总则", "十四五 开局之年",
    "www.example.gov.cn", "a@b.cn", "GDP", "(社区)", "(2019)28号", "[2019]28号",
]
LINE = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)

TEMPLATE = [
    "示例乡2024年法治政府建设年度报告",
    "",
    "2024年，示例乡深入学习贯彻习近平法治思想，现将有关情况报告如下。",
    "一、2024年度推进法治政府建设的主要举措和成效",
    "（一）依法全面履行政府职能。一是梳理权责清单126项。",
    "二、2024年度推进法治政府建设存在的不足和原因",
    "一是普法形式单一。",
    "三、2024年度党政主要负责人履行推进法治建设第一责任人职责情况",
    "乡党委书记认真履行推进法治建设第一责任人职责。",
    "四、2025年度推进法治政府建设的主要安排",
    "一是持续深化依法行政。",
    "示例乡人民政府",
    "2025年1月10日",
]
KINDS = (consistent_symbol, content_evidence, official_name, pattern, period, personal_data, substitution, whitespace, year_form)
CONFIG = Config()
RULESET = ruleset_for(CONFIG)
RULES = [r for r in active_rules(RULESET, CONFIG) if r.kind in {k.KIND for k in KINDS}]


def every_line_number(report, *_args) -> list[int]:
    return list(range(1, len(report.doc.lines) + 1))


def _plain_indents(report) -> list[tuple[int, str]]:
    found = []
    for line in report.doc.lines:
        m = re.match(f"[{re.escape(ALL_SPACES)}]+", line.text)
        if m:
            found.append((line.number, m.group()))
    return found


def _plain_named(plain, comp):
    from checker.kinds._strings import clauses

    return [(m, m.start(), m.end(), offset, clause) for offset, clause in clauses(plain) for m in comp.regex.finditer(clause)]


# what each prefilter becomes: read every line (or every region, segment, indent, clause …)
PLAIN = [
    (pattern, "_regions_to_read", lambda report, comp, scope: regions(report, scope)),
    (pattern._Needed, "held_by", lambda self, text: True),  # every skip pattern run on every line
    (year_form, "marked_lines", every_line_number),
    (personal_data, "candidate_lines", every_line_number),
    (whitespace, "lines_touched", every_line_number),
    (whitespace, "_ending_in_space", every_line_number),
    (whitespace, "_indents", _plain_indents),
    (official_name, "lines_to_read", lambda report, comp: frozenset(every_line_number(report))),
    (substitution, "_lines_with_a_source", lambda report, comp: frozenset(every_line_number(report))),
    (content_evidence, "matching_lines", lambda report, regex: frozenset(every_line_number(report))),
    (consistent_symbol, "lines_holding", lambda report, words: frozenset(every_line_number(report))),
    (period, "lines_holding", lambda report, words: frozenset(every_line_number(report))),
    (period, "_named", _plain_named),
]


def _report(text: str):
    return analyze(document_from_text(text), RULESET, CONFIG, with_roles=True)


def _findings(text: str) -> dict[str, list]:
    report = _report(text)  # a fresh report: nothing memoised from the other run
    from checker.kinds import KINDS as REGISTRY

    return {rule.code: list(REGISTRY[rule.kind].check(report, rule)) for rule in RULES}


def _fast_and_plain(text: str):
    """Every rule's findings on ``text`` with the prefilters, then with each replaced by its plain scan."""
    fast = _findings(text)
    with pytest.MonkeyPatch.context() as mp:
        for module, name, plain in PLAIN:
            mp.setattr(module, name, plain)
        return fast, _findings(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINE, min_size=len(TEMPLATE), max_size=len(TEMPLATE)), st.sampled_from(["", "\n"]))
def test_the_prefilters_never_lose_or_change_a_finding(extra, end):
    text = "\n".join(line + more for line, more in zip(TEMPLATE, extra)) + end
    fast, slow = _fast_and_plain(text)
    assert fast == slow


@pytest.mark.parametrize(
    "extra",
    [
        "完成率12%。\n合格率5％。\n达标率3％。",  # each form on lines of its own
        "二○二四年 截止目前,党的20大 中 国\u00a0GDP  \n习近平法制思想，十四五开局之年13812345678",
    ],
)
def test_the_prefilters_on_reports_with_findings(extra):
    text = "\n".join(TEMPLATE) + "\n" + extra + "\n"
    fast, slow = _fast_and_plain(text)
    assert fast == slow
    assert any(fast.values())


def test_the_comparison_sees_findings():
    """The random reports above are not all clean: the comparison compares something."""
    text = "\n".join(TEMPLATE) + "\n二○二四年 截止目前,党的20大 中 国\u00a0GDP  \n习近平法制思想，十四五开局之年13812345678\n完成率12%，合格率5％。\n"
    found = {code for code, ds in _findings(text).items() if ds}
    assert {"FZ462", "FZ512", "FZ401", "FZ511", "FZ406", "FZ470", "FZ503", "FZ606", "FZ407"} <= found


# --- finds_every_line: a scan of the whole text may replace the scans of each line -----------------


@pytest.mark.parametrize(
    "pattern_text",
    [r"a\Z", r"\Aa", r"(?!\s)x", r"(?<![^a])b", r"(?s)(?!.)x", r"(?>a\s)", r"a\s++", r"(a)(?!\1)"],
)
def test_what_a_newline_could_change_is_refused(pattern_text):
    assert not finds_every_line(pattern_text)


@pytest.mark.parametrize(
    "pattern_text",
    [r"^x$", r"x(?!.)", r"a\s*b", r"(?=\s*年)\d", r"(?![^\s])x", r"(?!\d)x", r"([，。])\1+", r"(?<=a.)b", r"\bx\B"],
)
def test_what_a_newline_cannot_change_is_accepted(pattern_text):
    assert finds_every_line(pattern_text)


def test_every_default_pattern_rule_is_scanned_once():
    for rule in RULES:
        if rule.kind == "pattern":
            assert finds_every_line(expand_macros(rule.params.pattern)), rule.code


LINE_PATTERNS = [
    r"a\s*b", r"^ab", r"b$", r"(?<=a\n)b", r"a(?=\s*b)", r"(?<!a)b", r"(?<![ab]..)c", r"(a|b)\1",
    r"a[^b]c", r"(?!a)\w", r"\bab", r"a\B", r"a.c", r"(?=a\s)\s", r"x(?!\s*y)", r"(?<!\n)a", r"ab|b\nc",
    r"\Z", r"a\Z", r"(?!b\Z)a", r"(?![^\n]*c)a", r"(?!\s)a", r"[^c]+", r"(?>a\s*)b", r"a\s*+b",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet="ab c\t", max_size=8), min_size=1, max_size=5), st.integers(0, 3))
def test_an_approved_whole_scan_touches_every_line_a_line_scan_matches(lines, col):
    text = "\n".join(lines)
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    for pattern_text in LINE_PATTERNS:
        if not finds_every_line(pattern_text):
            continue
        touched = set()
        for m in re.finditer(pattern_text, text, re.MULTILINE):
            first, last = bisect_right(starts, m.start()), bisect_right(starts, max(m.start(), m.end() - 1))
            touched.update(range(first, last + 1))
        for number, line in enumerate(lines, start=1):
            if re.compile(pattern_text).search(line, min(col, len(line))):
                assert number in touched, (pattern_text, lines, number)


OPENING_PATTERNS = [
    r"[ab]\s*c", r"[ab](?<=a.)c?", r"[a b](?=\s*c)", r"[ab]a", r"[ab](?!b)\w", r"[ab]$", r"[ab](?<=c.)",
    r"[ \t](?:(?<=a.)(?=b)|(?<=b.)(?=c))", r"[abc](?<=[ab].)b", r"[ab]\n?c",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet="ab c\t", max_size=8), min_size=1, max_size=5), st.integers(0, 3))
def test_the_scans_for_each_opening_character_touch_every_line_a_line_scan_matches(lines, col):
    """pattern._whole_scans for a pattern opening with a class: one scan per character, their matches
    possibly overlapping; every line (and every heading's text from a column: _reaches) on which a
    line's scan finds a match is touched, as by the scan for the class."""
    from types import SimpleNamespace

    from checker.kinds._regex import opening_class
    from checker.kinds._textscan import Region, lines_of_spans

    text = "\n".join(lines)
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    for pattern_text in OPENING_PATTERNS:
        variants = opening_class(pattern_text)
        assert variants, pattern_text
        comp = SimpleNamespace(openers=variants)
        scans = pattern._whole_scans(text, comp)
        touched = set(lines_of_spans(starts, sorted(span for scan in scans for span in scan)))
        for number, line in enumerate(lines, start=1):
            at = min(col, len(line))
            if re.compile(pattern_text).search(line, at):
                assert number in touched, (pattern_text, lines, number)
                region = Region(SimpleNamespace(number=number), at)
                assert any(pattern._reaches(scan, starts, region) for scan in scans), (pattern_text, lines, number, at)


@pytest.mark.parametrize(
    ("pattern_text", "expected"),
    [
        ("[ab]c", (("a", "ac"), ("b", "bc"))),
        ("[]a]b", (("]", "\\]b"), ("a", "ab"))),
        ("[a\\]](?<=x.)", (("]", "\\](?<=x.)"), ("a", "a(?<=x.)"))),
        ("[ab]", (("a", "a"), ("b", "b"))),
        ("[\\]a]b", (("]", "\\]b"), ("a", "ab"))),
        ("[\\\\a](?=\\])", (("\\", "\\\\(?=\\])"), ("a", "a(?=\\])"))),
    ],
)
def test_opening_class_replaces_the_class_by_each_character(pattern_text, expected):
    from checker.kinds._regex import opening_class

    assert opening_class(pattern_text) == expected


@pytest.mark.parametrize("pattern_text", ["[^a]b", "[ab]+c", "[ab]c|d", "a[bc]", "[a-z]b", "[abcdefg]x", "(?i)[ab]"])
def test_opening_class_only_for_a_class_of_a_few_characters_at_the_start(pattern_text):
    from checker.kinds._regex import opening_class

    assert opening_class(pattern_text) is None


# --- words_regex: a trie of words finds what their alternation, longest first, finds ---------------


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="法制治宣传a.", min_size=1, max_size=4), min_size=1, max_size=8), st.text(alphabet="法制治宣传a.\n", max_size=30))
def test_words_regex_matches_like_the_alternation(words, text):
    plain = re.compile("|".join(map(re.escape, sorted(set(words), key=len, reverse=True))))
    assert [m.span() for m in words_regex(tuple(words)).finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_words_regex_of_nothing_matches_nothing():
    assert words_regex(()).search("abc") is None and words_regex(("",)).search("abc") is None


# --- words_finders: a text holds one of the words exactly when one of the finders finds something ---


_AROUND = st.text(alphabet="12大a，", max_size=2)
_GROUPED = st.tuples(_AROUND, st.sampled_from(["中全会", "党的", "届", "1"]), _AROUND).map("".join)


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.lists(_GROUPED, min_size=1, max_size=12),  # words sharing a few strings: one finder per group
        st.lists(st.text(alphabet="党的15大届中全会2a，", min_size=1, max_size=5), min_size=1, max_size=12),
    ),
    st.data(),
)
def test_words_finders_find_a_text_holding_a_word(words, data):
    pieces = st.one_of(st.sampled_from(words), st.text(alphabet="党的15大届中全会2a，\n", max_size=3))
    text = "".join(data.draw(st.lists(pieces, max_size=6)))  # often holding a word, or most of one
    finders = words_finders(tuple(words))
    assert any(f.search(text) is not None for f in finders) == any(w in text for w in words), (words, text)


def test_words_finders_open_with_the_string_a_group_shares():
    words = (*(f"党的{n}大" for n in range(15, 23)), *(f"{n}届" for n in range(15, 23)), *(f"{d}中全会" for d in range(1, 10)))
    finders = words_finders(words)
    assert [f.pattern[: f.pattern.index("(")] for f in finders] == ["中全会", "党的", "届"]
    assert [f.pattern for f in words_finders(("19", "20"))] == ["(?:19|20)"]  # no fewer groups than words: the trie
    # a few words opening with marks beyond Latin-1 and sharing nothing: a literal scan for each
    assert [f.pattern for f in words_finders(("，，", "。。", "、、", "；；", "：："))] == ["、、", "。。", "，，", "：：", "；；"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="，。、a", min_size=2, max_size=3), min_size=4, max_size=7), st.text(alphabet="，。、a\n", max_size=12))
def test_words_finders_of_a_few_words_sharing_nothing(words, text):
    finders = words_finders(tuple(words))
    assert any(f.search(text) is not None for f in finders) == any(w in text for w in words), (words, text)


# --- substitution.word_lines: every line holding each word, overlapping occurrences too ------------


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="法制宣传日教育", min_size=1, max_size=4), min_size=1, max_size=6), st.data())
def test_word_lines_finds_every_line_holding_each_word(words, data):
    from types import SimpleNamespace

    pieces = st.one_of(st.sampled_from(words), st.text(alphabet="法制宣传日教育a\n", max_size=3))
    text = "".join(data.draw(st.lists(pieces, max_size=8)))
    lines = text.split("\n")
    report = SimpleNamespace(_memo={}, _clean_text=text, _line_starts=None)
    report.__dict__["_line_starts"] = [0, *(i + 1 for i, ch in enumerate(text) if ch == "\n")]
    vocabulary = frozenset(words)
    expected = {w: {n for n, line in enumerate(lines, start=1) if w in line} for w in vocabulary}
    for finders in (substitution.vocabulary_finders(tuple(vocabulary)), (("", words_regex(tuple(vocabulary))),)):
        report._memo.clear()  # a finder per first character, then one regex of every word
        found = substitution.word_lines(report, 1, finders, vocabulary)
        assert found == {w: n for w, n in expected.items() if n}, (words, text, finders)


# --- whitespace._indent_counts: the indents counted from the whole text, as line by line ------------


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=" \t\u3000\u00a0\u2002a法", max_size=5), min_size=1, max_size=8))
def test_indent_counts_are_those_of_each_line(lines):
    from collections import Counter
    from types import SimpleNamespace

    report = SimpleNamespace(_clean_text="\n".join(lines))
    indents, blank = whitespace._indent_counts(report)
    plain = [re.match(f"[{re.escape(ALL_SPACES)}]*", line).group() for line in lines]
    assert indents == Counter(i for i, line in zip(plain, lines) if i and len(i) < len(line)), lines
    assert blank == sum(1 for i, line in zip(plain, lines) if i and len(i) == len(line)), lines


# --- lines_holding: the lines holding one of the words, from a scan per group of them --------------


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.lists(_GROUPED, min_size=1, max_size=8),
        st.lists(st.text(alphabet="法治十五七八a", min_size=1, max_size=4), min_size=1, max_size=8),
    ),
    st.data(),
)
def test_lines_holding_are_the_lines_holding_a_word(words, data):
    from types import SimpleNamespace

    pieces = st.one_of(st.sampled_from(words), st.text(alphabet="党的15大届中全会法治十五七八a\n", max_size=3))
    text = "".join(data.draw(st.lists(pieces, max_size=8)))
    report = SimpleNamespace(_clean_text=text, _line_starts=[0, *(i + 1 for i, ch in enumerate(text) if ch == "\n")])
    expected = {n for n, line in enumerate(text.split("\n"), start=1) if any(w in line for w in words)}
    assert lines_holding(report, tuple(words)) == expected, (words, text)


def test_lines_holding_scans_for_the_strings_groups_share():
    from checker.kinds._textscan import _line_finders

    plans = ("法治中国建设规划", "法治社会建设实施纲要", "十三", "十四", "法治政府建设实施纲要", "十五", "八五", "七五")
    assert [f.pattern[:2] for f in _line_finders(plans)] == ["法治", "十(", "五("]
    assert [f.pattern for f in _line_finders(("习近平", "新时代中"))] == ["新时代中", "习近平"]


# --- matching_lines: kept per report by the regex's id, the regex kept with it ----------------------


def test_matching_lines_keeps_each_regexs_own_lines():
    from checker.kinds import _textscan

    report = _report("法治宣传\n年度报告\n法治\n报告")
    regexes = [re.compile(p) for p in ("法治", "报告", "年度", "缺")]
    for _ in range(2):  # the second time from the memo
        for regex in regexes:
            expected = {n for n, line in enumerate(report.doc.lines, start=1) if regex.search(line.text)}
            assert _textscan.matching_lines(report, regex) == expected, regex.pattern
    # a regex made anew with the same pattern is another object: its lines worked out again, the same
    assert _textscan.matching_lines(report, re.compile("报告", re.IGNORECASE)) == {2, 4}


def test_to_line_end_of_many_regexes(monkeypatch):
    from checker.kinds import _textscan

    monkeypatch.setattr(_textscan, "_MOST_LINE_END", 3)
    regexes = [re.compile(f"a{n}") for n in range(8)]
    for regex in regexes * 2:  # the table emptied when full: each regex still gets its own
        assert _textscan._to_line_end(regex).pattern == f"(?:{regex.pattern})[^\n]*"
    assert len(_textscan._LINE_END) <= 3
