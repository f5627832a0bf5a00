"""What every rule kind shares: building a Diagnostic from a rule and a span."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Diagnostic, Fix, Span

if TYPE_CHECKING:
    from ..packs import Rule


class _Default(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def diagnostic(rule: "Rule", span: Span, fix: Fix | None = None, **values: object) -> Diagnostic:
    # the rule's ``fix`` field may only lower what the kind proposes: "none" drops it, "unsafe" demotes it
    if fix is not None and rule.fix == "none":
        fix = None
    elif fix is not None and rule.fix == "unsafe" and fix.applicability == "safe":
        fix = Fix(fix.edits, "unsafe", fix.title)
    fmt = _Default({k: "" if v is None else v for k, v in values.items()})
    return Diagnostic(
        code=rule.code,
        name=rule.name,
        severity=rule.severity,  # type: ignore[arg-type]
        message=rule.message.format_map(fmt),
        span=span,
        hint=rule.hint.format_map(fmt),
        basis=rule.basis,
        fix=fix,
    )


def per_rule(build):
    """Cache ``build(rule)`` per rule object: what a kind compiles from a rule's parameters (regexes,
    tables) is built once per loaded rule, not once per report."""
    cache: dict[int, tuple[object, object]] = {}

    def get(rule):
        hit = cache.get(id(rule))
        if hit is None or hit[0] is not rule:  # an id can be reused once a ruleset is gone
            hit = cache[id(rule)] = (rule, build(rule))
        return hit[1]

    return get
