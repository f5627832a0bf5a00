"""Plain data shared by every stage: no logic beyond trivial properties.

Positions in the core are character offsets into ``Document.text`` (the decoded
text with newlines normalised to ``\\n``).  Line and column numbers are derived
once, at the edge, by :mod:`checker.positions`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Line:
    """One logical line (a paragraph for Word input) after cleanup.

    ``text`` is the cleaned text used by the parser and the rules.  ``start``
    is the offset of the line's first character in ``Document.text``.
    ``shifts`` maps cleaned columns back to raw columns where leftovers were
    removed: each ``(clean_col, removed)`` pair says that ``removed`` raw
    characters were dropped before cleaned column ``clean_col``.
    """

    number: int
    start: int
    text: str
    raw_length: int
    shifts: tuple[tuple[int, int], ...] = ()

    def offset(self, col: int) -> int:
        """Offset in ``Document.text`` of cleaned column ``col`` (0-based)."""
        raw = col
        if self.shifts:  # most lines had nothing removed
            for at, removed in self.shifts:
                if at <= col:
                    raw += removed
        return self.start + (raw if raw < self.raw_length else self.raw_length)

    @property
    def end(self) -> int:
        return self.start + self.raw_length


@dataclass(frozen=True, slots=True)
class Leftover:
    """A piece of conversion debris removed from the text before parsing."""

    start: int
    end: int
    text: str
    kind: str


def unfrozen_twin(cls: type) -> type:
    """A class with the slots of ``cls`` (a frozen slots dataclass) that is not frozen: an object of
    it is filled by plain assignments, then made a ``cls`` by setting its class (the two layouts are
    the same, so Python allows it).  The frozen class's ``__init__`` sets each field through
    ``object.__setattr__``, several times the cost, and the readers and rule kinds make thousands of
    lines and findings per second (new_document, new_diagnostic, cleanup.new_lines, formats.common.file_record)."""
    names = tuple(f.name for f in fields(cls))
    assert getattr(cls, "__slots__", None) == names, f"{cls.__name__}: its slots must be its fields, in order"
    return type(f"_{cls.__name__}Slots", (), {"__slots__": names, "__doc__": f"{cls.__name__}'s slots, not frozen."})


@dataclass(frozen=True, slots=True)
class Document:
    """A report as read: its text, its lines and how it was stored (encoding, newlines)."""
    path: str
    text: str
    lines: tuple[Line, ...]
    encoding: str = "utf-8"
    newline: str = "\n"
    bom: bool = False
    leftovers: tuple[Leftover, ...] = ()
    source: str = "text"  # text | markdown | docx | pdf
    # Human locations per line for non-text sources ("第3段", "第2页"), same length as lines or empty.
    locations: tuple[str, ...] = ()
    # Outline level per line from the source's own markup (Word heading styles), 0 = body; or empty.
    style_levels: tuple[int, ...] = ()


_DocumentSlots = unfrozen_twin(Document)  # new_document sets every one of its slots


def new_document(
    path: str, text: str, lines: tuple[Line, ...], encoding: str, newline: str, bom: bool, leftovers: tuple[Leftover, ...]
) -> Document:
    """``Document(path, text, lines, encoding, newline, bom, leftovers)`` of a plain text file, at a
    quarter of the cost of the frozen dataclass's __init__ (tests/ingest/test_plain_read.py holds the
    two equal)."""
    doc = _DocumentSlots()
    doc.path = path
    doc.text = text
    doc.lines = lines
    doc.encoding = encoding
    doc.newline = newline
    doc.bom = bom
    doc.leftovers = leftovers
    doc.source = "text"
    doc.locations = ()
    doc.style_levels = ()
    doc.__class__ = Document  # type: ignore[assignment]
    return doc  # type: ignore[return-value]


@dataclass(frozen=True, slots=True, init=False)
class Span:
    """A stretch of a document's text: offsets into it, end excluded."""
    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        # each slot set through its descriptor: a frozen dataclass's own __init__ goes through
        # object.__setattr__ per field, twice the cost (rules make a score of spans per report)
        _SPAN_START(self, start)
        _SPAN_END(self, end)


_SPAN_START, _SPAN_END = Span.start.__set__, Span.end.__set__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True, init=False)
class Edit:
    """Text to put in place of a span of the document."""
    start: int
    end: int
    replacement: str

    def __init__(self, start: int, end: int, replacement: str) -> None:
        _EDIT_START(self, start)  # each slot through its descriptor, as Span's
        _EDIT_END(self, end)
        _EDIT_REPLACEMENT(self, replacement)


