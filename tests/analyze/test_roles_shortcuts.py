"""The roles' shortcuts never skip what the plain tests find (property tests): a line is passed over
before its sentences are judged only when none of the words a sentence would need is in it."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.analyze.roles import _Judge
from checker.api import ruleset_for
from checker.config import Config
from checker.model import Outline

RULESET = ruleset_for(Config())
WORDS = sorted({w for role in RULESET.roles.values() for w in (*role.principals, *role.body_any, *role.next_year)})
PIECES = [*WORDS, "2024", "2025", "2026", "年", "明", "下一", "，", "。", "镇", "书记", "部署", "加强"]
line = st.lists(st.sampled_from(PIECES), max_size=6).map("".join)
YEARS = (None, 2023, 2024, 2025)


def plain_may_hold(judge: _Judge, name: str, text: str) -> bool:
    """The line test as it was written: the next year's digits or any next-year word for the plan, any
    principal (or else any body word) for the other roles."""
    role = RULESET.roles[name]
    if name == "plan":
        digits = str(judge.year + 1) if judge.year is not None else ""
        return (bool(digits) and digits in text) or any(w in text for w in role.next_year)
    return any(w in text for w in role.principals or role.body_any)


@settings(max_examples=300, deadline=None)
@given(line, st.sampled_from(YEARS))
@example("2025年工作计划", 2024)
@example("2025年工作计划", None)
@example("镇党委书记亲自部署", 2024)
@example("", 2024)
def test_a_line_passed_over_holds_none_of_the_words(text, year):
    judge = _Judge(Outline(lines=(), kinds=()), RULESET.roles, RULESET.segmenter(), year)
    for name, role in RULESET.roles.items():
        assert bool(judge._may_hold(name, role)(text)) == plain_may_hold(judge, name, text), name


def test_a_role_without_words_holds_nothing():
    from checker.analyze.roles import RoleDef

    judge = _Judge(Outline(lines=(), kinds=()), {}, RULESET.segmenter(), None)
    assert not judge._may_hold("other", RoleDef(name="other", label="其他"))("任何文字")


BODY = st.lists(st.sampled_from([*PIECES, "一是", "下一步", "明年"]), max_size=8).map("".join)
report = st.lists(st.tuples(st.sampled_from(["一、", "二、", "（一）", "1."]), line, BODY), min_size=1, max_size=4)


@settings(max_examples=200, deadline=None)
@given(report, st.sampled_from(YEARS), st.sets(st.sampled_from([*WORDS, "2025年", "2026年"]), max_size=3))
@example([("四、", "2025年工作计划", "下一步，明年继续。2025年加强。")], 2024, {"下一步"})
def test_the_first_evidence_is_the_first_of_the_whole_list(parts, year, skip):
    """first_evidence (the sentences judged until one answers) gives the first pair of the whole
    evidence list whose word is not skipped, before and after the list is worked out."""
    from checker.ingest import document_from_text
    from checker.parse.outline import parse_document

    outline = parse_document(document_from_text("\n".join(f"{marker}{head}\n{body}" for marker, head, body in parts)))
    for name in RULESET.roles:
        for section in outline.walk():
            judge = _Judge(outline, RULESET.roles, RULESET.segmenter(), year)
            whole = _Judge(outline, RULESET.roles, RULESET.segmenter(), year)._find_evidence(name, section, True)
            expected = next((pair for pair in whole if pair[0] not in skip), None)
            assert judge.first_evidence(name, section, frozenset(skip)) == expected
            judge.evidence(name, section)  # now from the list kept
            assert judge.first_evidence(name, section, frozenset(skip)) == expected


@settings(max_examples=200, deadline=None)
@given(report, st.sampled_from(YEARS), st.lists(st.sets(st.sampled_from([*WORDS, "2025年", "2026年"]), max_size=3), min_size=2, max_size=4))
@example([("四、", "2025年工作计划", "下一步，明年继续。2025年加强。")], 2024, [set(), {"2025年", "下一步"}, set()])
def test_the_first_evidence_asked_again_goes_on_from_where_it_stopped(parts, year, skips):
    """first_evidence asked several times of one section (the plan: where it is settled, then for its
    word), the judging taken up where the last answer stopped: each answer the whole list's."""
    from checker.ingest import document_from_text
    from checker.parse.outline import parse_document

    outline = parse_document(document_from_text("\n".join(f"{marker}{head}\n{body}" for marker, head, body in parts)))
    for name in RULESET.roles:
        judge = _Judge(outline, RULESET.roles, RULESET.segmenter(), year)
        for section in outline.walk():
            whole = _Judge(outline, RULESET.roles, RULESET.segmenter(), year)._find_evidence(name, section, True)
            for skip in skips:
                expected = next((pair for pair in whole if pair[0] not in skip), None)
                assert judge.first_evidence(name, section, frozenset(skip)) == expected


