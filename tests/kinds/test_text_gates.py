"""Shortcuts of the text-scanning kinds that skip lines or whole reports: each is replaced by its plain
form (read every line) and the findings compared, on random reports built from what the rule looks
for and fixed ones; and the conditions a shortcut rests on are checked."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.api import ruleset_for
from checker.config import Config
from checker.engine import active_rules, analyze
from checker.ingest import document_from_text
from checker.kinds import KINDS, official_name
from tests.kinds.test_scan_prefilters import TEMPLATE  # the same report, rewritten by the strategies

CONFIG = Config()
RULESET = ruleset_for(CONFIG)
RULES = {r.code: r for r in active_rules(RULESET, CONFIG)}


def _every_line(report, *_args) -> frozenset[int]:
    return frozenset(range(1, len(report.doc.lines) + 1))


def _findings(text: str, codes: tuple[str, ...]) -> list:
    report = analyze(document_from_text(text), RULESET, CONFIG, with_roles=True)  # nothing memoised from another run
    return [(code, list(KINDS[RULES[code].kind].check(report, RULES[code]))) for code in codes]


def _fast_and_plain(text: str, codes: tuple[str, ...], plain: list) -> tuple[list, list]:
    fast = _findings(text, codes)
    with pytest.MonkeyPatch.context() as mp:
        for module, name, replacement in plain:
            mp.setattr(module, name, replacement)
        return fast, _findings(text, codes)


def _report(extra: list[str]) -> str:
    return "\n".join(line + more for line, more in zip(TEMPLATE, extra)) + "\n"


# --- official_name: lines whose every anchor stands inside an official name are not read ------------

NAME_PIECES = [
    "习近平法治思想", "习近平新时代中国特色社会主义思想", "习近平新时代中国特色社会主义经济思想", "习近平生态文明思想",
    "习近平", "思想", "新时代中国特色社会主义思想", "习近平新时代中国特色社会主义", "新时代中", "习近平法制思想",
    "习近平总书记", "关于", "法治", "。", "，", "《", "》", "（一）", "一、", "1.", " ", "\u3000", "是", "\n",
    "习近平新时代中国特色社会主义法治思想", "习近平习近平法治思想", "思想思想",
]
NAME_LINE = st.lists(st.sampled_from(NAME_PIECES), max_size=10).map("".join)
OFFICIAL_NAME_PLAIN = [(official_name, "lines_to_read", _every_line)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(NAME_LINE, min_size=len(TEMPLATE), max_size=len(TEMPLATE)))
def test_official_name_skips_no_line_that_gives_a_finding(extra):
    fast, plain = _fast_and_plain(_report(extra), ("FZ503",), OFFICIAL_NAME_PLAIN)
    assert fast == plain


@pytest.mark.parametrize(
    "line",
    [
        "（一）学习习近平新时代中国特色社会主义。经济思想深入人心。",  # a heading's text ends inside a name
        "（一）学习贯彻习近平法治思想。习近平新时代中国特色社会主义",  # a run-in body with a stem
        "（二）新时代中国特色社会主义思想。学习习近平法治思想。",
        "深入学习习近平法治思想和习近平新时代中国特色社会主义思想，学习新时代中国特色社会主义思想。",
        "《习近平法治思想学习纲要》和习近平法制思想",
    ],
)
def test_official_name_on_lines_with_names_and_findings(line):
    text = "\n".join([*TEMPLATE[:4], line, *TEMPLATE[4:]]) + "\n"
    fast, plain = _fast_and_plain(text, ("FZ503",), OFFICIAL_NAME_PLAIN)
    assert fast == plain
    assert plain[0][1], "the fixed lines each give a finding"


def test_the_default_names_may_be_masked_and_a_self_overlapping_prefix_may_not():
    rule = RULES["FZ503"]
    assert official_name._compiled(rule).names is not None
    params = rule.params
    from dataclasses import replace

    assert not official_name._names_maskable(replace(params, prefix="习习"), official_name._compiled(rule).candidate)


@pytest.mark.parametrize(
    ("heading_col", "heading", "body_start_col", "kept"),
    [
        (3, "学习习近平新时代中国特色社会主义", 17, True),  # the heading's text ends inside 习近平…经济思想
        (3, "学习习近平", 8, True),  # the run-in body starts inside it
        (3, "学习", 5, False),  # pieces cut between names: each piece holds whole names only
        (3, "学习习近平新时代中国特色社会主义经济思想", -1, False),
        (2, "学习习近平", -1, True),  # the heading text is not the line's from its column: not known where it cuts
    ],
)
def test_official_name_reads_a_line_whose_pieces_cut_a_name(heading_col, heading, body_start_col, kept):
    from types import SimpleNamespace

    line = "一、 学习习近平新时代中国特色社会主义经济思想"
    report = analyze(document_from_text("\n".join([*TEMPLATE[:4], line, *TEMPLATE[4:]]) + "\n"), RULESET, CONFIG, with_roles=True)
    section = SimpleNamespace(heading_col=heading_col, heading=heading, body_start_col=body_start_col)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(official_name, "sections_by_line", lambda report: {5: (section,)})
        lines = official_name.lines_to_read(report, official_name._compiled(RULES["FZ503"]))
    assert (5 in lines) == kept


# --- pattern: a heading line whose matches all stand in its number is not read ---------------------

from checker.kinds import pattern  # noqa: E402
from checker.kinds._textscan import regions  # noqa: E402

PATTERN_CODES = tuple(code for code, rule in RULES.items() if rule.kind == "pattern")
PATTERN_PLAIN = [(pattern, "_regions_to_read", lambda report, comp, scope: regions(report, scope))]
HEADING_PIECES = ["(一)", "(1)", "(二)", "（一）", "1.", "一、", "(社区)", "(GDP)", "依法行政", " ", "\u3000", "，", ",", "。",
                  "中 国", "(", ")", "截止目前", "2024年", "[2019]28号", "（2019）28号"]
HEADING_LINE = st.lists(st.sampled_from(HEADING_PIECES), max_size=8).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(HEADING_LINE, min_size=4, max_size=4))
def test_pattern_reads_every_heading_that_may_give_a_finding(texts):
    numbers = ["(一)", "(二)", "(1)", "（三）"]
    body = [*TEMPLATE[:4], *(n + t for n, t in zip(numbers, texts)), *TEMPLATE[4:]]
    fast, plain = _fast_and_plain("\n".join(body) + "\n", PATTERN_CODES, PATTERN_PLAIN)
    assert fast == plain


@pytest.mark.parametrize(
    "heading",
    ["(一)依法行政", "(一)各村(社区)依法行政", "(1) 依法行政，中 国", "(一)(社区)", "(一", "(一)截止目前"],
)
def test_pattern_on_headings_numbered_with_half_width_brackets(heading):
    text = "\n".join([*TEMPLATE[:4], heading, "一是加强学习。", *TEMPLATE[4:]]) + "\n"
    fast, plain = _fast_and_plain(text, PATTERN_CODES, PATTERN_PLAIN)
    assert fast == plain
