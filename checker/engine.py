"""Stage 4 driver: analyse a Document, run the enabled rules, then one post-processing
chain (select/ignore → severity overrides → dedupe → sort) so no formatter repeats it."""

from __future__ import annotations

from dataclasses import replace

from .analyze.facts import derive_facts
from .analyze.roles import assign_roles
from .config import Config
from .kinds import KINDS
from .model import Diagnostic, Document
from .packs import Rule, RuleSet
from .parse.outline import parse_document
from .report import Report


def needs_roles(rules: list[Rule]) -> bool:
    return any(getattr(KINDS[r.kind], "NEEDS_ROLES", False) for r in rules)


def active_rules(ruleset: RuleSet, config: Config) -> list[Rule]:
    return [r for r in ruleset.enabled() if config.selects(r.code)]


def analyze(doc: Document, ruleset: RuleSet, config: Config, with_roles: bool = True) -> Report:
    outline = parse_document(doc)
    facts = derive_facts(outline, ruleset.lookalikes, config.year)
    segmenter = ruleset.segmenter()
    if with_roles:
        assign_roles(outline, ruleset.roles, segmenter, facts.year)
    return Report(doc=doc, outline=outline, facts=facts, segmenter=segmenter, roles=ruleset.roles)


def run_rules(report: Report, rules: list[Rule]) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for rule in rules:
        found.extend(KINDS[rule.kind].check(report, rule))
    return found


def postprocess(diagnostics: list[Diagnostic], config: Config) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    seen: set[tuple] = set()
    for d in diagnostics:
        if not config.selects(d.code):
            continue
        level = config.severity.get(d.code)
        if level and level != d.severity:
            d = replace(d, severity=level)  # type: ignore[arg-type]
        key = (d.code, d.span.start, d.span.end, d.message)
        if key in seen:
            continue
        seen.add(key)
        out.append(d)
    out.sort(key=lambda d: (d.span.start, d.span.end, d.code))
    return out