_EDIT_START, _EDIT_END, _EDIT_REPLACEMENT = Edit.start.__set__, Edit.end.__set__, Edit.replacement.__set__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True, init=False)
class Fix:
    """The edits that fix one finding, whether applying them is safe, and what they do."""
    edits: tuple[Edit, ...]
    applicability: Literal["safe", "unsafe"] = "safe"
    title: str = ""

    def __init__(self, edits: tuple[Edit, ...], applicability: Literal["safe", "unsafe"] = "safe", title: str = "") -> None:
        _FIX_EDITS(self, edits)  # each slot through its descriptor, as Span's
        _FIX_APPLICABILITY(self, applicability)
        _FIX_TITLE(self, title)


_FIX_EDITS, _FIX_APPLICABILITY, _FIX_TITLE = Fix.edits.__set__, Fix.applicability.__set__, Fix.title.__set__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Location:
    """A place given by file and line rather than by offset: where a cross-report finding is, and the
    other places it names (SARIF's relatedLocations, ruff's notes); also where a review's diagnostic
    is once its report's text is gone (the review keeps located Diagnostics, not Documents)."""

    path: str
    line: int
    column: int = 1
    end_column: int = 1
    excerpt: str = ""  # the paragraph or text around the place
    entity: str = ""  # who wrote the report (the township), or ""
    mark: tuple[int, int] | None = None  # the finding inside ``excerpt``; None: all of it
    message: str = ""  # what the finding says to this report; "": the place is only named
    end_line: int = 0  # 0: the same line
    where: str = ""  # a human location for non-text sources (第3段, 第2页)

    @property
    def last_line(self) -> int:
        return self.end_line or self.line


@dataclass(frozen=True, slots=True, init=False)
class Diagnostic:
    """One finding: the rule's code and name, severity, message, place, basis, hint and fix."""
    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    hint: str = ""
    basis: str = ""
    fix: Fix | None = None
    # Cross-report findings: placed by ``location`` (file and line) instead of ``span``, naming the
    # other places involved in ``related``; ``summary`` says it for the whole group, ``score`` is the
    # similarity measured (0–1).
    location: Location | None = None
    related: tuple[Location, ...] = ()
    summary: str = ""
    score: float | None = None

    def __init__(
        self,
        code: str,
        name: str,
        severity: Severity,
        message: str,
        span: Span,
        hint: str = "",
        basis: str = "",
        fix: Fix | None = None,
        location: Location | None = None,
        related: tuple[Location, ...] = (),
        summary: str = "",
        score: float | None = None,
    ) -> None:
        # each slot set through its descriptor, as Span's: half the cost of the generated __init__
        # (tests/test_model_init.py holds the two equal)
        _D_CODE(self, code)
        _D_NAME(self, name)
        _D_SEVERITY(self, severity)
        _D_MESSAGE(self, message)
        _D_SPAN(self, span)
        _D_HINT(self, hint)
        _D_BASIS(self, basis)
        _D_FIX(self, fix)
        _D_LOCATION(self, location)
        _D_RELATED(self, related)
        _D_SUMMARY(self, summary)
        _D_SCORE(self, score)

    @property
    def places(self) -> tuple[Location, ...]:
        """Every place of a cross-report finding, where it is reported first."""
        return (self.location, *self.related) if self.location is not None else self.related


DIAGNOSTIC_SLOTS = ("code", "name", "severity", "message", "span", "hint", "basis", "fix", "location", "related", "summary", "score")
assert tuple(f.name for f in fields(Diagnostic)) == DIAGNOSTIC_SLOTS == Diagnostic.__slots__, "Diagnostic.__init__ sets these"
(_D_CODE, _D_NAME, _D_SEVERITY, _D_MESSAGE, _D_SPAN, _D_HINT, _D_BASIS, _D_FIX, _D_LOCATION, _D_RELATED, _D_SUMMARY, _D_SCORE) = (
    getattr(Diagnostic, name).__set__ for name in DIAGNOSTIC_SLOTS
)


_DiagnosticSlots = unfrozen_twin(Diagnostic)


def new_diagnostic(
    code: str, name: str, severity: Severity, message: str, span: Span, hint: str = "", basis: str = "", fix: Fix | None = None
) -> Diagnostic:
    """``Diagnostic(code, name, severity, message, span, hint, basis, fix)``, at a third of the cost: the
    rule kinds make some fifteen per report (kinds/base.diagnostic); tests/test_model_init.py holds the
    two equal."""
    d = _DiagnosticSlots()
    d.code = code
    d.name = name
    d.severity = severity
    d.message = message
    d.span = span
    d.hint = hint
    d.basis = basis
    d.fix = fix
    d.location = None
    d.related = ()
    d.summary = ""
    d.score = None
    d.__class__ = Diagnostic  # type: ignore[assignment]
    return d  # type: ignore[return-value]


