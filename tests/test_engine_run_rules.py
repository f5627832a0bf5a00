"""engine.run_rules reads the file's deadline once per report and compares the clock with it before
each rule (instead of calling limits.check_time): the same findings under a limit as without one,
and a file whose time is up stops before the next rule with the limit's own message."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.api import ruleset_for
from checker.config import Config
from checker.engine import active_rules, analyze, run_rules
from checker.ingest import read_path
from checker.limits import TimeLimitExceeded, time_limit, time_message

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seeds" / "001_e08a30d98d0b93f2.txt"


def _report_and_rules():
    config = Config()
    ruleset = ruleset_for(config)
    return analyze(read_path(SEED), ruleset, config), active_rules(ruleset, config)


def test_the_findings_under_a_time_limit_are_those_without_one():
    report, rules = _report_and_rules()
    free = run_rules(report, rules)
    with time_limit(600):
        bounded = run_rules(report, rules)
    assert bounded == free
    assert len(free) > 5


def test_a_file_whose_time_is_up_stops_before_the_next_rule():
    report, rules = _report_and_rules()
    ran = []

    class Counting:
        def __init__(self, kind):
            self.kind = kind

        def check(self, report, rule):
            ran.append(rule.code)
            return self.kind.check(report, rule)

    from checker import engine

    plan = engine._plan(rules)
    counted = plan._replace(checks=tuple((Counting(kind), rule) for kind, rule in plan.checks))
    engine._PLANS[tuple(map(id, rules))] = counted
    engine._LAST[0] = (rules, counted)
    try:
        with pytest.raises(TimeLimitExceeded) as raised, time_limit(0.0):
            run_rules(report, rules)
    finally:
        engine._PLANS.clear()
        engine._LAST[0] = None
    assert ran == []
    assert str(raised.value) == time_message(0.0)


def test_the_plan_is_made_again_when_the_list_changes():
    """The last plan is reused only for the same list holding the same rules in the same order."""
    from checker import engine

    _, rules = _report_and_rules()

    def fresh(some):
        return engine._Plan(tuple(some), *engine._plan_by_ids(list(some))[1:])

    first = engine._plan(rules)
    assert engine._plan(rules) is first and first == fresh(rules)
    rules.reverse()
    assert engine._plan(rules).rules == tuple(rules) and engine._plan(rules) == fresh(rules)
    rules.pop()
    assert engine._plan(rules).rules == tuple(rules)
    rules[0] = rules[1]
    assert engine._plan(rules).rules == tuple(rules)
    assert engine._plan(list(rules)).rules == tuple(rules)


@pytest.mark.parametrize("answer", [list, tuple, iter])
def test_a_rules_findings_are_cut_at_the_limit_whatever_its_kind_answers(answer):
    """A list or tuple is cut by slicing, a generator stopped by islice: the first ``limit`` findings
    either way, and a generator is not run past them."""
    report, rules = _report_and_rules()
    from checker import engine

    pulled = []

    def many(n):
        for k in range(n):
            pulled.append(k)
            yield k

    class Answering:
        def check(self, report, rule):
            return many(7) if answer is iter else answer(range(7))

    rule = rules[0]
    plan = engine._Plan((rule,), ((Answering(), rule),), False)
    engine._PLANS[(id(rule),)] = plan
    engine._LAST[0] = ([rule], plan)
    try:
        assert run_rules(report, [rule], 3) == [0, 1, 2]
        assert run_rules(report, [rule], 10) == list(range(7))
        assert run_rules(report, [rule]) == list(range(7))
    finally:
        engine._PLANS.clear()
        engine._LAST[0] = None
    if answer is iter:
        assert pulled[:3] == [0, 1, 2] and len(pulled) == 3 + 7 + 7  # the first call stopped after three
