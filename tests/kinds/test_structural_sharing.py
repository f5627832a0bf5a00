"""The structural kinds share what their rules compute alike and stop once the verdict is known
(issue #13, throughput); none of it may lose or change a finding.

Each shortcut is defeated here (the shared or shortened computation replaced by the plain one) and
the findings of every rule compared, over random reports: parts present, missing, moved under
another part or combined, with sentences made of what these rules read (principals and their acts,
the areas of the 纲要, figures, run-in items, years, lead-ins and causes).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.analyze.roles import principal_act
from checker.api import ruleset_for
from checker.config import Config
from checker.engine import active_rules, analyze
from checker.ingest import document_from_text
from checker.kinds import (
    KINDS,
    _sections,
    content_evidence,
    coverage,
    min_items,
    mixed_forms,
    numbering,
    plenum,
    repeated_paragraph,
    role_mentions,
    year_relation,
)
from checker.kinds._textscan import words_regex

STRUCTURAL = {
    "content_evidence", "coverage", "has_figures", "repeated_paragraph", "min_items", "numbering", "signature",
    "role_mentions", "length", "year_relation", "plenum", "role_order", "mixed_forms", "empty_part", "title",
    "combined_roles", "required_role", "level_order", "flattened", "document_type",
}  # fmt: skip
CONFIG = Config()
RULESET = ruleset_for(CONFIG)
RULES = [r for r in active_rules(RULESET, CONFIG) if r.kind in STRUCTURAL]

WORDS = [
    "镇党委书记", "乡长", "党政主要负责人", "主要负责人", "各村党支部书记", "主持", "部署", "带头学法", "述法", "亲自",
    "为组长", "第一责任人", "职责", "不到位", "得分", "《党政主要负责人履行推进法治建设第一责任人职责规定》",
    "权责清单", "规范性文件", "重大行政决策", "行政执法", "应急", "调解", "政务公开", "数字政府", "党的领导",
    "谁执法谁普法", "学法平台", "普法", "126项", "3次", "两场", "2024年", "2025年", "2023年", "2025年将", "12月3日",
    "一是", "二是", "三是", "五是", "存在一些", "主要表现在：", "究其原因", "原因", "由于", "开展", "进一步加强", "召开",
    "，", "。", "；", "：", " ", "(一)", "1.", "1、", "二十届四中全会", "二十届中央委员会第四次全体会议", "《2026年规划》", "2026年计划",
]  # fmt: skip
SENTENCE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map("".join)
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=3).map("。".join)

HEADINGS = {
    "measures": "2024年度推进法治政府建设的主要举措和成效",
    "shortcomings": "2024年度推进法治政府建设存在的不足和原因",
    "first_responsible": "2024年度党政主要负责人履行推进法治建设第一责任人职责情况",
    "plan": "2025年度推进法治政府建设的主要安排",
    "combined": "存在的问题及2025年度工作计划",
    "other": "其他工作",
}
NUMERALS = "一二三四五六七八"


@st.composite
def reports(draw) -> str:
    """A title, an opening and parts in a random order, some with sub-parts, some with nothing."""
    parts = draw(st.lists(st.sampled_from(sorted(HEADINGS)), min_size=0, max_size=5))
    lines = ["示例乡2024年法治政府建设年度报告", "", draw(PARAGRAPH) + "，现将有关情况报告如下。"]
    for i, part in enumerate(parts):
        lines.append(f"{NUMERALS[i]}、{HEADINGS[part]}")
        for j in range(draw(st.integers(0, 2))):
            form = draw(st.sampled_from(["（{}）", "({})", "（{}）"]))  # mixed forms now and then
            lines.append(form.format(NUMERALS[j]) + f"{draw(SENTENCE)}。{draw(PARAGRAPH)}")
        lines.extend(draw(st.lists(st.one_of(PARAGRAPH, st.sampled_from(["", "　", "附件：1.名单"])), max_size=3)))
    lines.extend(draw(st.sampled_from([[], ["示例乡人民政府", "2025年1月20日"], ["中共示例乡委员会", "2025年4月2日"]])))
    for _ in range(draw(st.integers(0, 2))):  # a paragraph written twice, the copy perhaps with a space
        copied = draw(st.sampled_from(lines))
        lines.insert(draw(st.integers(0, len(lines))), copied.replace("，", " ，", 1) if draw(st.booleans()) else copied)
    return "\n".join(lines) + "\n"


def _findings(text: str) -> dict[str, list]:
    report = analyze(document_from_text(text), RULESET, CONFIG, with_roles=True)  # nothing memoised from another run
    return {rule.code: list(KINDS[rule.kind].check(report, rule)) for rule in RULES}


_COUNTED = min_items.counted


def _every_item(report, sections, p, enough):
    return _COUNTED(report, sections, p, 0)


def _own_segments_cut_again(report, section):
    return report.body_segments(section, include_children=False)


def _every_sentence_asked(report, role, acting_re, candidates):
    for segment, section in candidates:
        for sentence in report.sentences(segment):
            if principal_act(sentence.text, role):
                yield sentence, section


def _every_line_compared(keys, min_chars):
    return {key for key in keys if len(key) >= min_chars}


DEFEATS = {
    # each rule of a role scans the report for evidence itself
    "content_evidence: evidence found once for both rules": (content_evidence, "evidence", content_evidence.find_evidence),
    # every sentence of every candidate segment asked whether a principal acts in it
    "content_evidence: a principal and an act in the segment and sentence": (
        content_evidence, "_principal_acting", _every_sentence_asked
    ),
    # the lines read are those with a principal, acting or not
    "content_evidence: lines with a principal and an act after it": (
        content_evidence, "acting", lambda principals, acts: words_regex(principals)
    ),
    # every area searched in the text without the ignored phrases, however many were found
    "coverage: areas searched until enough": (coverage, "shows_enough", lambda text, rule: False),
    # every item counted, however many counted already
    "min_items: items counted until enough": (min_items, "counted", _every_item),
    # every line's key looked at, not only those written more than once
    "repeated_paragraph: only repeated keys": (repeated_paragraph, "_repeated", _every_line_compared),
    # every segment of the part asked whether it says a word, not only those holding one
    "role_mentions: a word in the segment": (role_mentions, "_may_say", lambda rule: lambda text: True),
    # every list of run-in items scanned number by number
    "numbering: a plain count up": (numbering, "_counts_up", lambda values: False),
    # every text's citations masked, with or without 《
    "year_relation: citations masked when there is one": (
        year_relation, "_masked", lambda text: year_relation._CITATION.sub(year_relation._box, text)
    ),
    # every level's forms counted by family
    "mixed_forms: one form at a level": (mixed_forms, "_one_form", lambda sections: False),
    # every segment of the report looked at for a plenum, not only those on lines with 届
    "plenum: lines with 届": (plenum, "body_segments_on", lambda report, lines: tuple(report.all_body_segments())),
    # a section's own text cut from its lines even when it has no sub-parts
    "_sections: own segments of a leaf section": (_sections, "own_segments", _own_segments_cut_again),
}


@pytest.mark.parametrize("name", sorted(DEFEATS))
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=reports())
def test_a_shortcut_finds_what_the_plain_computation_finds(name, text):
    module, attribute, plain = DEFEATS[name]
    fast = _findings(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(module, attribute, plain)
        assert _findings(text) == fast


def test_the_random_reports_give_the_findings_compared():
    """The reports drawn above reach the rules the shortcuts serve (a comparison of nothing proves nothing)."""
    text = (
        "示例乡2024年法治政府建设年度报告\n\n一是普法，现将有关情况报告如下。\n"
        "一、2024年度推进法治政府建设的主要举措和成效\n（一）强化领导。镇党委书记亲自主持。\n一是普法宣传。\n"
        "二、存在的问题及2025年度工作计划\n存在一些问题。\n"
    )
    found = {code for code, ds in _findings(text).items() if ds}
    assert {"FZ105", "FZ601", "FZ602", "FZ603", "FZ108"} <= found
    assert "FZ104" in {code for code, ds in _findings(text.replace("镇党委书记亲自主持", "召开会议")).items() if ds}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=reports())
def test_one_walk_gives_the_sections_roles_and_parts_of_the_plain_walk(text):
    """_sections walks the outline once for every section's roles and the sections and parts of each
    role: the same as Outline.walk, Report.roles_of and a section's parent."""
    report = analyze(document_from_text(text), RULESET, CONFIG, with_roles=True)
    walked = tuple(report.outline.walk())
    assert _sections.sections(report) == walked
    assert _sections.roles(report) == tuple(report.roles_of(s) for s in walked)
    for role in {*RULESET.roles, "other", "nothing"}:
        carrying = tuple(s for s in walked if role in report.roles_of(s))
        assert _sections.with_role(report, role) == carrying
        parts = tuple(s for s in carrying if s.parent is None or role not in report.roles_of(s.parent))
        assert _sections.parts_with_role(report, role) == parts


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="开展召开制度原因如下：: \n", max_size=12), st.lists(st.text(alphabet="开展召开如下", max_size=3), max_size=4))
def test_min_items_finds_a_word_as_in_does(text, words):
    """min_items looks for its require_any and lead_in words with one regex search: the answer of
    ``any(word in text for word in words)``, empty words and words inside words included."""
    assert min_items._holds_any(text, tuple(words)) == any(word in text for word in words)