@dataclass(slots=True)
class RunInItem:
    """一是/二是… inside a section's body.

    The offsets are kept as two ints and ``span`` made when asked for: a report has a score of
    items, few rules ask for their span, and a run of a thousand reports kept tens of thousands of
    Span objects for the garbage collector to walk at each full collection."""

    number: str
    value: int
    line: int
    start: int  # offset in Document.text of the numeral
    end: int  # offset just after 是

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(slots=True)
class Section:
    """A numbered section of the outline: its heading's number and form, text, lines and sub-sections."""
    level: int  # 1..4 by number form (一、 （一） 1. （1）)
    number: str  # the numeral as written: 一, 3, …
    value: int  # numeric value of the numeral
    marker: str  # the whole number as written: "一、", "(三)", "1．"
    form: str  # canonical form name: "一、", "（一）", "1.", "（1）" or a malformed variant
    canonical: bool  # the number is written the GB/T 9704 way
    heading: str  # heading text without the number, cut at the first 。
    line: int  # 1-based line of the heading
    end_line: int  # last line belonging to the section (inclusive)
    heading_offsets: tuple[int, int]  # (start, end) in Document.text: heading_span
    marker_offsets: tuple[int, int]  # (start, end) in Document.text: marker_span
    heading_col: int = 0  # column (0-based, cleaned) where the heading text starts
    body_start_col: int = -1  # column (0-based, cleaned) where run-in body text starts, -1 if none
    recovered: str = "numbered"  # how the heading was found: numbered | style | shape | split
    children: list["Section"] = field(default_factory=list)
    items: list[RunInItem] = field(default_factory=list)
    parent: "Section | None" = field(default=None, repr=False, compare=False)

    # The spans are made when asked for: a plain tuple of two ints is one object the garbage collector
    # stops tracking, a Span one it walks at each full collection while a run keeps the outline.
    @property
    def heading_span(self) -> Span:
        return Span(*self.heading_offsets)

    @property
    def marker_span(self) -> Span:
        return Span(*self.marker_offsets)

    def walk(self):
        """This section and every section under it, in document order (one generator, not one per level)."""
        stack = [self]
        while stack:
            section = stack.pop()
            yield section
            if section.children:
                stack.extend(reversed(section.children))


@dataclass(slots=True)
class Outline:
    """A report's structure: each line's kind, the title and preamble lines, the sections."""
    lines: tuple[Line, ...]
    kinds: tuple[str, ...]  # classified kind per line (TITLE, BODY, H1…)
    title_lines: tuple[int, ...] = ()  # 1-based line numbers
    preamble: tuple[int, ...] = ()
    sections: list[Section] = field(default_factory=list)
    attachments: tuple[int, ...] = ()  # 附件：1.… 2.… (GB/T 9704-2012 7.3.4): no section's lines
    signature: tuple[int, ...] = ()
    preamble_items: list[RunInItem] = field(default_factory=list)
    # a report flattened into one paragraph (checker/parse/split.py): "" lines as written,
    # "split" seen split at its heading markers, "unsplit" flattened and not split safely
    split: str = ""
    # every section in document order, made once the parser has finished the outline (see ``done``)
    _walked: tuple["Section", ...] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def title(self) -> str:
        return "".join(self.lines[n - 1].text.strip() for n in self.title_lines)

    def done(self) -> None:
        """The outline is complete (the parser calls this last): walk() answers from a tuple made now
        (rules walk the outline some thirty times per report)."""
        self._walked = tuple(self._walk())

    def unlink(self) -> None:
        """Cut every section's link to its parent (``parent`` is None afterwards), for a caller done
        with the outline: parents and children refer to each other, so an outline left as it is
        waits, with the thousand-odd objects of its report, for the cyclic garbage collector;
        unlinked, it is freed the moment its last user lets it go (batch.Job.piece, once a file's
        output is made)."""
        for section in self.walk():
            section.parent = None

    def walk(self):
        """Every section, in document order."""
        walked = self._walked
        return iter(walked) if walked is not None else self._walk()

    def _walk(self):
        """Every section, in document order (one generator, not one per level)."""
        stack = self.sections[::-1]
        while stack:
            section = stack.pop()
            yield section
            if section.children:
                stack.extend(reversed(section.children))


@dataclass(frozen=True, slots=True)
class Facts:
    """What a report says of itself: title, year, entity, document type and the like."""
    title: str
    year: int | None
    year_source: str  # title | preamble | signature (落款 date) | plan (the plan's year − 1) | config | ""
    entity: str
    doc_type: str  # report | summary | other
    lookalike: str  # name of a look-alike document type, or ""
