"""Foreign entity — a report that names another entity of the folder as if it were itself.

## What it checks
Cross-report: only ``fzcheck review`` runs it.  The short name of every
township in the folder is taken from its report (多玛乡 from 安多县多玛乡,
群加乡 and 群加藏族乡 from 湟中区群加藏族乡, 辛集乡 from 辛集乡人民政府).  A
report that writes the short name of another township of the folder is
reported at the first place it does, unless the sentence names a relation
between the two (one of ``allow_words``: 与、同、交流、毗邻 …), as in
“与多玛乡签订平安边界合作协议”, or unless the name is where an event took place:
a place word right before it (``event_before``: 在、赴 …) and an event word after it
in the same clause (``event_after``: 召开、举行、学习 …), as in “全县推进会在多玛乡召开”
or “赴多玛乡学习调解经验”.  Only names ending in one of ``suffixes``
count, so departments (局、办) that legitimately name each other are left alone.

## Why it matters
“我乡……多玛乡”in 辛集乡's report is the mark of a paragraph taken from 多玛乡's
report and not rewritten: the county sees at once that the text is not about
this township.

## Parameters
- ``suffixes``: endings of a township-level name (乡、镇、街道、苏木).
- ``allow_words``: words that, in the same sentence, make the mention a relation, not a slip.
- ``event_before``, ``event_after``: the words around a name that make it the place of an event
  (both needed in one clause: “在某某镇党委的领导下” is still reported).

## Placeholders
``{name}``: the other entity's name as written; ``{other}``: the file of that entity's report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Diagnostic, Location
from ._crossreport import CrossReport, Mention, current, finding, fmt, place

if TYPE_CHECKING:
    from ..packs import Rule

KIND = "foreign_entity"
PLACEHOLDERS = ("name", "other")


@dataclass(frozen=True)
class Params:
    """What a rule of the ``foreign_entity`` kind takes from its pack (its ``[rule.params]`` table in rules/*.toml)."""
    suffixes: tuple[str, ...] = ("乡", "镇", "街道", "苏木")
    allow_words: tuple[str, ...] = ()
    event_before: tuple[str, ...] = ()
    event_after: tuple[str, ...] = ()


def validate(params: Params, ruleset) -> str:
    if not params.suffixes or not all(params.suffixes):
        return "suffixes 不能为空，例如 [\"乡\", \"镇\", \"街道\"]"
    return ""



def check_reports(reports: Sequence[CrossReport], rule: Rule[Params]) -> list[Diagnostic]:
    """A report that writes the name of another township of the folder, at the first place it does."""
    reports = current(reports)
    owners: dict[str, CrossReport] = {}
    for r in reports:
        for name in r.names:
            owners.setdefault(name, r)
    if not owners:
        return []
    findings = []
    for r in reports:
        if r.names:  # not known as a township: its own name could be any of them
            findings.extend(_foreign_names(r, owners, rule))
    findings.sort(key=lambda f: (f.location.path, f.location.line, f.location.column))
    return findings


def _foreign_names(r: CrossReport, owners: dict[str, CrossReport], rule: Rule[Params]) -> list[Diagnostic]:
    longest = max(len(name) for name in owners)
    reported: set[str] = set()
    out = []
    for mention in sorted(r.mentions, key=lambda m: (m.line, m.end_column)):
        name = "" if mention.related else _known_name(mention, owners, longest)
        if not name or name in reported or _is_own(r, owners[name], name):
            continue
        reported.add(name)
        owner = owners[name]
        message = fmt(rule.message, name=name, other=f"{owner.file} 的单位")
        out.append(finding(rule, [_here(r, mention, name, message), place(owner, 1, 1, 1, owner.entity)], score=1.0))
    return out


def _known_name(mention: Mention, owners: dict[str, CrossReport], longest: int) -> str:
    """The longest known name the window ends with (a dict lookup per length, not a scan of all names)."""
    window = mention.window
    return next((window[-k:] for k in range(min(longest, len(window)), 1, -1) if window[-k:] in owners), "")


def _is_own(r: CrossReport, owner: CrossReport, name: str) -> bool:
    if owner.key == r.key or any(name in own or own in name for own in r.names):
        return True
    return bool(r.entity) and name in r.entity


def _here(r: CrossReport, mention: Mention, name: str, message: str) -> Location:
    at = len(mention.window) - len(name)
    start = mention.end_column - len(name)
    return place(r, mention.line, start, mention.end_column, mention.window, mark=(at, at + len(name)), message=message)
