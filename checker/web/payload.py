"""A checked Result as the page's JSON: the ``--format json`` file entry of DESIGN.md §3 plus
what the page draws (the text, character offsets, the outline tree, the checklist)."""

from __future__ import annotations

from collections import Counter

from ..formats.json import file_dict
from ..formats.outline import outline_dict
from .checklist import checklist


def file_payload(result, active_codes, titles: dict[str, str] | None = None) -> dict:
    """``titles``: code → the rule's Chinese title (what the page shows instead of the English id)."""
    titles = titles or {}
    entry = file_dict(result)
    doc = result.document
    entry["text"] = doc.text if doc is not None else ""
    for item, d in zip(entry["diagnostics"], result.diagnostics):
        # Offsets in Unicode code points of ``text`` (the page indexes Array.from(text)).
        item["start"], item["end"] = d.span.start, d.span.end
        item["title"] = titles.get(d.code) or d.name
    counts = Counter(d.severity for d in result.diagnostics)
    entry["counts"] = {"errors": counts["error"], "warnings": counts["warning"], "infos": counts["info"]}
    entry["fixable"] = sum(1 for d in result.diagnostics if d.fix is not None and d.fix.applicability == "safe")
    if result.outline is not None and result.facts is not None and doc is not None:
        tree = outline_dict(result)
        entry["facts"] = {k: tree[k] for k in ("title", "year", "year_source", "entity", "doc_type", "lookalike")}
        entry["outline"] = {k: tree[k] for k in ("title_lines", "preamble_lines", "sections", "signature_lines")}
    else:
        entry["facts"] = None
        entry["outline"] = None
    items = checklist(result, active_codes)
    entry["checklist"] = [item.as_dict() for item in items]
    # A finding that says a part is missing is shown where the part should be, not on the text it points at.
    missing = {code: item.key for item in items if item.status == "missing" for code in item.codes}
    for item in entry["diagnostics"]:
        if item["code"] in missing:
            item["part"] = missing[item["code"]]
    return entry
