"""Minimum items — the part playing ROLE lists too few items (of the required sort).

## What it checks
The parts carrying ``role`` are cut into items: their sub-parts if they have
any, else their run-in items (一是…二是…), else their sentences, leaving out
lead-in sentences (…主要表现在：, 但也存在一些问题) that only announce a list.
An item counts when it contains one of ``require_any`` (or, with
``count_figures``, an Arabic number); with no ``require_any`` every item counts.
Fires once, at the first such part, when fewer than ``min_items`` items count.

Two uses: the shortcomings part must list at least two problems; the plan
must contain at least one concrete measure (a time limit, a number, or an
action such as 开展, 组织, 制定, 召开 rather than 进一步加强, 持续深化).

## Why it matters
Reviewers return reports whose problems are a single vague sentence and whose
plans are slogans that could stand in any year's report.

## Parameters
- ``role``, ``min_items`` (default 2), ``require_any`` (default none),
  ``count_figures`` (default false), ``lead_in`` (words of lead-in sentences).

## Placeholders
``{heading}`` the part's heading, ``{count}`` the items that count, ``{min}`` the minimum.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from ..model import Diagnostic
from . import _sections
from ._role_part import at_part, part_sections, states_figure, undefined_role
from ._sections import text_of
from ._textscan import words_regex

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "min_items"
NEEDS_ROLES = True
PLACEHOLDERS = ("heading", "count", "min")

# A run-in number (一是, 十二是) at the start or after a sentence end or a space.  Written to open with
# one character class (the numeral's first character, its context checked just after it) so that re
# skips to the next numeral in C: the plain form, (?:^|(?<=[…]))(?:[二…九]?十[一…九]?|[一…九])是,
# tried every position (7× slower); the three branches are its alternatives in its order.
_AFTER = r"。；;：:！？!?\s"
_RUNIN = re.compile(
    rf"[一二三四五六七八九十](?<![^{_AFTER}].)"
    r"(?:(?<=[二三四五六七八九])十[一二三四五六七八九]?是|(?<=十)[一二三四五六七八九]?是|(?<=[一二三四五六七八九])是)"
)
_SENTENCE = re.compile(r"[^。；;！？!?\n][^。；;！？!?\n]*[。；;！？!?]?")  # [^…]+, opening with a class: re skips in C


@dataclass(frozen=True)
class Params:
    """What a rule of the ``min_items`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    role: str
    min_items: int = 2
    require_any: tuple[str, ...] = ()
    count_figures: bool = False
    lead_in: tuple[str, ...] = ("主要表现在", "表现为", "如下", "以下", "存在一些", "存在一定", "也存在", "仍存在", "还存在", "取得一定成效", "取得了一定成效")


def validate(params: Params, ruleset) -> str:
    return undefined_role(params.role, ruleset) or ("" if params.min_items >= 1 else "min_items 至少为 1")


def items(report, section) -> Iterator[str]:
    """The items of one part: sub-parts, else run-in items, else sentences without lead-ins (a
    sub-part's text is joined only when the count comes to it)."""
    if section.children:
        yield from (text_of(report, child) for child in section.children)
        return
    body = "\n".join(_sections.own_texts(report, section))
    numbers = _RUNIN.finditer(body) if "是" in body else iter(())  # every run-in number ends in 是
    first = next(numbers, None)
    if first is not None:  # from each run-in number to the next, found as the count comes to them
        start = first.start()
        for m in numbers:
            yield body[start : m.start()]
            start = m.start()
        yield body[start:]
        return
    yield from (m.group() for m in _SENTENCE.finditer(body) if m.group().strip())


def _is_lead_in(text: str, holds_lead_in) -> bool:
    return text.rstrip().endswith(("：", ":")) or holds_lead_in(text)


def _counts(item: str, p: Params, holds_required) -> bool:
    if not p.require_any and not p.count_figures:
        return True
    if holds_required(item):
        return True
    return p.count_figures and states_figure(item, ())


class _WordTests(NamedTuple):
    params: Params  # kept: its id stays its own while the entry is kept
    lead_in: Callable[[str], bool]
    required: Callable[[str], bool]


_TESTS: dict[int, _WordTests] = {}


def _word_tests(p: Params) -> _WordTests:
    """:func:`_holds_any` of ``lead_in`` and of ``require_any``, made once per rule's parameters (not a
    words_regex lookup, hashing the words, per item)."""
    tests = _TESTS.get(id(p))
    if tests is None or tests.params is not p:
        if len(_TESTS) >= 256:
            _TESTS.clear()
        tests = _TESTS[id(p)] = _WordTests(p, _holder(p.lead_in), _holder(p.require_any))
    return tests


def _holder(words: tuple[str, ...]) -> Callable[[str], bool]:
    """``lambda text: _holds_any(text, words)``, the words' regex found once."""
    if not words:
        return _never
    if "" in words:
        return _always
    search = words_regex(words).search
    return lambda text: search(text) is not None


def _never(text: str) -> bool:
    return False


def _always(text: str) -> bool:
    return True


def _holds_any(text: str, words: tuple[str, ...]) -> bool:
    """``any(word in text for word in words)``, with one search of the words' regex (an empty word is
    in every text)."""
    if not words:
        return False
    if "" in words:
        return True
    return words_regex(words).search(text) is not None


def counted(report: Report, sections: list, p: Params, enough: int) -> int:
    """How many items of the ``sections`` count, up to ``enough`` (no more are looked at: the part
    has enough items, whatever the rest)."""
    count = 0
    tests = _word_tests(p)
    for section in sections:
        for item in items(report, section):
            if not section.children and _RUNIN.match(item) is None and _is_lead_in(item, tests.lead_in):
                continue
            if _counts(item, p, tests.required):
                count += 1
                if count == enough:
                    return count
    return count


def check(report: Report, rule: Rule[Params]) -> Sequence[Diagnostic]:
    p = rule.params
    sections = part_sections(report, p.role)
    if not sections:
        return ()
    count = counted(report, sections, p, enough=p.min_items)  # every item when too few count
    if count >= p.min_items:
        return ()
    return [at_part(rule, report, sections, count=count, min=p.min_items)]
