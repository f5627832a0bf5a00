"""SARIF 2.1.0 (OASIS) for code-scanning services: one run, the rules with their help text
from the rule packs, one result per diagnostic with its region and, where the diagnostic
carries one, its fix.

Columns are counted in Unicode code points (``columnKind = unicodeCodePoints``), like the
rest of fzcheck's output; regions end one column past the last character, as SARIF
requires.  Relative paths are given against ``%SRCROOT%`` (the working directory).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import quote

from ..positions import LineIndex
from .json import indented

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"


def artifact_location(path: str) -> dict:
    p = Path(path)
    if path.startswith("<"):  # <stdin>, <文本>: no file behind it
        return {"uri": quote(path)}
    # the file name's own bytes, percent-encoded: a name that is not valid UTF-8 still names its file
    if p.is_absolute():
        return {"uri": "file://" + quote(os.fsencode(p.as_posix()))}
    return {"uri": quote(os.fsencode(p.as_posix())), "uriBaseId": SRCROOT}


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


def _known_rules(ctx, rules=None) -> dict:
    if rules:
        return rules
    rules = getattr(ctx, "rules", None)
    # the run's loaded rules are passed in (batch.py); without them a rule is described from its diagnostic
    return dict(rules) if rules else {}


SNIPPET_CHARS = 1000


def _region(index: LineIndex, start: int, end: int, text: str | None = None, lines: list[str] | None = None) -> dict:
    line, col = index.line_col(start)
    end_line, end_col = index.line_col(end)
    region = {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}
    if text is not None:
        region["snippet"] = {"text": _snippet(lines[line - 1], col) if line <= len(lines) else ""}
    return region


def _snippet(line: str, col: int) -> str:
    """The finding's line; a very long line (a whole report without line breaks) is cut to a window
    from near the finding, so that 1,000 findings on it do not repeat megabytes."""
    if len(line) <= SNIPPET_CHARS:
        return line
    start = max(0, col - 1 - 100)
    return line[start : start + SNIPPET_CHARS]


_UNRESOLVED = -1  # a result's artifact index, resolved by the sink (it knows the files before this one)
_RULE_INDEX = re.compile(r'"ruleIndex": "([^"\\]+)"')  # resolved at the end, when every rule used is known


def chunk(result, ctx) -> str:
    """The file's results as they stand inside ``"results": [ … ]``; the rule and artifact indexes
    are left as placeholders that cannot occur inside a JSON string (its quotes are escaped)."""
    location = artifact_location(result.path)
    location["index"] = _UNRESOLVED
    doc = result.document
    index = LineIndex(doc.text) if doc is not None else None
    lines = doc.text.split("\n") if doc is not None and result.diagnostics else []
    items = []
    for d in result.diagnostics:
        physical = {"artifactLocation": location}
        if index is not None:
            physical["region"] = _region(index, d.span.start, d.span.end, doc.text, lines)
        else:
            physical["region"] = {"startLine": 1, "startColumn": 1}
        item = {
            "ruleId": d.code,
            "ruleIndex": d.code,
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
        items.append("        " + indented(item, level=4))
    return ",\n".join(items)


def extras(result, ctx, rules=None) -> dict:
    """The file's artifact and the descriptors of the rules it used (True: from a pack)."""
    known = _known_rules(ctx, rules)
    used: dict[str, tuple[bool, dict]] = {}
    for d in result.diagnostics:
        if d.code not in used:
            rule = known.get(d.code)
            used[d.code] = (True, rule_descriptor(rule)) if rule is not None else (False, _descriptor_from_diagnostic(d))
    doc = result.document
    return {"encoding": doc.encoding if doc is not None else None, "rules": used}


class Sink:
    """One run; results are kept in a spooled temporary file until the rules used are known."""

    def __init__(self, out, ctx) -> None:
        import tempfile

        from .common import Totals

        self.out, self.ctx, self.totals = out, ctx, Totals()
        self.body = tempfile.SpooledTemporaryFile(max_size=8 << 20, mode="w+", encoding="utf-8")
        self.descriptors: dict[str, tuple[bool, dict]] = {}
        self.artifacts: list[dict] = []
        self.seen: dict[str, int] = {}  # run.artifacts must be unique: a file given twice is one artifact
        self.notifications: list[dict] = []
        self.results = 0

    def add(self, piece) -> None:
        text, record = piece
        self.totals.add(record)
        location = artifact_location(record.path)
        if location["uri"] not in self.seen:
            artifact = {"location": dict(location)}
            if record.extras.get("encoding") is not None:
                artifact["encoding"] = record.extras["encoding"]
            self.artifacts.append(artifact)
            self.seen[location["uri"]] = len(self.artifacts) - 1
        location["index"] = self.seen[location["uri"]]
        if record.error:
            self.notifications.append(
                {
                    "level": "error",
                    "message": {"text": f"{record.path}: {record.error}"},
                    "locations": [{"physicalLocation": {"artifactLocation": location}}],
                }
            )
        for code, (known, descriptor) in record.extras.get("rules", {}).items():
            if known or code not in self.descriptors:  # a pack's rule text wins over a diagnostic's
                self.descriptors[code] = (known, descriptor)
        if text:
            text = text.replace(f'"index": {_UNRESOLVED}', f'"index": {location["index"]}')
            self.body.write(text if self.results == 0 else ",\n" + text)
            self.results += 1

    def finish(self) -> None:
        from .. import __version__

        used = sorted(self.descriptors)
        rule_index = {code: i for i, code in enumerate(used)}
        run = {
            "tool": {
                "driver": {
                    "name": "fzcheck",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "rules": [self.descriptors[code][1] for code in used],
                }
            },
            "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().as_uri() + "/"}},
            "artifacts": self.artifacts,
            "results": ["@@RESULTS@@"] if self.results else [],
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": self.notifications}],
        }
        document = json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2)
        head, _, tail = document.partition('"results": [\n        "@@RESULTS@@"\n      ]')
        self.out.write(head)
        if self.results:
            self.out.write('"results": [\n')
            self.body.seek(0)
            for line in self.body:
                self.out.write(_RULE_INDEX.sub(lambda m: f'"ruleIndex": {rule_index[m.group(1)]}', line))
            self.out.write("\n      ]" + tail)
        self.out.write("\n")
        self.body.close()
