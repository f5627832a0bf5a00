"""Role mentions — the part playing ROLE must say one of WORDS (in its heading or body).

## What it checks
Taken together, the sections that carry ``role`` mention at least one of
``words``, token-aligned (jieba), in a heading or in the body.  Nothing fires
when no section carries the role (a required_role rule reports that).

## Why it matters
The regulation asks for the shortcomings *and their causes*; a list of problems
with no causes is the most common complaint of reviewers.

## Parameters
- ``role``: the role whose parts are searched.
- ``words``: the words that count (原因, 究其原因, 根源 …).

## Placeholders
``{heading}``: the heading of the part.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..model import Diagnostic
from .base import diagnostic

KIND = "role_mentions"
NEEDS_ROLES = True
PLACEHOLDERS = ("heading",)


@dataclass(frozen=True)
class Params:
    role: str
    words: tuple[str, ...]


def validate(params: Params, ruleset) -> str:
    if params.role not in ruleset.roles:
        return f"未定义的角色 {params.role}"
    if not params.words:
        return "words 不能为空"
    return ""


def check(report, rule) -> Iterator[Diagnostic]:
    if report.facts.lookalike:
        return
    sections = [s for s in report.outline.walk() if rule.params.role in s.roles]
    if not sections:
        return
    seg = report.segmenter
    for section in sections:
        if seg.contains_any(section.heading, rule.params.words):
            return
        for segment in report.body_segments(section):
            if seg.contains_any(segment.text, rule.params.words):
                return
    # point at the most specific part: the deepest section with the role
    named = [s for s in sections if s.role_evidence == "heading"] or sections
    target = max(named, key=lambda s: s.level)
    yield diagnostic(rule, report.heading_segment(target).span(), heading=target.heading)
