"""Regexes of the text-scanning kinds rewritten to open with what they consume (a class or a literal),
so that ``re`` skips to the next possible first character in C: a look-behind, a repeat or a group
first makes it try the whole pattern at every position of the text.  Each rewrite must find exactly
what the pattern it replaced found: the two are compared on random and fixed texts, and every scan
of a whole text, a line or a sentence here is checked to open so."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.api import ruleset_for
from checker.config import Config
from checker.engine import active_rules
from checker.kinds import mixed_numerals, period, whitespace, year_form

try:  # Python 3.11+
    import re._compiler as _compiler
    import re._parser as _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

CLASSIFIERS = ("人次", "次", "场", "个月", "名", "件")
# (what the regex was, what it is now)
REWRITES = [
    (r"(?<![〇零○ＯO0一二三四五六七八九十])([〇零○ＯO0一二三四五六七八九]{4})(?=\s*年)", year_form._CN_YEAR),
    (r"(?<![\d.．/\-])(\d{2})(?=\s*年(?:\s*\d{1,2}\s*月|度))", year_form._SHORT_YEAR),
    (r"[〇零○ＯO0一二三四五六七八九]{4}(?=\s*年)", year_form._QUICK["zero"]),
    (r"\d{2}(?=\s*年(?:\s*\d{1,2}\s*月|度))", year_form._QUICK["abbreviated"]),
    (r"(?<![〇零○Ｏ一二三四五六七八九十])([〇零○ＯO一二三四五六七八九]{4})(?=\s*年)", mixed_numerals._CN_YEAR),
    (r"(?<!\d)((?:19|20)\d{2})(?=\s*年)", mixed_numerals._AR_YEAR),
    ("[" + re.escape("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f") + "]+", whitespace._INSIDE),
]
_ALT = "|".join(map(re.escape, sorted(CLASSIFIERS, key=len, reverse=True)))
_NUMERAL = "[一二两三四五六七八九十百千]"
REWRITES += list(
    zip(
        (
            rf"(?<![\d.．])(\d+)(?:余|多)?(?P<c>{_ALT})",
            rf"({_NUMERAL}+)(?:余|多)?(?P<c>{_ALT})(?!性)",
            rf"\d+(?:余|多)?(?:{_ALT})",
        ),
        mixed_numerals._count_res(CLASSIFIERS)[:3],
    )
)
ALPHABET = "0123456789.．/-〇零○ＯO一二三四五六七八九十两百千年度月余多性人次场个名件 \u3000\u00a0\u2002\u202f\n"


def _found(regex: re.Pattern, text: str, pos: int = 0) -> list:
    return [(m.span(), m.groups(), m.groupdict()) for m in regex.finditer(text, pos)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40), st.integers(0, 5))
def test_each_rewrite_finds_what_the_old_pattern_found(text, pos):
    for old, new in REWRITES:
        assert _found(new, text, pos) == _found(re.compile(old), text, pos), (old, text)


@pytest.mark.parametrize(
    "text",
    ["二〇二四年", "二〇二〇二四年", "十二〇二四年", "2024年", "12024年", "a2024 年", "24年3月", "124年度", ".24年度",
     "开展3次", "1.5次", "两三次", "十二场", "召开会议3次，培训两次", "\u00a0\u2002x\u202f", "二O二四年", "二0二四年"],
)
def test_each_rewrite_on_fixed_texts(text):
    for old, new in REWRITES:
        assert _found(new, text) == _found(re.compile(old), text), (old, text)


def _opens_with_what_it_consumes(regex: re.Pattern) -> bool:
    tree = _parser.parse(regex.pattern, regex.flags)
    flags = tree.state.flags
    return bool(_compiler._get_literal_prefix(tree, flags)[0] or _compiler._get_charset_prefix(tree, flags))


def test_the_scans_open_with_what_they_consume():
    config = Config()
    rule = next(r for r in active_rules(ruleset_for(config), config) if r.code == "FZ505")
    scans = [new for _old, new in REWRITES] + [period._compiled(rule).regex]
    assert all(_opens_with_what_it_consumes(regex) for regex in scans)
    assert not _opens_with_what_it_consumes(re.compile(REWRITES[0][0]))  # the check can fail


# --- period: which period a match of the alternation names ----------------------------------------

PERIOD_PIECES = ["十三五", "十四五", "十五五", "七五普法", "八五普法", "十三", "五五", "法治政府建设实施纲要", "（2021—2025年）",
                 "（2015-2020年）", "(2020—2025年)", "法治中国建设规划", "法治社会建设实施纲要", "2021", "—", "年", "）", "，"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PERIOD_PIECES), max_size=8).map("".join))
def test_the_period_a_match_names_is_the_named_group_that_matched(text):
    config = Config()
    rule = next(r for r in active_rules(ruleset_for(config), config) if r.code == "FZ505")
    comp = period._compiled(rule)
    named = re.compile("|".join(f"(?P<p{i}>{name.pattern})" for i, name in comp.names))
    assert [(m.span(), period._which(m, comp)) for m in comp.regex.finditer(text)] == [
        (m.span(), int(m.lastgroup[1:])) for m in named.finditer(text)
    ], text


def test_the_period_named_is_the_first_of_the_alternation_that_matches_there():
    from types import SimpleNamespace

    names = ((1, re.compile("十四五规划")), (0, re.compile("十四五")), (2, re.compile("十四")))
    comp = SimpleNamespace(names=names, regex=re.compile("|".join(n.pattern for _i, n in names)))
    assert [period._which(m, comp) for m in comp.regex.finditer("十四五规划，十四五，十四")] == [1, 0, 2]
