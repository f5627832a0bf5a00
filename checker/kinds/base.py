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

from collections.abc import Iterable, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Protocol

from ..model import Diagnostic, Fix, Span

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


_FIELDS: dict[str, bool] = {}  # template → whether it has fields (the few templates of the loaded rules)


def _fields_of(template: str) -> bool:
    if len(_FIELDS) > 4096:
        _FIELDS.clear()
    found = _FIELDS[template] = _has_fields(template)
    return found


def diagnostic(rule: "Rule", span: Span, fix: Fix | None = None, **values: object) -> Diagnostic:
    # the rule's ``fix`` field may only lower what the kind proposes: "none" drops it, "unsafe" demotes it
    if fix is not None and rule.fix:
        if rule.fix == "none":
            fix = None
        elif rule.fix == "unsafe" and fix.applicability == "safe":
            fix = Fix(fix.edits, "unsafe", fix.title)
    message, hint = rule.message, rule.hint
    message_fields = _FIELDS.get(message)
    if message_fields is None:
        message_fields = _fields_of(message)
    hint_fields = _FIELDS.get(hint)
    if hint_fields is None:
        hint_fields = _fields_of(hint)
    if message_fields or hint_fields:
        fmt = _Default(values) if None not in values.values() else _Default({k: "" if v is None else v for k, v in values.items()})
        message = message.format_map(fmt) if message_fields else message
        hint = hint.format_map(fmt) if hint_fields else hint
    return Diagnostic(rule.code, rule.name, rule.severity, message, span, hint, rule.basis, fix)  # type: ignore[arg-type]


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
