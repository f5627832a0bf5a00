"""Every kind follows one of the two protocols of checker/kinds/base.py, typed with its own Params."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from checker.kinds import KINDS
from checker.kinds.base import is_cross_report


@pytest.mark.parametrize("name", sorted(KINDS))
def test_kind_declares_params_and_one_typed_entry_point(name):
    kind = KINDS[name]
    assert dataclasses.is_dataclass(kind.Params), f"{name}.Params must be a dataclass packs.py validates into"
    if is_cross_report(kind):
        assert not hasattr(kind, "check"), f"{name}: a cross-report kind has check_reports only"
        sig = inspect.signature(kind.check_reports)
        assert list(sig.parameters) == ["reports", "rule"]
        assert sig.parameters["reports"].annotation == "Sequence[CrossReport]"
    else:
        sig = inspect.signature(kind.check)
        assert list(sig.parameters) == ["report", "rule"]
        assert sig.parameters["report"].annotation == "Report"
    assert sig.parameters["rule"].annotation == "Rule[Params]"


def test_cross_report_kinds_are_the_fz7_folder_comparisons():
    assert {n for n, k in KINDS.items() if is_cross_report(k)} >= {"copied_paragraph", "foreign_entity", "carried_over"}
