"""Stage 4 driver: analyse a Document, run the enabled rules, then one post-processing
chain (select/ignore → severity overrides → dedupe → sort) so no formatter repeats it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import islice
from operator import attrgetter, is_, itemgetter
from time import monotonic
from types import ModuleType
from typing import NamedTuple

from .analyze.facts import derive_facts
from .analyze.roles import OutlineRoles, assign_roles
from .config import Config
from .kinds import KIND_ORDER, KINDS
from .kinds._crossreport import CrossReport
from .kinds.base import is_cross_report
from .limits import check_time, remaining
from .model import Diagnostic, Document
from .packs import Rule, RuleSet
from .parse.outline import parse_document
from .parse.split import split_view
from .report import Report


def needs_roles(rules: list[Rule]) -> bool:
    return _plan(rules).needs_roles


def active_rules(ruleset: RuleSet, config: Config) -> list[Rule]:
    """The enabled rules the configuration selects (worked out once per ruleset and configuration:
    a folder's every file asks)."""
    key = (id(ruleset), id(config))
    hit = _ACTIVE.get(key)
    if hit is None or hit[0] is not ruleset or hit[1] is not config or hit[2] != len(ruleset.rules):
        if len(_ACTIVE) > 16:
            _ACTIVE.clear()
        hit = _ACTIVE[key] = (ruleset, config, len(ruleset.rules), tuple(r for r in ruleset.enabled() if config.selects(r.code)))
    return list(hit[3])


_ACTIVE: dict[tuple[int, int], tuple[RuleSet, Config, int, tuple[Rule, ...]]] = {}


class _Plan(NamedTuple):
    """What running a list of rules needs, worked out once per list (rules are frozen): each
    per-report rule with its kind, and whether any kind reads the sections' roles."""

    rules: tuple[Rule, ...]  # kept: the ids of the key stay theirs while the plan is cached
    checks: tuple[tuple[ModuleType, Rule], ...]  # each per-report rule with its kind
    needs_roles: bool


_PLANS: dict[tuple[int, ...], _Plan] = {}


def _plan(rules: Sequence[Rule]) -> _Plan:
    """The plan of ``rules``: the last one again when asked for the same list holding the same rules
    (a run asks with one list for every file), else looked up by the rules' ids."""
    last = _LAST[0]
    if last is not None and last[0] is rules and len(rules) == len(last[1].rules) and all(map(is_, rules, last[1].rules)):
        return last[1]
    plan = _plan_by_ids(rules)
    _LAST[0] = (rules, plan)
    return plan


_LAST: list = [None]  # (the list of rules last asked about, its plan)


def _plan_by_ids(rules: Sequence[Rule]) -> _Plan:
    key = tuple(map(id, rules))
    plan = _PLANS.get(key)
    if plan is None:
        if len(_PLANS) > 16:
            _PLANS.clear()
        kinds = [KINDS[r.kind] for r in rules]
        checks = tuple(
            (kind, rule)
            for kind, rule in zip(kinds, rules)
            if not is_cross_report(kind) and not getattr(kind, "FOUND_BY_READER", False)
        )
        needs = any(getattr(kind, "NEEDS_ROLES", False) for kind in kinds)
        plan = _PLANS[key] = _Plan(tuple(rules), checks, needs)
    return plan


def analyze(doc: Document, ruleset: RuleSet, config: Config, with_roles: bool = True) -> Report:
    view = split_view(doc)  # a report flattened into one paragraph, seen split at its headings
    doc = view.doc
    outline = parse_document(doc, view.heads, view.mode)
    facts = derive_facts(outline, ruleset.lookalikes, config.year)
    segmenter = ruleset.segmenter()
    outline_roles = assign_roles(outline, ruleset.roles, segmenter, facts.year) if with_roles else OutlineRoles()
    return Report(doc=doc, outline=outline, facts=facts, segmenter=segmenter, roles=ruleset.roles, outline_roles=outline_roles)


def run_rules(report: Report, rules: list[Rule], limit: int | None = None) -> list[Diagnostic]:
    """The per-report kinds' findings on one report (cross-report kinds are run by :func:`run_cross`),
    at most ``limit`` of one rule when given (api.check_document: MAX_FINDINGS_COUNTED + 1; a rule is not
    run to its end only to be counted), within the file's time limit."""
    found: list[Diagnostic] = []
    extend = found.extend
    deadline = _deadline()
    for kind, rule in _plan(rules).checks:
        if deadline is not None and monotonic() >= deadline:
            check_time()  # the file's time is up: raises TimeLimitExceeded, naming the limit
        got = kind.check(report, rule)
        if limit is not None:  # a list or tuple (most kinds' answer) is cut as it is; a generator is stopped
            got = got[:limit] if type(got) in _SIZED else islice(got, limit)
        extend(got)
    return found


_SIZED = (list, tuple)


def _deadline() -> float | None:
    """The monotonic time at which the current file's time is up (None: no limit): read once per
    report, so that each rule costs one clock reading instead of two calls (limits.check_time)."""
    left = remaining()
    return None if left is None else monotonic() + left


def cross_rules(ruleset: RuleSet, config: Config) -> tuple[Rule, ...]:
    """The enabled, selected cross-report rules, with the configuration's severity overrides applied
    (a review runs them in the parent, after every report's own post-processing)."""
    out = []
    for rule in sorted(active_rules(ruleset, config), key=lambda r: r.code):
        if is_cross_report(KINDS[rule.kind]):
            severity = config.severity.get(rule.code, rule.severity)
            out.append(replace(rule, severity=severity) if severity != rule.severity else rule)
    return tuple(out)


def run_cross(reports: Sequence[CrossReport], rules: Sequence[Rule]) -> list[Diagnostic]:
    """Every cross-report finding over ``reports`` (this year's and, flagged ``previous``, last year's):
    grouped by kind, then by the file and line they are reported at."""
    found = [(KIND_ORDER[rule.kind], d) for rule in rules for d in KINDS[rule.kind].check_reports(reports, rule)]
    found.sort(key=lambda item: (item[0], item[1].location.path, item[1].location.line))
    return [d for _, d in found]


def postprocess(diagnostics: list[Diagnostic], config: Config) -> list[Diagnostic]:
    """The findings the configuration selects, at its severities, each once, in output order (place,
    then code).  Most reports need neither a severity changed, nor a finding left out, nor a duplicate
    dropped: those are only sorted (tests/test_engine_postprocess.py holds both ways equal)."""
    selected = _selected(config)
    if not config.severity:
        places = list(map(_PLACE, diagnostics))  # (start, end, code) of each
        if _all_selected(set(map(_THIRD, places)), selected, config):
            # no two at one place of one code (the usual case, told without hashing the messages):
            # none is there twice, and each is sorted by its place read once; else the four that
            # make a duplicate are compared
            if len(set(places)) == len(places):
                return list(map(_SECOND, sorted(zip(places, diagnostics), key=_FIRST)))
            if _none_twice(diagnostics):
                return sorted(diagnostics, key=_PLACE)
    return filtered(diagnostics, config, selected)


def _none_twice(diagnostics: list[Diagnostic]) -> bool:
    keys = list(map(_KEY, diagnostics))
    return len(set(keys)) == len(keys)


def _all_selected(codes: set[str], selected: dict[str, bool], config: Config) -> bool:
    for code in codes:
        chosen = selected.get(code)
        if chosen is None:
            chosen = selected[code] = config.selects(code)
        if not chosen:
            return False
    return True


def filtered(diagnostics: list[Diagnostic], config: Config, selected: dict[str, bool]) -> list[Diagnostic]:
    """postprocess finding by finding: select/ignore, severity overrides, duplicates dropped, sorted."""
    out: list[Diagnostic] = []
    seen: set[tuple] = set()
    severity = config.severity
    for d in diagnostics:
        chosen = selected.get(d.code)
        if chosen is None:
            chosen = selected[d.code] = config.selects(d.code)
        if not chosen:
            continue
        level = severity.get(d.code) if severity else None
        if level and level != d.severity:
            d = replace(d, severity=level)  # type: ignore[arg-type]
        key = (d.code, d.span.start, d.span.end, d.message)
        if key in seen:
            continue
        seen.add(key)
        out.append(d)
    out.sort(key=_PLACE)
    return out


_KEY = attrgetter("code", "span.start", "span.end", "message")  # one finding twice: the same four
_PLACE = attrgetter("span.start", "span.end", "code")  # where a finding is, then its code: the output order
_FIRST, _SECOND, _THIRD = itemgetter(0), itemgetter(1), itemgetter(2)


_SELECTED: dict[int, tuple[Config, dict[str, bool]]] = {}


def _selected(config: Config) -> dict[str, bool]:
    """code → whether ``config`` selects it, filled as codes turn up (a Config is frozen)."""
    hit = _SELECTED.get(id(config))
    if hit is None or hit[0] is not config:
        if len(_SELECTED) > 16:
            _SELECTED.clear()
        hit = _SELECTED[id(config)] = (config, {})
    return hit[1]
