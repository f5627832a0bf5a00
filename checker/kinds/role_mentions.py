"""Role mentions — the text of the part playing ROLE must say one of WORDS.

## What it checks
Taken together, the sections that carry ``role`` mention at least one of
``words``, token-aligned (jieba), in their text: the body and the sub-headings.
The part's own heading is a promise, not evidence: a heading
“存在的不足和原因” over a body that only lists problems still fires, with
``message_promised`` when the heading names one of ``promise_words``.
Nothing fires when no section carries the role (a required_role rule reports
that).

## Why it matters
The regulation asks for the shortcomings *and their causes*; a list of problems
with no causes is the most common complaint of reviewers.

## Parameters
- ``role``: the role whose parts are searched.
- ``words``: the words that count in the text (原因, 究其原因, 由于, 根源 …).
- ``promise_words``: words in the heading that promise what the text must give (原因).
- ``message_promised``: the message when the heading promises it (default: ``message``).
- ``part``, ``part_label``: when given, the web checklist shows what this rule asks for as a line
  of its own (key ``part``, label ``part_label``), missing when the role's part is missing or this
  rule fires.

## Placeholders
``{heading}``: the heading of the part.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..model import Diagnostic
from ._sections import body_texts, parts_with_role, with_role
from ._strings import JIEBA_BLOCK
from ._textscan import words_regex
from .base import diagnostic, per_rule

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "role_mentions"
NEEDS_ROLES = True
PLACEHOLDERS = ("heading",)


@dataclass(frozen=True)
class Params:
    """What a rule of the ``role_mentions`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    role: str
    words: tuple[str, ...]
    promise_words: tuple[str, ...] = ()
    message_promised: str = ""
    part: str = ""  # a line of its own in the checklist under this key (causes), after its role's part
    part_label: str = ""  # that line's label (不足的原因)


def validate(params: Params, ruleset) -> str:
    if params.role not in ruleset.roles:
        return f"未定义的角色 {params.role}"
    if not params.words:
        return "words 不能为空"
    if "{" in params.message_promised.replace("{heading}", ""):
        return "message_promised 只能使用占位符 {heading}"
    return ""


def segmenter_words(params: Params) -> tuple[str, ...]:
    """Words the segmenter must keep whole for token-aligned matching."""
    return (*params.words, *params.promise_words)


def check(report: Report, rule: Rule[Params]) -> Sequence[Diagnostic]:
    if report.parts_unseen:
        return ()
    p = rule.params
    sections = with_role(report, p.role)
    if not sections:
        return ()
    seg = report.segmenter
    may_say = _may_say(rule)
    for section in parts_with_role(report, p.role):  # a sub-part's text is searched with its parent's
        for text in body_texts(report, section):
            if may_say(text) and says_any(seg, text, p.words):
                return ()
    # point at the most specific part: the deepest section with the role
    named = [s for s in sections if report.outline_roles.of(s).evidence == "heading"] or sections
    target = max(named, key=lambda s: s.level)
    if p.message_promised and any(seg.contains_any(s.heading, p.promise_words) for s in named):
        rule = _promised(rule)
    return [diagnostic(rule, report.heading_segment(target).span(), heading=target.heading)]


@per_rule
def _may_say(rule: Rule[Params]):
    """A quick test of a text before :func:`says_any`: one search for any of the words, each of which
    must be in the text for says_any to find it (every text passes when a word is empty)."""
    words = rule.params.words
    return words_regex(words).search if all(words) else _always


def _always(text: str) -> bool:
    return True


@per_rule
def _promised(rule: Rule[Params]) -> Rule[Params]:
    """The rule with ``message_promised`` as its message (made once per rule)."""
    return replace(rule, message=rule.params.message_promised)


def says_any(seg, text: str, words: tuple[str, ...]) -> bool:
    """Whether ``seg.contains_any(text, words)`` finds a word.  jieba cuts a text block by block (runs of
    :data:`JIEBA_BLOCK`), so a word made of such characters is looked up, token-aligned, in the blocks
    that hold it: the same tokens there, from a cut of a clause instead of the whole paragraph."""
    for word in words:
        if word not in text:
            continue
        if JIEBA_BLOCK.fullmatch(word) is None:
            if seg.find(text, word) != -1:
                return True
            continue
        for block in JIEBA_BLOCK.findall(text):
            if word in block and seg.find(block, word) != -1:
                return True
    return False
