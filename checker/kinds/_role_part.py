"""What the kinds that judge one part of a report share (has_figures, coverage, min_items): the
part's sections, the check of their ``role`` parameter and the finding at the part's heading (not a kind)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Diagnostic, Section
from . import _sections
from ._strings import _NOT_FIGURES, has_figure
from .base import diagnostic

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report


def undefined_role(role: str, ruleset) -> str:
    """The pack error for a ``role`` parameter that names no ``[roles.*]`` table, or ''."""
    return "" if role in ruleset.roles else f"未定义的角色 {role}"


def part_sections(report: Report, role: str) -> list[Section]:
    """The sections carrying ``role`` whose parent does not (sub-parts inherit their parent's role);
    none in a look-alike document (a notice, a plan), which has no parts to judge, nor in a flattened
    report that could not be split at its headings (FZ308), whose parts the checker did not see."""
    if report.parts_unseen:
        return []
    return list(_sections.parts_with_role(report, role))


def at_part(rule: Rule, report: Report, sections: list[Section], **values) -> Diagnostic:
    """The finding on the part, at the heading of its first section (``{heading}`` and ``values``)."""
    target = sections[0]
    return diagnostic(rule, report.heading_segment(target).span(), heading=target.heading, **values)


_DIGIT = re.compile(r"\d")
_TITLE = re.compile("《[^《》\n]*》")  # a quoted title, as mask_quoted(text, ("《》",)) finds it


def states_figure(text: str, classifiers: tuple[str, ...]) -> bool:
    """``has_figure(text, classifiers)``, answered at the first digit that is not part of a year or a
    date when there is one (the usual case: a part of measures states its first figure early),
    instead of masking every year and date of the whole text first; the Chinese counts are
    ``has_figure``'s to find."""
    if _first_figure_digit(text):
        return True
    return bool(classifiers) and has_figure(text, classifiers)


def _first_figure_digit(text: str) -> bool:
    """Whether a digit of ``text`` outside quoted titles (《》) is left once years and dates are masked
    as ``has_figure`` masks them (its masking regex, from the left, never overlapping).  That regex
    starts every match at a digit, so from each digit on: either it is inside a title (passed over),
    or it starts the next year or date (passed over: a year or date never runs into a title, whose 《
    it cannot read), or it is a digit that stays.  The titles are found from the left as the digits
    come, not masked in the whole text first."""
    titles = _TITLE.finditer(text) if "《" in text else iter(())
    title = next(titles, None)
    at = 0
    while True:
        digit = _DIGIT.search(text, at)
        if digit is None:
            return False
        at = digit.start()
        while title is not None and title.end() <= at:
            title = next(titles, None)
        if title is not None and title.start() <= at:
            at = title.end()  # a digit inside a title
            continue
        year_or_date = _NOT_FIGURES.match(text, at)
        if year_or_date is None:
            return True
        at = year_or_date.end()
