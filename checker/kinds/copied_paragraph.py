"""Copied paragraph — near-identical paragraphs in the reports of different entities.

## What it checks
Cross-report: only ``fzcheck review`` runs it; in ``fzcheck check`` (one report
at a time) it finds nothing.  Every body paragraph of at least ``min_chars``
characters is normalised (punctuation and spaces dropped, digit runs made
equal, the report's own entity name masked) and cut into overlapping
``shingle_size``-character shingles.  A MinHash signature of the shingles
(one-permutation hashing, 64 bins) estimates the Jaccard similarity of two
paragraphs; an LSH index over the signature bands finds the candidate pairs, so
the work grows with the number of paragraphs, not with its square.  Paragraphs
whose estimated similarity is at least ``threshold`` and that come from reports
of different entities form one finding that names every place.

Character shingles rather than jieba tokens: Chinese has no spaces, and an edit
changes how jieba cuts the words around it, which changes more word shingles
than character shingles; five characters are about two to three words, as
discriminating as word bigrams; and the shingles need no dictionary, so each
review worker starts without loading jieba's 0.7 s dictionary.

## Why it matters
Reviewers of hundreds of annual reports name formulaic and copied text as a
main defect: a paragraph copied from another township's report does not
describe this township's year.

## Parameters
- ``threshold``: estimated Jaccard similarity (0–1) from which two paragraphs count as copies (default 0.8).
- ``shingle_size``: characters per shingle (default 5).
- ``min_chars``: shortest paragraph compared, in characters after normalising (default 40).

## Placeholders
``{other}``: the other place(s) (单位、文件、行); ``{similarity}``: e.g. 96%;
``{count}``: how many other reports share the paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..model import Diagnostic

KIND = "copied_paragraph"
CROSS_REPORT = True
PLACEHOLDERS = ("other", "similarity", "count")


@dataclass(frozen=True)
class Params:
    threshold: float = 0.8
    shingle_size: int = 5
    min_chars: int = 40


def validate(params: Params, ruleset) -> str:
    return validate_shingles(params)


def validate_shingles(params) -> str:
    if not isinstance(params.threshold, (int, float)) or not 0 < params.threshold <= 1:
        return "threshold 必须是 0 到 1 之间的小数，如 0.8"
    if not 2 <= params.shingle_size <= 12:
        return "shingle_size 必须在 2 到 12 之间"
    if params.min_chars < params.shingle_size:
        return "min_chars 不能小于 shingle_size"
    return ""


def check(report, rule) -> Iterator[Diagnostic]:
    """Nothing per report: ``checker.review.copies`` compares the reports of a folder."""
    return iter(())
