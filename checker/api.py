"""The library entry points: ``check_text`` and ``check_path`` return a :class:`Result`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .config import Config, find_config, load_config
from .engine import active_rules, analyze, needs_roles, postprocess, run_rules
from .errors import ConfigError
from .ingest import InputError, document_from_text, read_bytes, read_path
from .kinds.base import diagnostic
from .model import Diagnostic, Document, Facts, Outline, Span
from .packs import RuleSet, load_ruleset


@dataclass
class Result:
    path: str
    document: Document | None = None
    outline: Outline | None = None
    facts: Facts | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str = ""  # the reader's message when the file could not be read

    def count(self, severity: str) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity)


_RULESETS: dict[tuple, RuleSet] = {}


def ruleset_for(config: Config) -> RuleSet:
    key = tuple(str(p) for p in config.packs)
    if key not in _RULESETS:
        _RULESETS[key] = load_ruleset(config.packs)
    return _RULESETS[key]


def config_for(path: str | Path | None, base: Config | None = None, discover: bool = True) -> Config:
    """The configuration found upwards from ``path``, overridden by ``base`` (the command line)."""
    found = Config()
    if discover and path is not None and str(path) != "-":
        cfg_path = find_config(Path(path))
        if cfg_path is not None:
            found = load_config(cfg_path)
    if base is None:
        return found
    return Config(
        select=base.select or found.select,
        ignore=(*found.ignore, *base.ignore),
        severity={**found.severity, **base.severity},
        packs=(*found.packs, *base.packs),
        year=base.year or found.year,
        fail_on=base.fail_on if base.fail_on_given or base.fail_on != "error" else found.fail_on,
        source=found.source,
    )


def check_document(doc: Document, config: Config | None = None, with_roles: bool = False) -> Result:
    config = config or Config()
    ruleset = ruleset_for(config)
    rules = active_rules(ruleset, config)
    report = analyze(doc, ruleset, config, with_roles=with_roles or needs_roles(rules))
    if any(line.text.strip() for line in doc.lines):
        found = postprocess(run_rules(report, rules), config)
    else:  # nothing to check: one input finding instead of every rule's verdict on nothing
        found = postprocess([_input_diagnostic(ruleset, "FZ902", "只有空白")], config)
    return Result(doc.path, doc, report.outline, report.facts, found)


def _guarded(path: str, config: Config, doc: Document, with_roles: bool) -> Result:
    """Check one document; a bug in a rule becomes an FZ903 finding for this file, never a traceback."""
    try:
        return check_document(doc, config, with_roles)
    except ConfigError:
        raise
    except Exception as exc:  # noqa: BLE001 — one file must never stop a batch
        ruleset = ruleset_for(config)
        detail = f"{type(exc).__name__}: {exc}"
        diagnostics = postprocess([_input_diagnostic(ruleset, "FZ903", detail)], config)
        return Result(path, diagnostics=diagnostics, error=f"检查时出错（{detail}）")


def check_text(text: str, config: Config | None = None, path: str = "<文本>", with_roles: bool = False) -> Result:
    return check_document(document_from_text(text, path=path), config, with_roles)


def check_bytes(data: bytes, path: str, config: Config | None = None, with_roles: bool = False) -> Result:
    config = config or Config()
    try:
        doc = read_bytes(data, path)
    except InputError as exc:
        return input_failure(path, exc, config)
    return _guarded(path, config, doc, with_roles)


def check_path(path: str | Path, config: Config | None = None, with_roles: bool = False, discover: bool = True) -> Result:
    """Check one file; an unreadable file gives a Result with ``error`` and one FZ9xx diagnostic."""
    config = config_for(path, config, discover)
    try:
        doc = read_path(path)
    except InputError as exc:
        return input_failure(str(path), exc, config)
    return _guarded(str(path), config, doc, with_roles)


def input_failure(path: str, exc: InputError, config: Config) -> Result:
    code = "FZ902" if "为空" in exc.message or "没有" in exc.message else "FZ901"
    ruleset = ruleset_for(config)
    diagnostics = postprocess([_input_diagnostic(ruleset, code, exc.message)], config)
    return Result(path, diagnostics=diagnostics, error=exc.message)


def _input_diagnostic(ruleset: RuleSet, code: str, detail: str) -> Diagnostic:
    rule = ruleset.rules.get(code)
    if rule is None:  # a county pack removed it: still say something
        return Diagnostic(code, "input-error", "error", detail, Span(0, 0))
    return diagnostic(rule, Span(0, 0), detail=detail)
