"""Malformed number — a heading number written in a form GB/T 9704 / GB/T 15834 do not use.

## What it checks
Each numbered heading whose form is in ``forms``: by default the broken ones, a bracket
missing (（一  一）  1）) or the wrong mark after a Chinese numeral (一． 一. 一， 一:), and,
when ``spaced`` is on, a number followed by a space (一、 加强……).  A second rule over this
kind reports well-formed but non-standard forms used for a whole level ((一)、1、):
``skip_if_level_has_canonical`` leaves a level that also uses the standard form to the
mixed-forms rule, so one heading is never reported twice for its form.
The fix writes the standard number for the heading's level; removing the space, and
changing bracket width, are safe; any other rewrite is offered as a suggestion only.

## Why it matters
GB/T 15834-2011 appendix B.3 fixes the mark after each kind of number (顿号 after 一,
下脚点 after 1, nothing after a bracketed number); a broken number also misleads the
reader about the heading's level.

## Parameters
- ``forms``: the number forms to report (as classified: "（一", "一）", "一．", "1）", "(一)", "(1)", "1、").
- ``spaced``: also report a space between the number and the heading text.
- ``skip_if_level_has_canonical``: skip a form when its level also uses the GB/T 9704 form.

## Placeholders
``{found}``: the number as written; ``{expected}``: the standard number; ``{problem}``: what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from ..model import Diagnostic, Edit, Fix, Span
from ._outline_forms import canonical_marker, is_canonical_form, width_only
from ._textscan import sections
from .base import diagnostic

if TYPE_CHECKING:
    from ..model import Section
    from ..packs import Rule
    from ..report import Report

KIND = "malformed_number"
PLACEHOLDERS = ("found", "expected", "problem")
PROBLEMS = {
    "（一": "缺少右括号",
    "一）": "缺少左括号",
    "1）": "缺少左括号",
    "一．": "汉字序号后应使用顿号",
    "(一)": "应使用全角括号",
    "(1)": "应使用全角括号",
    "1、": "阿拉伯数字序号后应使用下脚点“.”",
}
SPACED = "序号与标题之间不应空格"


@dataclass(frozen=True)
class Params:
    """What a rule of the ``malformed_number`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    forms: tuple[str, ...] = ("（一", "一）", "一．", "1）")
    spaced: bool = True
    skip_if_level_has_canonical: bool = False


def validate(params: Params, ruleset) -> str:
    unknown = [f for f in params.forms if f not in PROBLEMS]
    if unknown:
        return f"forms 中有不认识的序号形式：{'、'.join(unknown)}（可用：{'、'.join(PROBLEMS)}）"
    return ""


class _Numbered(NamedTuple):
    """Every numbered heading of a report as the kind's rules read it, and what a rule needs to know
    to pass a report by: the forms its numbers take and whether any is followed by a space."""

    headings: list[tuple[Section, int, int, bool]]
    forms: frozenset[str]
    gapped: bool


def _numbered(report: Report) -> _Numbered:
    """(section, where the gap after its number starts and ends, whether that gap is a space before
    heading text) of every numbered heading (styled headings have none); once per report (the kind's
    rules share them)."""
    found = report._memo.get("malformed_number")
    if found is None:
        headings = []
        for section in sections(report):
            if section.number:
                start, end = section.marker_offsets[1], section.heading_offsets[0]
                headings.append((section, start, end, bool(section.heading) and end > start))
        forms = frozenset([heading[0].form for heading in headings])
        found = report._memo["malformed_number"] = _Numbered(headings, forms, any([heading[3] for heading in headings]))
    return found


def _canonical_levels(report: Report) -> set[int]:
    """The levels whose numbers use the GB/T 9704 form somewhere; once per report, when asked."""
    found = report._memo.get("malformed_number levels")
    if found is None:
        found = report._memo["malformed_number levels"] = {s.level for s, *_ in _numbered(report).headings if is_canonical_form(s)}
    return found


def check(report: Report, rule: Rule[Params]) -> list[Diagnostic] | tuple[()]:
    """The findings: none at once when no number takes one of the rule's forms and (when it reports
    spaces) none is followed by a space, as in most reports."""
    params = rule.params
    numbered = _numbered(report)
    if numbered.forms.isdisjoint(params.forms) and not (params.spaced and numbered.gapped):
        return ()
    return _findings(report, rule, numbered.headings)


def _findings(report: Report, rule: Rule[Params], headings: list[tuple[Section, int, int, bool]]) -> list[Diagnostic]:
    params = rule.params
    found = []
    for section, gap_start, gap_end, has_gap in headings:
        bad_form = section.form in params.forms
        if bad_form and params.skip_if_level_has_canonical and section.level in _canonical_levels(report):
            bad_form = False
        spaced = params.spaced and has_gap
        if not bad_form and not spaced:
            continue
        marker = section.marker.strip()
        expected, safe = _standard(section.level, section.value, section.marker) if bad_form else (marker, True)
        edits = []
        if bad_form:
            edits.append(Edit(*section.marker_offsets, expected))
        if spaced:
            edits.append(Edit(gap_start, gap_end, ""))
        problems = [PROBLEMS[section.form]] if bad_form else []
        if spaced:
            problems.append(SPACED)
        shown = report.doc.text[section.marker_offsets[0] : gap_end] if spaced else marker
        fix = Fix(tuple(edits), "safe" if safe else "unsafe", f"改为“{expected}”")
        found.append(diagnostic(rule, Span(section.marker_offsets[0], gap_end), fix=fix, found=shown, expected=expected, problem="，".join(problems)))
    return found


@lru_cache(maxsize=1024)
def _standard(level: int, value: int, marker: str) -> tuple[str, bool]:
    """The standard number of a heading of ``level`` numbered ``value``, and whether writing it for
    ``marker`` (as written) changes only bracket widths: once per number, not per heading (1、 2、 3、
    come back report after report)."""
    expected = canonical_marker(level, value)
    written = marker.strip()
    return expected, width_only(written, expected) and marker == written
