"""Content evidence — content of ROLE must be reported, and as a part of its own.

## What it checks
Evidence is a sentence in which a principal of the role's ``principals``
(党政主要负责人, 党委书记, 镇长 …) does one of its ``acts`` (主持, 部署, 带头学法,
述法 …): the act after the principal, the principal not someone else's (组织各村
党支部书记述法 is not; ``principal_not_before``).  Roles without principals use
``content_all``: every word of one group in the sentence.  Text inside the
``ignore_inside`` brackets is no evidence (a citation of
《党政主要负责人履行推进法治建设第一责任人职责规定》 is not a report of the duty),
nor are sentences with ``content_not`` words (履职不到位, 自评得分), nor the parts
whose roles are in ``exclude_roles`` (a plan to strengthen the duty is not a
report of it), nor a sentence of the opening that only announces the parts
(…报告如下).

- ``mode = "missing"`` fires when no section heading carries the role and no
  evidence sentence exists anywhere.
- ``mode = "buried"`` fires when evidence exists but no section at level
  ``max_level`` or above, nor at the top of the outline (a report that numbers its parts
  （一） （二） …), carries the role: the content is buried inside another part.

## Why it matters
The regulation requires a report on how the 党政主要负责人 performed their duty
as 第一责任人; reviewers look for it as a part of its own.

## Parameters
- ``role``, ``mode`` (missing | buried), ``max_level`` (default 1), ``exclude_roles``.

## Placeholders
``{heading}``: the heading of the part where the evidence was found.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..analyze.roles import ACT_WINDOW, principal_act
from ..model import Diagnostic
from ..report import _SENTENCE_RE, Segment
from . import _sections
from ._textscan import matching_lines, words_regex
from .base import diagnostic

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "content_evidence"
NEEDS_ROLES = True
PLACEHOLDERS = ("heading",)


@dataclass(frozen=True)
class Params:
    """What a rule of the ``content_evidence`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    role: str
    mode: str = "missing"
    max_level: int = 1
    exclude_roles: tuple[str, ...] = ("plan",)


def validate(params: Params, ruleset) -> str:
    if params.role not in ruleset.roles:
        return f"未定义的角色 {params.role}"
    role = ruleset.roles[params.role]
    if not role.content_all and not (role.principals and role.acts):
        return f"角色 {params.role} 既没有 content_all，也没有 principals 和 acts，无法查找内容证据"
    if params.mode not in ("missing", "buried"):
        return "mode 只能是 missing 或 buried"
    return ""


@lru_cache(maxsize=64)
def _masker(pairs: tuple[str, ...]):
    if not pairs:
        return lambda text: text
    alternatives = "|".join(
        f"{re.escape(p[0])}[^{re.escape(p[0])}{re.escape(p[1])}]*{re.escape(p[1])}" for p in pairs if len(p) == 2
    )
    regex = re.compile(alternatives)
    return lambda text: regex.sub(lambda m: "□" * len(m.group()), text)


def _needed_words(role) -> tuple[str, ...] | None:
    """Evidence holds one of these: a principal, or a word of each ``content_all`` group (None: any
    sentence may be evidence, a group being empty)."""
    if role.principals:
        words = role.principals
    elif all(role.content_all):
        words = tuple(word for group in role.content_all for word in group)
    else:
        return None
    return words if all(words) else None  # an empty word is in every sentence


def find_evidence(report, role_name: str, exclude_roles: tuple[str, ...]):
    """Yield (segment, section) for every sentence that evidences ``role_name``.

    With ``principals`` and ``acts`` in the role's table, evidence is a principal doing
    something (the act after the principal, the principal not someone else's); otherwise
    every word of one ``content_all`` group in the sentence.
    """
    role = report.roles[role_name]
    words = _needed_words(role)
    needed = acting(words or (), role.acts) if role.principals else words_regex(words or ())
    lines = matching_lines(report, needed) if words is not None else None  # one scan of the whole text
    if lines is not None and not lines:
        return
    candidates = _candidate_segments(report, exclude_roles, lines)
    if role.principals:
        yield from _principal_acting(report, role, needed, candidates)
        return
    mask = _masker(role.ignore_inside)
    for segment, section in candidates:
        if not _may_hold(segment.text, role):
            continue  # most segments: no sentence of theirs can be evidence
        for sentence in report.sentences(segment):
            text = mask(sentence.text)
            if any(word in text for word in role.content_not):
                continue
            if any(all(word in text for word in group) for group in role.content_all):
                yield sentence, section


@lru_cache(maxsize=64)
def acting(principals: tuple[str, ...], acts: tuple[str, ...]) -> re.Pattern:
    """A principal and, starting within ``ACT_WINDOW`` characters after it on its line, an act: what
    every sentence in which a principal acts (``principal_act``) holds, and so its segment and line.
    principal_act finds the act in the window after the principal, cut at the sentence's end, in the
    sentence with its quotes masked (□ in their place): the same characters, fewer words.  It may
    also refuse what this finds (someone else's principal, a post in a list, a content_not word)."""
    principal, act = words_regex(principals).pattern, words_regex(acts).pattern
    return re.compile(f"(?:{principal})[^\n]{{0,{ACT_WINDOW}}}?(?:{act})")


def _principal_acting(report, role, acting_re: re.Pattern, candidates):
    """(sentence, section) where a principal acts (``principal_act``), among the ``candidates``: only
    a segment and a sentence in which :func:`acting` finds a principal and an act after it are asked."""
    for segment, section in candidates:
        for sentence in acting_sentences(segment, acting_re):
            if principal_act(sentence.text, role):
                yield sentence, section


def acting_sentences(segment: Segment, acting_re: re.Pattern) -> list[Segment]:
    """The sentences of ``report.sentences(segment)`` in which ``acting_re`` finds a match: the
    sentences are read in the segment's text (a search between a sentence's ends reads what a
    search of the sentence reads: the regex looks at nothing around its match) from the one in
    which the segment's first match starts, and only those with a match are made."""
    text = segment.text
    first = acting_re.search(text)
    if first is None:
        return []  # most segments: no sentence of theirs can be evidence
    line, col, at = segment.line, segment.col, first.start()
    search = acting_re.search
    return [
        Segment(line, col + m.start(), m.group())
        for m in _SENTENCE_RE.finditer(text)
        if m.end() > at and search(text, m.start(), m.end()) is not None
    ]


def evidence(report, role_name: str, exclude_roles: tuple[str, ...]):
    """:func:`find_evidence`'s sentences, found once per report, role and excluded roles: the two
    rules of a role (missing, buried) read the same sentences, each as far as it needs (the first
    one, most often), so the scan goes on only when a rule asks for more than was found."""
    key = ("content_evidence.evidence", role_name, exclude_roles)
    entry = report._memo.get(key)
    if entry is None:
        entry = report._memo[key] = ([], find_evidence(report, role_name, exclude_roles))
    found, more = entry
    i = 0
    while True:
        if i == len(found):
            following = next(more, None)
            if following is None:
                return
            found.append(following)
        yield found[i]
        i += 1


def _may_hold(text: str, role) -> bool:
    """Whether a sentence of ``text`` could be evidence: every word of one ``content_all`` group
    appears somewhere in it (masking quotes and splitting into sentences only take words away)."""
    return any(all(word in text for word in group) for group in role.content_all)


def _candidate_segments(report, exclude_roles, lines: frozenset[int] | None):
    """(segment, section) of the text that may be evidence: on ``lines`` (None: any line), not
    in a part whose role is excluded, not a sentence of the opening that announces the parts."""
    for segment in report.preamble_segments():
        if (lines is None or segment.line.number in lines) and "如下" not in segment.text:
            yield segment, None
    excluded = frozenset(exclude_roles)
    ordered = sorted(lines) if lines is not None else None
    lowest, highest = (ordered[0], ordered[-1]) if ordered else (0, 0)
    for section, section_roles in zip(_sections.sections(report), _sections.roles(report)):
        if ordered is not None and (
            section.end_line < lowest or section.line > highest or not _any_between(ordered, section.line, section.end_line)
        ):
            continue  # a section's text stands on its lines
        if not excluded.isdisjoint(section_roles):
            continue
        if ordered is None:
            own = [report.heading_segment(section), *_sections.own_segments(report, section)]
        else:
            own = own_segments_on(report, section, ordered)
        for segment in own:
            yield segment, section


def own_segments_on(report, section, ordered: list[int]) -> list[Segment]:
    """The heading segment and ``own_segments(report, section)`` that stand on the lines ``ordered``
    (ascending), the others not made: Report.body_segments' walk of the section's lines, passing
    over each sub-part's lines at its heading, making a body line's segment only on those lines."""
    doc_lines, kinds = report.doc.lines, report.outline.kinds
    found = []
    first = section.line
    if _any_between(ordered, first, first):
        found.append(report.heading_segment(section))
        if section.body_start_col >= 0:
            line = doc_lines[first - 1]
            found.append(Segment(line, section.body_start_col, line.text[section.body_start_col :]))
    after = ordered[bisect_right(ordered, first) : bisect_right(ordered, section.end_line)]
    if after and section.children:  # the lines of the section's own, among them
        children = {c.line: c for c in reversed(section.children)}  # the first on a line wins, as there
        wanted = set(after)
        after = [n for n in _walk_own_lines(children, first + 1, section.end_line) if n in wanted]
    for n in after:
        if kinds[n - 1] == "BODY":
            line = doc_lines[n - 1]
            if not line.text.isspace():
                found.append(Segment(line, 0, line.text))
    return found


def _walk_own_lines(children: dict, n: int, end: int) -> Iterator[int]:
    """The lines from ``n`` to ``end`` that Report.body_segments walks as the section's own: at a
    sub-part's heading it goes on after the sub-part."""
    while n <= end:
        child = children.get(n)
        if child is not None:
            n = child.end_line + 1
            continue
        yield n
        n += 1


def _any_between(ordered: list[int], first: int, last: int) -> bool:
    i = bisect_left(ordered, first)
    return i < len(ordered) and ordered[i] <= last


def _own_part(section, max_level: int) -> bool:
    """A part of its own: at ``max_level`` or above, or at the top of the outline (a report that
    numbers its parts （一） （二） …)."""
    return section.level <= max_level or section.parent is None


def _sections_with_role(report, role: str) -> list:
    """The sections given ``role`` by their heading or content, once per report and role."""
    key = ("content_evidence", role)
    found = report._memo.get(key)
    if found is None:
        of = report.outline_roles.of
        carrying = _sections.with_role(report, role)
        found = report._memo[key] = [s for s in carrying if of(s).evidence in ("heading", "content")]
    return found


def check(report: Report, rule: Rule[Params]) -> Sequence[Diagnostic]:
    if report.parts_unseen:
        return ()
    p = rule.params
    with_role = _sections_with_role(report, p.role)
    if p.mode == "missing":
        if with_role or next(evidence(report, p.role, p.exclude_roles), None) is not None:
            return ()
        return [diagnostic(rule, report.title_span, heading="")]
    if any(_own_part(s, p.max_level) for s in with_role):
        return ()
    for sentence, section in evidence(report, p.role, p.exclude_roles):
        if section is not None and p.role in report.roles_of(section) and _own_part(section, p.max_level):
            continue
        heading = section.heading if section is not None else "开头部分"
        return [diagnostic(rule, sentence.span(), heading=heading)]
    return ()
