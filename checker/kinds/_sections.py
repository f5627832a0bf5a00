"""The outline's sections and their roles, computed once per report for the structural kinds (not a kind).

A dozen rules walk the same outline and ask each section's roles; the outline and its roles no
longer change once a report is analysed, so the walk and the lookups are done once and kept in
``report._memo``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..analyze.roles import NO_ROLE
from ._textscan import sections as textscan_sections

if TYPE_CHECKING:
    from ..model import Section
    from ..report import Report

_INDEX = "sections.index"
_TEXT, _TEXTS = "sections.text", "sections.texts"
_NONE: tuple = ()


def sections(report: Report) -> tuple[Section, ...]:
    """Every section in outline order (``Outline.walk``)."""
    return (report._memo.get(_INDEX) or _index(report))[0]  # the memo read here: a dozen rules ask


def roles(report: Report) -> tuple[tuple[str, ...], ...]:
    """The roles of each section of :func:`sections`, in the same order."""
    return (report._memo.get(_INDEX) or _index(report))[1]


def with_role(report: Report, role: str) -> tuple[Section, ...]:
    """The sections carrying ``role``, in outline order (sub-parts inherit their parent's role)."""
    return (report._memo.get(_INDEX) or _index(report))[2].get(role, _NONE)


def parts_with_role(report: Report, role: str) -> tuple[Section, ...]:
    """The sections carrying ``role`` whose parent does not: each part once, its sub-parts with it."""
    return (report._memo.get(_INDEX) or _index(report))[3].get(role, _NONE)


def _index(report: Report) -> tuple:
    """(sections, their roles, role → the sections carrying it, role → its parts), once per report."""
    found = report._memo.get(_INDEX)
    if found is None:
        found = report._memo[_INDEX] = _walk_with_roles(report)
    return found


def _walk_with_roles(report: Report) -> tuple:
    """One pass over the outline's sections (``Outline.walk``'s order) that takes each section's roles
    and files the section under each of them, as a part when its parent does not carry the role."""
    get = report.outline_roles.by_section().get  # report.roles_of, without a call per section
    walked = textscan_sections(report)  # the walk the text kinds share
    walked_roles: list[tuple[str, ...]] = []
    carrying: dict[str, list] = {}
    parts: dict[str, list] = {}
    for section in walked:
        own = get(id(section), NO_ROLE).roles
        walked_roles.append(own)
        if not own:
            continue
        parent = section.parent
        parent_roles = _NONE if parent is None else get(id(parent), NO_ROLE).roles
        for role in dict.fromkeys(own) if len(own) > 1 else own:  # a role named twice files it once
            carrying.setdefault(role, []).append(section)
            if role not in parent_roles:
                parts.setdefault(role, []).append(section)
    return (
        walked,
        tuple(walked_roles),
        {role: tuple(found) for role, found in carrying.items()},
        {role: tuple(found) for role, found in parts.items()},
    )


def any_with_role(report: Report, role: str) -> bool:
    return bool(with_role(report, role))


def own_segments(report: Report, section: Section):
    """``report.body_segments(section, include_children=False)``: the run-in text and body lines of
    the section itself.  A section without sub-parts has no other text: its segments are those of
    ``body_segments(section)``, one list for both."""
    return report.body_segments(section, include_children=not section.children)


def own_texts(report: Report, section: Section) -> tuple[str, ...]:
    """The texts of :func:`own_segments`, in order: those of :func:`body_texts` for a section without
    sub-parts (no segments made), else the segments' own."""
    if not section.children:
        return body_texts(report, section)
    return tuple(segment.text for segment in report.body_segments(section, include_children=False))


def text_of(report: Report, section: Section) -> str:
    """``report.section_text(section)``, joined once per report (the part rules read the same parts)."""
    kept = report._memo.get(_TEXT)
    if kept is None:
        kept = report._memo[_TEXT] = {}
    found = kept.get(id(section))
    if found is None or found[0] is not section:
        found = kept[id(section)] = (section, "\n".join([section.heading, *body_texts(report, section)]))
    return found[1]


def body_texts(report: Report, section: Section) -> tuple[str, ...]:
    """The texts of ``report.body_segments(section)`` (sub-parts included), once per report, without
    making the segments: the part rules read the text alone.  One walk of the section gives the
    texts of every sub-part it walks too (each a run of the section's), kept with them."""
    kept = report._memo.get(_TEXTS)
    if kept is None:
        kept = report._memo[_TEXTS] = {}
    found = kept.get(id(section))
    if found is None or found[0] is not section:
        texts: list[str] = []
        walked: list[tuple[Section, int, int]] = []
        _walk_texts(report.doc.lines, report.outline.kinds, section, texts, walked)
        for part, start, end in walked:
            kept[id(part)] = (part, tuple(texts[start:end]))
        found = kept[id(section)]
    return found[1]


def _walk_texts(lines, kinds, section: Section, texts: list[str], walked: list) -> None:
    """Report.body_segments' walk, taking texts into ``texts``: the run-in text after the heading, then
    each line of the section's range either as a sub-part (the first on the line: its heading, then
    its texts, walked in turn) or, a BODY line with text, as a whole.  (section, start, end) of each
    section walked goes to ``walked``: its texts are ``texts[start:end]``."""
    start = len(texts)
    if section.body_start_col >= 0:
        texts.append(lines[section.line - 1].text[section.body_start_col :])
    children = {c.line: c for c in reversed(section.children)} if section.children else None
    n, end = section.line + 1, section.end_line
    while n <= end:
        child = children.get(n) if children else None
        if child is not None:
            texts.append(child.heading)
            _walk_texts(lines, kinds, child, texts, walked)
            n = child.end_line + 1
            continue
        text = lines[n - 1].text
        if kinds[n - 1] == "BODY" and text.strip():
            texts.append(text)
        n += 1
    walked.append((section, start, len(texts)))
