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
