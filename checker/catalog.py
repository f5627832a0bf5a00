"""Rule documentation built from the loaded packs and the kinds' docstrings (``fzcheck rules``)."""

from __future__ import annotations

import dataclasses
import re

from .kinds import KINDS
from .packs import Rule, RuleSet


FIX_LABELS = {  # a rule's ``fix`` field (docs/fixes.md)
    "safe": "fzcheck check --fix 会应用其中标为安全的修复（可先用 --diff 预览）",
    "unsafe": "仅作建议：只有加 --unsafe-fixes 才会应用",
    "none": "无：需手工修改",
}


def kind_section(kind_name: str, heading: str) -> str:
    doc = KINDS[kind_name].__doc__ or ""
    marker = f"## {heading}"
    if marker not in doc:
        return ""
    body = doc.split(marker, 1)[1].split("\n## ", 1)[0]
    return body.strip()


def rule_params(rule: Rule) -> dict:
    return dataclasses.asdict(rule.params) if dataclasses.is_dataclass(rule.params) else {}


def rule_dict(rule: Rule) -> dict:
    return {
        "code": rule.code,
        "name": rule.name,
        "kind": rule.kind,
        "severity": rule.severity,
        "enabled": rule.enabled,
        "message": rule.message,
        "hint": rule.hint,
        "basis": rule.basis,
        "why": rule.why,
        "example_fires": rule.example_fires,
        "example_passes": rule.example_passes,
        "fix": rule.fix or "kind",
        "params": {k: list(v) if isinstance(v, tuple) else v for k, v in rule_params(rule).items()},
        "source": rule.source,
    }


def one_line(rule: Rule) -> str:
    return re.sub(r"\{[^}]*\}", "…", rule.message)


def list_text(ruleset: RuleSet) -> str:
    rows = [f"{'代码':<6} {'级别':<8} {'名称':<34} 说明 / 依据"]
    for rule in sorted(ruleset.rules.values(), key=lambda r: r.code):
        state = "" if rule.enabled else "（已关闭）"
        rows.append(f"{rule.code:<8} {rule.severity:<8} {rule.name:<34} {one_line(rule)}{state}")
        if rule.basis:
            rows.append(f"{'':<52} 依据：{rule.basis}")
    rows.append("")
    rows.append("用 fzcheck rules 代码 查看一条规则的详细说明，例如：fzcheck rules FZ104")
    return "\n".join(rows) + "\n"


def explain_text(rule: Rule) -> str:
    out = [f"{rule.code} {rule.name}  [{rule.severity}]{'' if rule.enabled else '（已关闭）'}", ""]
    out += ["检查什么", f"  {rule.message}", ""]
    what = kind_section(rule.kind, "What it checks")
    if what:
        out += [f"  规则类型 {rule.kind}：", *("  " + line for line in what.splitlines()), ""]
    if rule.why:
        out += ["为什么", f"  {rule.why}", ""]
    if rule.basis:
        out += ["依据", f"  {rule.basis}", ""]
    if rule.example_fires:
        out += ["会报告的写法", *("  " + line for line in rule.example_fires.splitlines()), ""]
    if rule.example_passes:
        out += ["不会报告的写法", *("  " + line for line in rule.example_passes.splitlines()), ""]
    if rule.hint:
        out += ["如何修改", f"  {rule.hint}", ""]
    if rule.fix in FIX_LABELS:
        out += ["自动修复", f"  {FIX_LABELS[rule.fix]}", ""]
    params = rule_params(rule)
    if params:
        out += ["参数（可在规则包中覆盖）", *(f"  {k} = {v!r}" for k, v in params.items()), ""]
    out += [f"定义于：{rule.source}"]
    return "\n".join(out) + "\n"
