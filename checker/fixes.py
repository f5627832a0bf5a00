"""Apply fixes to a fixed point — pure: a Document in, a fixed Document out; nothing here
reads or writes files (``checker.fixmode`` does that for the command line).

A round checks the document, takes every fix that may be applied (safe ones; unsafe ones
too with ``unsafe=True``), keeps those whose edits do not overlap an edit already taken
(a fix is all-or-nothing), applies them, and checks again.  Rounds repeat until no
applicable fix is left, the text stops changing, or ``max_rounds`` is reached (then
``converged`` is false and the remaining fixes are left as findings).  Fixes that were
skipped for overlapping are simply found again in the next round.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from .model import Diagnostic, Document, Edit

MAX_ROUNDS = 10


@dataclass(frozen=True)
class FixOutcome:
    """What fixing one document to a fixed point gave: the fixed document, the fixes applied, what remains."""
    document: Document  # the fixed document (the input one when nothing applied)
    applied: Counter  # rule code → number of fixes applied
    rounds: int
    converged: bool
    result: object  # the check Result of the fixed document: the remaining findings
    blocked: Counter = field(default_factory=Counter)  # fixes the rebuild could not write (Word list numbers)

    @property
    def changed(self) -> bool:
        return sum(self.applied.values()) > 0

    def summary(self) -> str:
        """已修复 N 处：FZ401×3，FZ450×1 (codes in order)."""
        total = sum(self.applied.values())
        parts = "，".join(f"{code}×{n}" for code, n in sorted(self.applied.items()))
        return f"已修复 {total} 处：{parts}" if total else "没有可自动修复的问题"


def applicable(d: Diagnostic, unsafe: bool = False) -> bool:
    return d.fix is not None and bool(d.fix.edits) and (d.fix.applicability == "safe" or unsafe)


def _clash(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:  # an insertion clashes with anything at or around its point
        return a.start <= b.end and b.start <= a.end
    return a.start < b.end and b.start < a.end


def select_fixes(diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> list[Diagnostic]:
    """The applicable fixes whose edits overlap neither each other nor an earlier fix's edits.
    O(n log n): the edits taken so far are kept sorted and only their neighbours are compared."""
    candidates = sorted(
        (d for d in diagnostics if applicable(d, unsafe)),
        key=lambda d: (min(e.start for e in d.fix.edits), d.code),
    )
    starts: list[int] = []  # the taken edits never clash, so sorted by start they are sorted by end too
    taken: list[Edit] = []
    chosen: list[Diagnostic] = []
    for d in candidates:
        edits = d.fix.edits
        if any(_clashes_taken(e, starts, taken) for e in edits) or any(
            _clash(a, b) for i, a in enumerate(edits) for b in edits[i + 1 :]
        ):
            continue
        for e in edits:
            i = bisect_right(starts, e.start)
            starts.insert(i, e.start)
            taken.insert(i, e)
        chosen.append(d)
    return chosen


def _clashes_taken(e: Edit, starts: list[int], taken: list[Edit]) -> bool:
    j = bisect_right(starts, e.end) - 1  # the taken edits starting at or before e's end, latest first
    while j >= 0 and taken[j].end >= e.start:
        if _clash(e, taken[j]):
            return True
        j -= 1
    return False


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits (offsets into ``text``)."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    out: list[str] = []
    pos = 0
    for e in ordered:
        if e.start < pos or e.end < e.start or e.end > len(text):
            raise ValueError(f"overlapping or out-of-range edit {e!r}")
        out.append(text[pos : e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def rebuild_text(doc: Document, edits: list[Edit]) -> Document:
    """The default rebuild for text input: apply the edits to ``doc.text`` and re-read it,
    keeping the document's path, encoding, BOM, newline style and source."""
    from .ingest.cleanup import build_document

    fixed = build_document(apply_edits(doc.text, edits), path=doc.path, encoding=doc.encoding, bom=doc.bom, source=doc.source)
    if doc.source == "markdown":  # hide the markup from the parser again, as the reader did
        from .ingest.markdown import strip_markdown

        fixed = strip_markdown(fixed)
    return replace(fixed, newline=doc.newline)


def fix_document(
    doc: Document,
    check: Callable[[Document], object],
    rebuild: Callable[[Document, list[Edit]], Document | tuple[Document, list[Edit]]] = rebuild_text,
    unsafe: bool = False,
    max_rounds: int = MAX_ROUNDS,
) -> FixOutcome:
    """Fix ``doc`` to a fixed point.  ``check(doc)`` returns a Result (its ``diagnostics``);
    ``rebuild(doc, edits)`` returns the document with the edits applied (text or Word), or
    ``(document, skipped edits)`` when it could not apply some (a fix with a skipped edit is
    counted as blocked, not applied; a round that applies nothing ends the loop)."""
    applied: Counter = Counter()
    blocked: Counter = Counter()
    result = check(doc)
    rounds = 0
    while rounds < max_rounds:
        chosen = select_fixes(result.diagnostics, unsafe)
        if not chosen:
            return FixOutcome(doc, applied, rounds, True, result, blocked)
        built = rebuild(doc, [e for d in chosen for e in d.fix.edits])
        new_doc, skipped = built if isinstance(built, tuple) else (built, [])
        skipped_set = set(skipped)
        rounds += 1
        stuck = [d for d in chosen if any(e in skipped_set for e in d.fix.edits)]
        blocked = Counter(d.code for d in stuck)
        if new_doc.text == doc.text:
            # nothing changed: settled if every remaining fix is one the rebuild cannot write
            return FixOutcome(doc, applied, rounds, len(stuck) == len(chosen), result, blocked)
        applied.update(d.code for d in chosen if d not in stuck)
        doc = new_doc
        result = check(doc)
    return FixOutcome(doc, applied, rounds, not select_fixes(result.diagnostics, unsafe), result, blocked)


def fix_text(text: str, config=None, unsafe: bool = False, max_rounds: int = MAX_ROUNDS) -> FixOutcome:
    """Library entry point: fix a string under ``config`` (a :class:`checker.config.Config`).
    ``outcome.document.text`` is the fixed text (newlines normalised to ``\\n``)."""
    from .api import check_document
    from .ingest.cleanup import build_document

    return fix_document(
        build_document(text, path="<文本>"),
        lambda doc: check_document(doc, config),
        unsafe=unsafe,
        max_rounds=max_rounds,
    )
