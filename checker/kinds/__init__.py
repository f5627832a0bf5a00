"""The rule kinds: one module each, one explicit registry (no import-time discovery).

A kind's module name is its ``KIND``; adding a kind means adding its module here.
"""

from __future__ import annotations

from importlib import import_module

_MODULES = (
    # required content and facts (FZ1xx, FZ2xx)
    "required_role", "role_mentions", "content_evidence", "year_relation", "combined_roles", "role_order",
    "title", "document_type",
    # outline and numbering (FZ3xx)
    "numbering", "level_order", "mixed_forms", "malformed_number",
    # punctuation, typography, numbers, layout (FZ4xx)
    "pattern", "pairs", "consistent_symbol", "leftover", "mixed_numerals", "year_form", "whitespace",
    "empty_part", "repeated_paragraph",
    # wording (FZ5xx)
    "substitution", "official_name", "plenum", "period",
    # quality (FZ6xx)
    "has_figures", "coverage", "min_items", "length",
    # across reports (FZ7xx), read by fzcheck review
    "copied_paragraph", "foreign_entity", "carried_over",
    # input (FZ9xx)
    "input_error",
)

KINDS = {name: import_module(f"{__name__}.{name}") for name in _MODULES}
KIND_ORDER = {name: i for i, name in enumerate(_MODULES)}
assert all(module.KIND == name for name, module in KINDS.items()), "a kind's module name must be its KIND"
