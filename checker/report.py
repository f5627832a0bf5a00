"""The analysed report handed to every rule kind: document, outline, facts and helpers."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from .analyze.roles import NO_ROLE, OutlineRoles, SectionRole
from .analyze.tokens import Segmenter
from .model import Document, Facts, Line, Outline, Section, Span

_SENTENCE_RE = re.compile(r"[^。；;！？!?]+[。；;！？!?]?")


class Segment(NamedTuple):
    """A piece of text on one line: cleaned text from column ``col`` of ``line`` (a tuple: rules make
    one per paragraph and sentence, and a tuple is made at half the cost of a frozen dataclass)."""

    line: Line
    col: int
    text: str

    def span(self, start: int = 0, end: int | None = None) -> Span:
        end = len(self.text) if end is None else end
        return Span(self.line.offset(self.col + start), self.line.offset(self.col + end))


@dataclass(eq=False)
class Report:
    """One document with everything the rules read: outline, facts, segmenter, the sections' roles."""
    doc: Document
    outline: Outline
    facts: Facts
    segmenter: Segmenter
    roles: dict = field(default_factory=dict)  # the packs' [roles.*] definitions by name
    outline_roles: OutlineRoles = field(default_factory=OutlineRoles)  # the roles analyze gave each section

    def roles_of(self, section: Section) -> tuple[str, ...]:
        """The roles analyze gave ``section`` (rules ask a hundred times per report: one lookup)."""
        return self._roles_by_section.get(id(section), NO_ROLE).roles

    @cached_property
    def _roles_by_section(self) -> Mapping[int, SectionRole]:
        return self.outline_roles.by_section()

    @property
    def parts_unseen(self) -> bool:
        """No verdict on the required parts: the file is a look-alike (FZ204), or a report flattened
        into one paragraph that could not be split at its headings (FZ308)."""
        return bool(self.facts.lookalike) or self.outline.split == "unsplit"

    def line(self, number: int) -> Line:
        return self.doc.lines[number - 1]

    def heading_segment(self, section: Section) -> Segment:
        return Segment(self.line(section.line), section.heading_col, section.heading)

    @cached_property
    def _memo(self) -> dict:
        """Segments computed once per report: many rules walk the same text (the outline no longer changes)."""
        return {}

    def body_segments(self, section: Section, include_children: bool = True) -> Iterator[Segment]:
        """The body text of a section: run-in text after its heading and its body lines."""
        key = (id(section), include_children)
        entry = self._memo.get(key)
        if entry is None or entry[0] is not section:
            entry = self._memo[key] = (section, self._body_segments(section, include_children))
        return iter(entry[1])

    def _body_segments(self, section: Section, include_children: bool) -> tuple[Segment, ...]:
        """body_segments worked out: a list built in one loop (a sub-part's own segments taken from its
        memo), not a generator resumed once per segment."""
        lines = self.doc.lines
        found: list[Segment] = []
        if section.body_start_col >= 0:
            line = lines[section.line - 1]
            found.append(Segment(line, section.body_start_col, line.text[section.body_start_col :]))
        children = {c.line: c for c in reversed(section.children)}  # the first child on a line wins, as before
        n = section.line + 1
        end = section.end_line
        kinds = self.outline.kinds
        while n <= end:
            child = children.get(n)
            if child is not None:
                if include_children:
                    found.append(self.heading_segment(child))
                    found.extend(self.body_segments(child, True))
                n = child.end_line + 1
                continue
            line = lines[n - 1]
            if kinds[n - 1] == "BODY" and not line.text.isspace():  # a BODY line has a character: not "" (strip())
                found.append(Segment(line, 0, line.text))
            n += 1
        return tuple(found)

    def section_text(self, section: Section) -> str:
        return "\n".join([section.heading, *(s.text for s in self.body_segments(section))])

    def preamble_segments(self) -> Iterator[Segment]:
        found = self._memo.get("preamble")
        if found is None:
            lines = (self.line(n) for n in self.outline.preamble)
            found = self._memo["preamble"] = tuple(Segment(line, 0, line.text) for line in lines if line.text.strip())
        return iter(found)

    def all_body_segments(self) -> Iterator[Segment]:
        found = self._memo.get("all")
        if found is None:
            found = [*self.preamble_segments()]
            for section in self.outline.sections:
                found.append(self.heading_segment(section))
                found.extend(self.body_segments(section))
            found = self._memo["all"] = tuple(found)
        return iter(found)

    @staticmethod
    def sentences(segment: Segment) -> Iterator[Segment]:
        """The sentences of a segment that are not blank (a list made in one comprehension, not a generator
        resumed once per sentence)."""
        line, col = segment.line, segment.col
        return iter([Segment(line, col + m.start(), m.group()) for m in _SENTENCE_RE.finditer(segment.text) if m.group().strip()])

    @cached_property
    def title_span(self) -> Span:
        if self.outline.title_lines:
            first = self.line(self.outline.title_lines[0])
            last = self.line(self.outline.title_lines[-1])
            return Span(first.start, last.end)
        return self.first_line_span

    @cached_property
    def first_line_span(self) -> Span:
        for line in self.doc.lines:
            if line.text.strip():
                return Span(line.start, line.end)
        return Span(0, 0)
