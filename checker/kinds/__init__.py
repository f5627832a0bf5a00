"""The rule kinds: one module each, one explicit registry (no import-time discovery)."""

from __future__ import annotations

from . import (
    carried_over,
    combined_roles,
    content_evidence,
    copied_paragraph,
    document_type,
    foreign_entity,
    input_error,
    leftover,
    required_role,
    role_mentions,
    role_order,
    title,
    year_relation,
    consistent_symbol,
    level_order,
    malformed_number,
    mixed_forms,
    numbering,
    pairs,
    pattern,
)

KINDS = {
    module.KIND: module
    for module in (
        required_role,
        role_mentions,
        content_evidence,
        year_relation,
        title,
        document_type,
        leftover,
        input_error,
        combined_roles,
        role_order,
        copied_paragraph,
        foreign_entity,
        carried_over,
        consistent_symbol,
        level_order,
        malformed_number,
        mixed_forms,
        numbering,
        pairs,
        pattern,
    )
}
