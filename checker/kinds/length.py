"""Length — the report is far shorter or longer than the county's range.

## What it checks
The Chinese characters of the whole report (title and signature included,
conversion leftovers excluded) are counted; fewer than ``min_chars`` or more than
``max_chars`` fires once, at the title.  Set either bound to 0 to switch it off.
A text with no recognisable title is taken for an excerpt (one part pasted for
checking) and not judged; FZ201 reports a report without a title.

## Why it matters
A township report of a few hundred characters cannot cover the five items the
regulation asks for; one of tens of thousands is usually a compilation of
other documents.  Counties set their own range in a pack.

## Parameters
- ``min_chars`` (default 1500), ``max_chars`` (default 12000).

## Placeholders
``{count}`` the number of characters, ``{direction}`` 少于 or 多于, ``{limit}`` the bound crossed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Diagnostic
from ._strings import han_count
from ._textscan import clean_text
from .base import diagnostic

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "length"
PLACEHOLDERS = ("count", "direction", "limit")


@dataclass(frozen=True)
class Params:
    """What a rule of the ``length`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    min_chars: int = 1500
    max_chars: int = 12000


def validate(params: Params, ruleset) -> str:
    if params.min_chars < 0 or params.max_chars < 0:
        return "min_chars、max_chars 不能为负数"
    if params.max_chars and params.min_chars > params.max_chars:
        return "min_chars 不能大于 max_chars"
    return ""


# UTF-16 code units whose high byte is not that of a Han character: U+3400–U+4CFF and U+4E00–U+9FFF
# are whole high bytes; U+4D00–U+4DFF is Han only up to U+4DBF
_NOT_HAN_HIGH = bytes(b for b in range(256) if not (0x34 <= b <= 0x4C or 0x4E <= b <= 0x9F))


def han_chars(text: str) -> int:
    """``han_count(text)`` (Chinese characters, U+3400–U+4DBF and U+4E00–U+9FFF) counted on the
    high bytes of the text's UTF-16 code units, in C, instead of a regex match per run of them."""
    high = text.encode("utf-16-le", "surrogatepass")[1::2]
    if b"\x4d" in high:
        return han_count(text)
    return len(high.translate(None, _NOT_HAN_HIGH))


def holds_at_least(text: str, least: int) -> bool:
    """Whether ``text`` holds ``least`` Chinese characters or more (``han_chars(text) >= least``),
    counted from its start a piece at a time and no further once there are that many: most reports
    are past the minimum before the end (the count of the whole text is needed only for a finding)."""
    counted = at = 0
    while counted < least:
        if at >= len(text):
            return False
        step = max(least - counted, _LEAST_PIECE) * 5 // 4  # room for what is missing: most of a piece is Chinese
        counted += han_chars(text[at : at + step])
        at += step
    return True


_LEAST_PIECE = 256


def check(report: Report, rule: Rule[Params]) -> Sequence[Diagnostic]:
    if not report.outline.title_lines:
        return ()
    text = clean_text(report)
    p = rule.params
    if (not p.max_chars or len(text) <= p.max_chars) and holds_at_least(text, p.min_chars):
        return ()  # within both limits: no more Chinese characters than characters, and enough of them
    count = han_chars(text)
    if p.min_chars and count < p.min_chars:
        return [diagnostic(rule, report.title_span, count=count, direction="少于", limit=p.min_chars)]
    if p.max_chars and count > p.max_chars:
        return [diagnostic(rule, report.title_span, count=count, direction="多于", limit=p.max_chars)]
    return ()
