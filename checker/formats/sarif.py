"""SARIF 2.1.0 (OASIS) for code-scanning services: one run, the rules with their help text
from the rule packs, one result per diagnostic with its region and, where the diagnostic
carries one, its fix.

Columns are counted in Unicode code points (``columnKind = unicodeCodePoints``), like the
rest of fzcheck's output; regions end one column past the last character, as SARIF
requires.  Relative paths are given against ``%SRCROOT%`` (the working directory).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

from ..positions import LineIndex

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"


def artifact_location(path: str) -> dict:
    p = Path(path)
    if path.startswith("<"):  # <stdin>, <文本>: no file behind it
        return {"uri": quote(path)}
    if p.is_absolute():
        return {"uri": p.as_uri()}
    return {"uri": quote(p.as_posix()), "uriBaseId": SRCROOT}


def _rule_text(template: str) -> str:
    return re.sub(r"\{[^}]*\}", "…", template)


def rule_descriptor(rule) -> dict:
    """A reportingDescriptor built from a pack rule: what it checks, why, how to fix, basis."""
    text = [_rule_text(rule.message)]
    md = [f"**{rule.code} {rule.name}**：{_rule_text(rule.message)}"]
    for label, value in (("为什么", rule.why), ("如何修改", _rule_text(rule.hint)), ("依据", rule.basis)):
        if value:
            text.append(f"{label}：{value}")
            md.append(f"**{label}**：{value}")
    for label, value in (("会报告的写法", rule.example_fires), ("不会报告的写法", rule.example_passes)):
        if value:
            text.append(f"{label}：\n{value}")
            md.append(f"**{label}**：\n\n```text\n{value}\n```")
    text.append(f"详细说明：fzcheck rules {rule.code}")
    md.append(f"详细说明：`fzcheck rules {rule.code}`")
    descriptor = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _rule_text(rule.message)},
        "fullDescription": {"text": rule.why or _rule_text(rule.message)},
        "help": {"text": "\n\n".join(text), "markdown": "\n\n".join(md)},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled},
        "properties": {"tags": ["fzcheck", rule.kind], "kind": rule.kind},
    }
    if rule.basis:
        descriptor["properties"]["basis"] = rule.basis
    return descriptor


def _descriptor_from_diagnostic(d) -> dict:
    """For a rule the loaded packs do not know (a county pack given only to the check)."""
    help_text = "\n\n".join(x for x in (d.message, d.hint and f"如何修改：{d.hint}", d.basis and f"依据：{d.basis}") if x)
    return {
        "id": d.code,
        "name": d.name,
        "shortDescription": {"text": d.message},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVELS[d.severity]},
    }


def _known_rules(ctx) -> dict:
    rules = getattr(ctx, "rules", None)
    if rules:
        return dict(rules)
    from ..api import ruleset_for
    from ..config import Config

    return dict(ruleset_for(Config()).rules)


def _region(index: LineIndex, start: int, end: int, text: str | None = None) -> dict:
    line, col = index.line_col(start)
    end_line, end_col = index.line_col(end)
    region = {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}
    if text is not None:
        region["snippet"] = {"text": text.split("\n")[line - 1] if line <= text.count("\n") + 1 else ""}
    return region


def render(results, ctx) -> str:
    known = _known_rules(ctx)
    used = sorted({d.code for r in results for d in r.diagnostics})
    descriptors, rule_index = [], {}
    for code in used:
        rule = known.get(code)
        if rule is None:
            d = next(d for r in results for d in r.diagnostics if d.code == code)
            descriptors.append(_descriptor_from_diagnostic(d))
        else:
            descriptors.append(rule_descriptor(rule))
        rule_index[code] = len(descriptors) - 1

    artifacts, sarif_results, notifications = [], [], []
    seen: dict[str, int] = {}  # run.artifacts must be unique: a file given twice is one artifact
    for result in results:
        location = artifact_location(result.path)
        doc = result.document
        if location["uri"] not in seen:
            artifact = {"location": dict(location)}
            if doc is not None:
                artifact["encoding"] = doc.encoding
            artifacts.append(artifact)
            seen[location["uri"]] = len(artifacts) - 1
        location["index"] = seen[location["uri"]]
        if result.error:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": f"{result.path}: {result.error}"},
                    "locations": [{"physicalLocation": {"artifactLocation": location}}],
                }
            )
        index = LineIndex(doc.text) if doc is not None else None
        for d in result.diagnostics:
            physical = {"artifactLocation": location}
            if index is not None:
                physical["region"] = _region(index, d.span.start, d.span.end, doc.text)
            else:
                physical["region"] = {"startLine": 1, "startColumn": 1}
            item = {
                "ruleId": d.code,
                "ruleIndex": rule_index[d.code],
                "level": LEVELS[d.severity],
                "message": {"text": d.message + (f"\n提示：{d.hint}" if d.hint else "")},
                "locations": [{"physicalLocation": physical}],
            }
            if d.fix is not None and index is not None and d.fix.edits:
                item["fixes"] = [
                    {
                        "description": {"text": d.fix.title or "自动修复"},
                        "artifactChanges": [
                            {
                                "artifactLocation": location,
                                "replacements": [
                                    {"deletedRegion": _region(index, e.start, e.end), "insertedContent": {"text": e.replacement}}
                                    for e in d.fix.edits
                                ],
                            }
                        ],
                    }
                ]
                item["properties"] = {"fixApplicability": d.fix.applicability}
            sarif_results.append(item)

    from .. import __version__

    run = {
        "tool": {
            "driver": {
                "name": "fzcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": descriptors,
            }
        },
        "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().as_uri() + "/"}},
        "artifacts": artifacts,
        "results": sarif_results,
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"