ROLE = RULESET.roles["first_responsible"]
ACTING_PIECES = st.one_of(
    st.sampled_from([*ROLE.principals, *ROLE.acts, *ROLE.principal_not_before, *ROLE.principal_not_after]),
    st.sampled_from(["《", "》", "“", "”", "，", "。", "工作", "法治", "一二三四五六七八", "各"]),
)


PIECE_RUN = st.lists(ACTING_PIECES, max_size=4).map("".join)
# a principal, a gap of plain characters around the window's width, an act
AT_A_DISTANCE = st.tuples(
    PIECE_RUN, st.sampled_from(ROLE.principals), st.integers(0, 20), st.sampled_from(ROLE.acts), PIECE_RUN
).map(lambda t: t[0] + t[1] + "工" * t[2] + t[3] + t[4])


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.lists(ACTING_PIECES, max_size=10).map("".join), AT_A_DISTANCE))
def test_a_sentence_in_which_a_principal_acts_is_found_by_the_acting_regex(text):
    """content_evidence reads only the lines, segments and sentences that its acting regex finds: every
    sentence that principal_act accepts must be among them (acts at the edge of the window included).
    A sentence stands on one line: it holds no line end."""
    if principal_act(text, ROLE):
        assert content_evidence.acting(ROLE.principals, ROLE.acts).search(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=reports())
def test_a_sections_texts_are_those_of_its_segments(text):
    """The part rules read a section's texts without making its segments (_sections.body_texts and
    own_texts): the same texts as Report.body_segments with and without sub-parts, and the same joined
    text as Report.section_text."""
    report = analyze(document_from_text(text), RULESET, CONFIG, with_roles=True)
    for section in report.outline.walk():
        assert _sections.body_texts(report, section) == tuple(s.text for s in report.body_segments(section))
        assert _sections.text_of(report, section) == report.section_text(section)
        own = report.body_segments(section, include_children=False)
        assert _sections.own_texts(report, section) == tuple(s.text for s in own)
