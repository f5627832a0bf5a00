"""Signature — the 落款 (signer and 成文日期) at the end of the report: missing, late, or one signer.

## What it checks
The closing block is read from the end of the report: up to six short trailing lines that are a
date (2025年1月20日, 二〇二五年一月二十日, 2025年1月), an organ's name (…人民政府, 中共…委员会,
…党委, or a 乡 or 镇 named alone) or a note in brackets (（此件公开发布）).  An attachment list at the very end is passed over.  One
rule per ``check``:

- ``missing``: a complete report (a title and at least two parts, not a look-alike) whose
  closing block has neither a signer nor a date, and no web-page metadata before the title
  (发布机构, 成文日期: a page copied from a government site carries them there);
- ``late``: the 成文日期 is after ``deadline`` (month-day) of the year after the report year.
  Nothing is said when the report year was itself taken from that date;
- ``one_signer``: a 乡镇 report (a signer is a 乡 or 镇 organ) signed by only the 党委 or only the
  政府.

## Why it matters
Township reports go to the county 党委 and 政府 before 1 March, from the township 党委 and 政府
together; a report without signer and date cannot be filed, and a date after the deadline shows
it was late (or the date is a typo).

## Parameters
- ``check``: ``missing``, ``late`` or ``one_signer``.
- ``deadline``: ``"03-01"``: the last day, in the year after the report year (``late``).
- ``party_words``, ``government_words``: what marks a signer as the 党委 or the 政府.

## Placeholders
``{date}`` the 成文日期 as written; ``{deadline}`` the deadline (2025年3月1日); ``{signer}`` the
signer that is there (党委 or 政府); ``{missing}`` the one that is not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..model import Diagnostic, Span
from ..parse.numerals import cn_to_int, cn_year_to_int
from .base import diagnostic, per_rule

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report

KIND = "signature"
PLACEHOLDERS = ("date", "deadline", "signer", "missing")
CHECKS = ("missing", "late", "one_signer")
_WS = " \t\u3000\u00a0"
_NUM = "[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}"
_DATE = re.compile(
    rf"(?P<y>(?:19|20)[0-9]{{2}}|[〇零○一二][〇零○一二三四五六七八九]{{3}})\s*年\s*(?P<m>{_NUM})\s*月(?:\s*(?P<d>{_NUM})\s*日)?$"
)
_ORGAN = re.compile(r"(?:人民政府|政府|委员会|党委|党工委|办事处|管委会|办公室|司法所|局)$")
_NOTE = re.compile(r"^[（(][^（）()]{1,20}[）)]$")
_SENTENCE = re.compile(r"[。；;！!？?，,：:]")
_SPACES = re.compile(f"[{_WS}][{_WS}]*")  # [ws]+ opening with a class: re skips to the next space in C
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,12}(?:乡|镇|街道|苏木)$")
_TOWNSHIP = re.compile(r"[乡镇](?:人民政府|政府|委员会|党委)")


@dataclass(frozen=True)
class Params:
    """What a rule of the ``signature`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    check: str
    deadline: str = "03-01"
    party_words: tuple[str, ...] = ("中共", "中国共产党", "党委", "党工委")
    government_words: tuple[str, ...] = ("人民政府", "政府", "办事处")


def validate(params: Params, ruleset) -> str:
    if params.check not in CHECKS:
        return f"check 只能是 {'、'.join(CHECKS)}（不是：{params.check}）"
    m = re.fullmatch(r"(\d{2})-(\d{2})", params.deadline)
    if not m or not (1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2)) <= 31):
        return "deadline 应写成 “03-01” 的形式（月-日）"
    return ""


@dataclass(frozen=True)
class Closing:
    """The report's closing: the signing organs' lines and the date line with its date."""
    signers: tuple  # (line, stripped text) of each organ line
    date_line: object = None
    date_text: str = ""
    when: date | None = None


def _strip(text: str) -> str:
    return text.strip(_WS + "\r\n")


def _parse_date(text: str) -> tuple[str, date | None] | None:
    """The date at the end of ``text`` (as written) and its value (None when it is no real date)."""
    if not text.rstrip("\n").endswith(("月", "日")):
        return None  # _DATE ends with 月 or 日 (and $): no need to try it at every position of a long line
    m = _DATE.search(text)
    if m is None:
        return None
    raw_y = m.group("y")
    year = int(raw_y) if raw_y.isdigit() else cn_year_to_int(raw_y.replace("○", "〇"))
    month, day = (int(v) if v.isdigit() else cn_to_int(v) for v in (m.group("m"), m.group("d") or "1"))
    try:
        return m.group(), date(year, month, day)
    except ValueError:
        return m.group(), None


def _is_organ(text: str) -> bool:
    if _PLACE.match(text):
        return True  # 示例乡 alone under the text
    return len(text) <= 40 and _SENTENCE.search(text) is None and any(
        _ORGAN.search(part) for part in _SPACES.split(text) if part
    )


def _block_end(report: Report) -> int:
    """Index (0-based) after the last line the closing block may use: an attachment list at the very end is passed over."""
    kinds = report.outline.kinds
    end = len(kinds)
    while end > 0 and kinds[end - 1] in ("BLANK", "ATTACH"):
        end -= 1
    return end


def closing(report: Report) -> Closing:
    """The closing block, read once per report (three rules ask for it)."""
    found = report.__dict__.get("_closing")
    if found is None:
        found = report.__dict__["_closing"] = _read_closing(report)
    return found


def _read_closing(report: Report) -> Closing:
    lines, signers, found = report.doc.lines, [], None
    i, taken = _block_end(report) - 1, 0
    while i >= 0 and taken < 6:
        line = lines[i]
        text = _strip(line.text)
        i -= 1
        if not text:
            continue
        taken += 1
        # a date ends its line (the text stripped ends as it does without its spaces): the spaces are
        # taken out of a line that may be one, not out of each body line the block stops at
        dated = None
        if found is None and text.endswith(("月", "日")):
            compact = _SPACES.sub("", text)
            dated = _parse_date(compact)
        if dated is not None:
            found = (line, *dated)
            # the signer before the date on the same line; a run-on line (a flattened report) ends
            # with 。东风镇人民政府二○二五年一月十五日: the signer is what follows the last sentence
            tail = _SENTENCE.split(compact[: len(compact) - len(dated[0])])[-1]
            if tail and _is_organ(tail):
                signers.append((line, tail))
            if len(text) > 50:
                break  # the body runs on before it
        elif _is_organ(text):
            signers.append((line, text))
        elif not _NOTE.match(text):
            break
    if found is None:
        return Closing(tuple(signers))
    return Closing(tuple(signers), found[0], found[1], found[2])


def check(report: Report, rule: Rule[Params]) -> Sequence[Diagnostic]:
    facts = report.facts
    if facts.lookalike or facts.doc_type == "other":
        return ()
    return _CHECKS[rule.params.check](report, rule, closing(report))


def _last_line_span(report: Report) -> Span:
    for line in reversed(report.doc.lines):
        if line.text.strip():
            return Span(line.start, line.end)
    return Span(0, 0)


def _missing(report: Report, rule, found: Closing) -> Sequence[Diagnostic]:
    outline = report.outline
    if found.signers or found.date_line is not None or not outline.title_lines or len(outline.sections) < 2:
        return ()
    if "META" in outline.kinds:
        return ()
    return [diagnostic(rule, _last_line_span(report))]


def _late(report: Report, rule, found: Closing) -> Sequence[Diagnostic]:
    year = report.facts.year
    if found.when is None or year is None or report.facts.year_source == "signature":
        return ()
    month, day = _deadline(rule)
    deadline = date(year + 1, month, day)
    if found.when <= deadline:
        return ()
    line = found.date_line
    col = line.text.rfind(found.date_text[:4])
    span = Span(line.offset(col), line.end) if col >= 0 else Span(line.start, line.end)
    return [diagnostic(rule, span, date=found.date_text, deadline=f"{deadline.year}年{month}月{day}日")]


@per_rule
def _deadline(rule: Rule[Params]) -> tuple[int, int]:
    """(month, day) of the rule's ``deadline``, read once per rule."""
    month, day = (int(v) for v in rule.params.deadline.split("-"))
    return month, day


def _one_signer(report: Report, rule, found: Closing) -> Sequence[Diagnostic]:
    if not found.signers or not any(_TOWNSHIP.search(text) for _, text in found.signers):
        return ()
    params = rule.params
    party = any(w in text for _, text in found.signers for w in params.party_words)
    government = any(w in text for _, text in found.signers for w in params.government_words)
    if party == government:
        return ()
    line, _ = found.signers[-1]  # the first signer line in reading order
    signer, missing = ("党委", "政府") if party else ("政府", "党委")
    return [diagnostic(rule, Span(line.start, line.end), signer=signer, missing=missing)]


_CHECKS = {"missing": _missing, "late": _late, "one_signer": _one_signer}
