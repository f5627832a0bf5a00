"""Shared helpers of the outline-numbering kinds: heading number forms and how to write them.

Form names are templates written with 一 or 1 (``"（一）"``, ``"1."``), as produced by
:mod:`checker.parse.classify`.  Not a kind: it has no ``KIND`` and is not in the registry.
"""

from __future__ import annotations

from ..model import Section
from ..parse.numerals import int_to_cn
from . import _sections

# GB/T 9704-2012 7.3.3: 一、 → （一） → 1. → （1）
CANONICAL = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}
# written the same way as far as a reader can tell: a full-width dot after an Arabic numeral
EQUIVALENT = {"1．": "1."}
LEVEL_NAMES = {1: "一级", 2: "二级", 3: "三级", 4: "四级"}


def render(form: str, number: str) -> str:
    """The marker of ``form`` for ``number``: render("（一）", "三") == "（三）"."""
    if "一" in form:
        return form.replace("一", number, 1)
    return form.replace("1", number, 1)


def numeral(level: int, value: int) -> str:
    return int_to_cn(value) if level in (1, 2) else str(value)


def canonical_marker(level: int, value: int) -> str:
    return render(CANONICAL[level], numeral(level, value))


def family(form: str) -> str:
    return EQUIVALENT.get(form, form)


def is_canonical_form(section: Section) -> bool:
    return family(section.form) == CANONICAL.get(section.level)


def width_only(found: str, expected: str) -> bool:
    """True when ``found`` differs from ``expected`` only by half-width brackets or spaces."""
    return found.replace("(", "（").replace(")", "）").replace(" ", "").replace("\u3000", "") == expected


def sibling_lists(report) -> tuple[list[Section], ...]:
    """The top-level sections and every section's children: the lists numbered together (once per report)."""
    found = report._memo.get("outline_forms.siblings")
    if found is None:
        lists = [[s for s in report.outline.sections if s.number]]
        for section in _sections.sections(report):
            if section.children:
                lists.append([s for s in section.children if s.number])
        found = report._memo["outline_forms.siblings"] = tuple(lists)
    return found
