"""What every rule kind shares: the two kind protocols, and building a Diagnostic from a rule and a span.

A kind is a module (yamllint's shape) with ``KIND``, a ``Params`` dataclass that
packs.py validates a rule's parameters into, and one of two functions:

* a per-report kind (:class:`ReportKind`): ``check(report, rule) -> Iterable[Diagnostic]``,
  run on one analysed report at a time (``fzcheck check``, the web page, each report of a review);
* a cross-report kind (:class:`CrossReportKind`): ``check_reports(reports, rule) -> Iterable[Diagnostic]``,
  run by a review over what it kept of every report (:class:`~checker.kinds._crossreport.CrossReport`);
  its Diagnostics are placed by file and line (``location``) and name the other places in ``related``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from string import Formatter
from types import ModuleType
from typing import TYPE_CHECKING, Protocol

from ..model import Diagnostic, Fix, Span, new_diagnostic

if TYPE_CHECKING:
    from ..packs import Rule
    from ..report import Report
    from ._crossreport import CrossReport


class ReportKind(Protocol):
    KIND: str
    Params: type

    def check(self, report: Report, rule: Rule) -> Iterable[Diagnostic]: ...


class CrossReportKind(Protocol):
    KIND: str
    Params: type

    def check_reports(self, reports: Sequence[CrossReport], rule: Rule) -> Iterable[Diagnostic]: ...


def is_cross_report(kind: object) -> bool:
    if isinstance(kind, ModuleType):  # a kind's module: its namespace says it (a miss costs no AttributeError)
        return "check_reports" in kind.__dict__
    return hasattr(kind, "check_reports")


class _Default(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _has_fields(template: str) -> bool:
    """False for a template ``format_map`` returns unchanged (no braces): most hints, many messages."""
    return "{" in template or "}" in template


def _names(template: str) -> frozenset[str] | bool | None:
    """What filling ``template`` asks of the values: None when nothing (no braces), else the names of
    its fields when each is looked up by a name (``{found}``, ``{x.y}``, ``{x[0]}``: ``format_map``
    reads the name from the mapping first), else True (a positional field, a malformed template:
    filled the general way, which raises as it always did)."""
    if not _has_fields(template):
        return None
    try:
        fields = [(name, spec) for _, name, spec, _ in Formatter().parse(template) if name is not None]
    except ValueError:
        return True
    names = [_FIRST_NAME.match(name).group() for name, _ in fields]  # type: ignore[union-attr]
    if not all(n.isidentifier() for n in names) or any("{" in spec for _, spec in fields):
        return True  # a nested field in a format spec is looked up too: left to the general way
    return frozenset(names)


_FIRST_NAME = re.compile(r"[^.\[]*")  # what format_map looks up in the mapping: the name before any .attr or [key]


class _Made:
    """What :func:`diagnostic` takes from one rule, read once per rule object (rules are frozen)."""

    __slots__ = (
        *("rule", "code", "name", "severity", "basis", "message", "hint", "fix"),  # the rule's own
        *("fills", "message_fields", "hint_fields", "names"),  # what filling its templates needs
    )

    def __init__(self, rule: "Rule") -> None:
        self.rule = rule  # kept alive: its id, the key, stays its own
        self.code, self.name, self.severity, self.basis = rule.code, rule.name, rule.severity, rule.basis
        self.message, self.hint, self.fix = rule.message, rule.hint, rule.fix
        message, hint = _names(rule.message), _names(rule.hint)
        self.message_fields, self.hint_fields = message is not None, hint is not None
        self.fills = self.message_fields or self.hint_fields  # False: both are written as they are
        # the names the two look up (True: one is filled the general way only)
        self.names = True if True in (message, hint) else frozenset().union(*(n for n in (message, hint) if n))


_MADE: dict[int, _Made] = {}  # id(rule) → what diagnostic() takes from it


def _made(rule: "Rule") -> _Made:
    if len(_MADE) > 4096:
        _MADE.clear()
    made = _MADE[id(rule)] = _Made(rule)
    return made


def diagnostic(rule: "Rule", span: Span, fix: Fix | None = None, **values: object) -> Diagnostic:
    made = _MADE.get(id(rule))
    if made is None or made.rule is not rule:
        made = _made(rule)
    # the rule's ``fix`` field may only lower what the kind proposes: "none" drops it, "unsafe" demotes it
    if fix is not None and made.fix:
        if made.fix == "none":
            fix = None
        elif made.fix == "unsafe" and fix.applicability == "safe":
            fix = Fix(fix.edits, "unsafe", fix.title)
    message, hint = made.message, made.hint
    if made.fills:
        # a missing name stays as written ({name}), None is written as nothing; when every name is
        # there and none is None, the values fill the templates as they are
        names = made.names
        if names is True or not values.keys() >= names or None in values.values():  # type: ignore[operator]
            values = _Default({k: "" if v is None else v for k, v in values.items()})
        if made.message_fields:
            message = message.format_map(values)
        if made.hint_fields:
            hint = hint.format_map(values)
    return new_diagnostic(made.code, made.name, made.severity, message, span, hint, made.basis, fix)  # type: ignore[arg-type]


_UNBUILT = object()


def per_rule(build):
    """Cache ``build(rule)`` per rule object: what a kind compiles from a rule's parameters (regexes,
    tables) is built once per loaded rule, not once per report."""
    built: dict[int, object] = {}  # id(rule) → build(rule)
    kept: list = []  # the rules built for, kept alive: an id in ``built`` stays its rule's

    def get(rule):
        hit = built.get(id(rule), _UNBUILT)
        if hit is _UNBUILT:
            kept.append(rule)
            hit = built[id(rule)] = build(rule)
        return hit

    return get
