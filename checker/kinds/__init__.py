"""The rule kinds: one module each, one explicit registry (no import-time discovery).

A kind's module name is its ``KIND``; adding a kind means adding its module here.  A kind's
module is imported the first time a rule of that kind is loaded or run, so a command that uses
a few kinds (``--select``, a county's own pack) pays only for those.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module
from types import ModuleType

_MODULES = (
    # required content and facts (FZ1xx, FZ2xx)
    "required_role", "role_mentions", "content_evidence", "year_relation", "combined_roles", "role_order",
    "title", "document_type",
    # outline and numbering (FZ3xx)
    "numbering", "level_order", "mixed_forms", "malformed_number", "flattened",
    # punctuation, typography, numbers, layout (FZ4xx)
    "pattern", "pairs", "consistent_symbol", "leftover", "mixed_numerals", "year_form", "whitespace",
    "empty_part", "repeated_paragraph",
    # wording (FZ5xx)
    "substitution", "official_name", "plenum", "period", "new_law", "signature", "personal_data",
    # quality (FZ6xx)
    "has_figures", "coverage", "min_items", "length",
    # across reports (FZ7xx), read by fzcheck review
    "copied_paragraph", "foreign_entity", "carried_over", "plan_followthrough", "repeated_shortcoming",
    # input (FZ9xx)
    "input_error",
)  # fmt: skip
KIND_ORDER = {name: i for i, name in enumerate(_MODULES)}  # registry order (cross-report findings are sorted by it)


class _Registry(dict):
    """name → kind module, imported on first access.  A dict, so that looking up a loaded kind (once per
    rule and report) is a dict's lookup; every name is listed, loaded or not."""

    def __init__(self, names: tuple[str, ...]) -> None:
        super().__init__()
        self._names = names
        self._known = frozenset(names)

    def __missing__(self, name: str) -> ModuleType:
        if name not in self._known:
            raise KeyError(name)
        module = import_module(f"{__name__}.{name}")
        assert module.KIND == name, "a kind's module name must be its KIND"
        self[name] = module
        return module

    def __contains__(self, name: object) -> bool:
        return name in self._known

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def get(self, name: str, default=None):
        return self[name] if name in self._known else default

    def keys(self):
        return list(self._names)

    def values(self):
        return [self[name] for name in self._names]

    def items(self):
        return [(name, self[name]) for name in self._names]


KINDS: Mapping[str, ModuleType] = _Registry(_MODULES)
