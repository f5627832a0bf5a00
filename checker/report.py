"""The analysed report handed to every rule kind: document, outline, facts and helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator

from .analyze.tokens import Segmenter
from .model import Document, Facts, Line, Outline, Section, Span

_SENTENCE_RE = re.compile(r"[^。；;！？!?]+[。；;！？!?]?")


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of text on one line: cleaned text from column ``col`` of ``line``."""

    line: Line
    col: int
    text: str

    def span(self, start: int = 0, end: int | None = None) -> Span:
        end = len(self.text) if end is None else end
        return Span(self.line.offset(self.col + start), self.line.offset(self.col + end))


@dataclass(eq=False)
class Report:
    doc: Document
    outline: Outline
    facts: Facts
    segmenter: Segmenter
    roles: dict = field(default_factory=dict)

    def line(self, number: int) -> Line:
        return self.doc.lines[number - 1]

    def heading_segment(self, section: Section) -> Segment:
        return Segment(self.line(section.line), section.heading_col, section.heading)

    def body_segments(self, section: Section, include_children: bool = True) -> Iterator[Segment]:
        """The body text of a section: run-in text after its heading and its body lines."""
        if section.body_start_col >= 0:
            line = self.line(section.line)
            yield Segment(line, section.body_start_col, line.text[section.body_start_col :])
        child_lines = {c.line for c in section.children}
        n = section.line + 1
        end = section.end_line
        while n <= end:
            if n in child_lines:
                child = next(c for c in section.children if c.line == n)
                if include_children:
                    yield self.heading_segment(child)
                    yield from self.body_segments(child, True)
                n = child.end_line + 1
                continue
            line = self.line(n)
            if self.outline.kinds[n - 1] == "BODY" and line.text.strip():
                yield Segment(line, 0, line.text)
            n += 1

    def section_text(self, section: Section) -> str:
        return "\n".join([section.heading, *(s.text for s in self.body_segments(section))])

    def preamble_segments(self) -> Iterator[Segment]:
        for n in self.outline.preamble:
            line = self.line(n)
            if line.text.strip():
                yield Segment(line, 0, line.text)

    def all_body_segments(self) -> Iterator[Segment]:
        yield from self.preamble_segments()
        for section in self.outline.sections:
            yield self.heading_segment(section)
            yield from self.body_segments(section)

    @staticmethod
    def sentences(segment: Segment) -> Iterator[Segment]:
        for m in _SENTENCE_RE.finditer(segment.text):
            if m.group().strip():
                yield Segment(segment.line, segment.col + m.start(), m.group())

    def section_at_line(self, number: int) -> Section | None:
        best = None
        for section in self.outline.walk():
            if section.line <= number <= section.end_line:
                best = section  # walk is pre-order, so the deepest match comes last
        return best

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