FIRST = RULESET.roles["first_responsible"]
ACT_PIECES = [*FIRST.principals, *FIRST.principal_not_before, *FIRST.principal_not_after, *FIRST.acts, *FIRST.content_not]
sentence = st.lists(st.sampled_from([*ACT_PIECES, "，", "《", "》", "“", "”", "镇", "会议", "研究"]), max_size=8).map("".join)


def plain_mask(text: str, pairs: tuple[str, ...]) -> str:
    """roles._mask as first written: the pairs' regex run over every text."""
    alternatives = "|".join(f"{re.escape(p[0])}[^{re.escape(p[0])}{re.escape(p[1])}]*{re.escape(p[1])}" for p in pairs if len(p) == 2)
    return re.sub(alternatives, lambda m: "□" * len(m.group()), text) if pairs else text


def plain_principal_act(sentence: str, role) -> str:
    """principal_act as first written: each word list searched word by word."""
    from checker.analyze.roles import ACT_WINDOW

    text = plain_mask(sentence, role.ignore_inside)
    if any(word in text for word in role.content_not):
        return ""
    for principal in role.principals:
        start = text.find(principal)
        while start != -1:
            before = text[max(0, start - 6) : start]
            after = text[start + len(principal) : start + len(principal) + ACT_WINDOW]
            if not any(word in before for word in role.principal_not_before) and not after.startswith(role.principal_not_after):
                act = next((a for a in role.acts if a in after), "")
                if act:
                    return f"{principal}…{act}"
            start = text.find(principal, start + 1)
    return ""


@settings(max_examples=400, deadline=None)
@given(sentence)
@example("镇党委书记亲自部署重大法治工作")
@example("组织各村书记述法")
@example("《镇党委书记亲自部署》")  # the principal only inside a title: masked
@example("“镇长”主持，书记主持")  # a principal masked, a later one (shorter, later in the table) acts
def test_the_principals_act_is_the_one_the_word_by_word_search_finds(text):
    from checker.analyze.roles import principal_act

    assert principal_act(text, FIRST) == plain_principal_act(text, FIRST)


def test_every_word_of_each_list_is_heard():
    """Each word before a principal, each act and each word that voids a sentence, one at a time."""
    from checker.analyze.roles import principal_act

    principal, act = FIRST.principals[0], FIRST.acts[0]
    cases = [f"{w}{principal}{act}" for w in FIRST.principal_not_before]
    cases += [f"{principal}{a}" for a in FIRST.acts] + [f"{principal}{act}{w}" for w in FIRST.content_not]
    for text in cases:
        assert principal_act(text, FIRST) == plain_principal_act(text, FIRST), text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["《", "》", "“", "”", "镇长", "主持", "，", "x"]), max_size=10).map("".join))
@example("《镇长》主持")
@example("“镇长")  # an opener without its closer: nothing masked
def test_the_mask_is_the_regexs_over_every_text(text):
    from checker.analyze.roles import _mask

    for pairs in (FIRST.ignore_inside, ("《》",), ("“”", "《》"), ("《",), ()):
        assert _mask(text, pairs) == plain_mask(text, pairs), pairs


def test_a_sub_part_belongs_to_its_parent_as_settle_would_have_it():
    """_belongs_to_parent settles a sub-part without calling settle: the same roles by line and the
    same shared SectionRole (its parent's roles and "parent", or "other" under a part without roles)."""
    from checker.ingest import document_from_text
    from checker.parse.outline import parse_document

    outline = parse_document(document_from_text("一、主要做法\n（一）学习\n二、其他\n（一）文字\n"))
    (first, second) = outline.sections
    for parent, roles in ((first, ("measures",)), (second, ()), (second, ("other",))):
        judge = _Judge(outline, RULESET.roles, RULESET.segmenter(), 2024)
        plain = _Judge(outline, RULESET.roles, RULESET.segmenter(), 2024)
        for j in (judge, plain):
            j.settle(parent, roles)
        child = parent.children[0]
        judge._belongs_to_parent(child, parent)
        expected = ("other",) if roles in ((), ("other",)) else roles
        plain.settle(child, expected, "" if expected == ("other",) else "parent")
        assert judge._roles_at == plain._roles_at
        assert judge.found[id(child)] is plain.found[id(child)]
