"""The library entry points: ``check_text`` and ``check_path`` return a :class:`Result`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .analyze.roles import OutlineRoles
from .config import CODE_OR_PREFIX, Config, find_config, load_config, unknown_code_message
from .engine import active_rules, analyze, needs_roles, postprocess, run_rules
from .errors import ConfigError
from .ingest import InputError, document_from_text, read_bytes, read_path
from .ingest.errors import EMPTY
from .kinds.base import diagnostic
from .limits import (
    MAX_FINDINGS_COUNTED,
    MAX_FINDINGS_PER_FILE,
    MAX_FINDINGS_PER_RULE,
    MAX_LINE_CHARS,
    LimitExceeded,
    TimeLimitExceeded,
    time_limit,
)
from .model import Diagnostic, Document, Facts, Outline, Span
from .packs import RuleSet, load_ruleset


@dataclass
class Result:
    """One input's check: its document and outline when it could be read, its findings, and why it could not be."""
    path: str
    document: Document | None = None
    outline: Outline | None = None
    facts: Facts | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str = ""  # the reader's message when the file could not be read
    outline_roles: OutlineRoles = field(default_factory=OutlineRoles)  # the sections' roles (when asked for)

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


def check_codes(config: Config, base: Config | None = None) -> None:
    """Every code or prefix in select, ignore and severity must name at least one rule of the packs
    in use: a typo (FZ1O4) or an unknown code (FZ999) would otherwise select nothing and pass."""
    known = sorted(ruleset_for(config).rules)
    cli = base or Config()
    for key, values, given in (
        ("select", config.select, cli.select),
        ("ignore", config.ignore, cli.ignore),
        ("severity", tuple(config.severity), tuple(cli.severity)),
    ):
        for value in values:
            if CODE_OR_PREFIX.fullmatch(value) and any(code.startswith(value) for code in known):
                continue
            where = f"--{key}" if value in given else f"{config.source or '配置'} 的 {key}"
            raise ConfigError(f"{where}：{unknown_code_message(value, known)}")


def check_document(doc: Document, config: Config | None = None, with_roles: bool = False, capped: bool = False) -> Result:
    """Check one document; ``capped`` (what the commands show): findings capped per rule and per file
    with one FZ905 (docs/limits.md).  Uncapped for --fix, which must see every fix."""
    config = config or Config()
    ruleset = ruleset_for(config)
    rules, roles_needed = _rules_of(ruleset, config)
    report = analyze(doc, ruleset, config, with_roles=with_roles or roles_needed)
    if any(line.text.strip() for line in doc.lines):
        limit = MAX_FINDINGS_COUNTED + 1 if capped else None
        found = postprocess([*run_rules(report, rules, limit), *_long_lines(doc, ruleset)], config)
    else:  # nothing to check: one input finding instead of every rule's verdict on nothing
        found = postprocess([_input_diagnostic(ruleset, EMPTY, "只有空白")], config)
    found = cap_findings(found, ruleset, config) if capped else found
    return Result(doc.path, doc, report.outline, report.facts, found, outline_roles=report.outline_roles)


_ACTIVE: dict[tuple[int, int], tuple[RuleSet, Config, list, bool]] = {}


def _rules_of(ruleset: RuleSet, config: Config) -> tuple[list, bool]:
    """The rules ``config`` selects and whether they need the sections' roles: worked out once per
    ruleset and configuration object (a run checks every file of a folder with the same two)."""
    hit = _ACTIVE.get((id(ruleset), id(config)))
    if hit is None or hit[0] is not ruleset or hit[1] is not config:  # an id can be reused once an object is gone
        rules = active_rules(ruleset, config)
        if len(_ACTIVE) >= 16:
            _ACTIVE.clear()
        hit = _ACTIVE[id(ruleset), id(config)] = (ruleset, config, rules, needs_roles(rules))
    return hit[2], hit[3]


def _long_lines(doc: Document, ruleset: RuleSet) -> list[Diagnostic]:
    """FZ906 for each line longer than the rules read (checker/limits.py: MAX_LINE_CHARS)."""
    return [
        _input_diagnostic(ruleset, "FZ906", f"共 {line.raw_length:,} 字，只检查了前 {MAX_LINE_CHARS:,} 字", Span(line.start + MAX_LINE_CHARS, line.end))
        for line in doc.lines
        if line.raw_length > MAX_LINE_CHARS
    ]


def cap_findings(found: list[Diagnostic], ruleset: RuleSet, config: Config) -> list[Diagnostic]:
    """At most MAX_FINDINGS_PER_RULE findings of one rule and MAX_FINDINGS_PER_FILE in all, then one
    FZ905 saying how many more there are of which rules."""
    if len(found) <= MAX_FINDINGS_PER_RULE and len(found) <= MAX_FINDINGS_PER_FILE:
        return found  # too few for any cap to drop one: what counting them (_capped) keeps
    return _capped(found, ruleset, config)


def _capped(found: list[Diagnostic], ruleset: RuleSet, config: Config) -> list[Diagnostic]:
    kept: list[Diagnostic] = []
    per_rule: Counter[str] = Counter()
    dropped: Counter[str] = Counter()
    for d in found:
        if per_rule[d.code] >= MAX_FINDINGS_PER_RULE or len(kept) >= MAX_FINDINGS_PER_FILE:
            dropped[d.code] += 1
            continue
        per_rule[d.code] += 1
        kept.append(d)
    if dropped:
        # a rule stops being run after MAX_FINDINGS_COUNTED findings: past that, the count is a floor
        uncounted = {code for code in dropped if per_rule[code] + dropped[code] > MAX_FINDINGS_COUNTED}
        at_least = "至少 " if uncounted else ""
        detail = "、".join(
            f"{code} {'至少 ' if code in uncounted else ''}{n:,} 个"
            for code, n in sorted(dropped.items(), key=lambda kv: (-kv[1], kv[0]))
        )
        summary = f"{at_least}{sum(dropped.values()):,} 个（{detail}）"
        kept.extend(postprocess([_input_diagnostic(ruleset, "FZ905", summary)], config))
    return kept


def _bounded(path: str, config: Config, read: Callable[[], Document], with_roles: bool) -> Result:
    """Read and check one input under the limits of checker/limits.py.  Whatever goes wrong becomes
    one finding for this file (FZ901/FZ902 unreadable, FZ904 over a limit, FZ903 a bug): never an
    exception that would stop a batch.  A configuration error still stops the command."""
    try:
        with time_limit():
            return check_document(read(), config, with_roles, capped=True)
    except ConfigError:
        raise
    except InputError as exc:
        return input_failure(path, exc, config)
    except LimitExceeded as exc:
        return limit_failure(path, exc.message, config)
    except TimeLimitExceeded as exc:
        return limit_failure(path, str(exc), config)
    except Exception as exc:  # noqa: BLE001 — one file must never stop a batch (RecursionError, MemoryError…)
        return crash_result(path, exc, config)


def crash_result(path: str, exc: BaseException, config: Config, what: str = "检查时出错") -> Result:
    """A bug met while reading, checking or writing out one file: one FZ903 for that file."""
    detail = f"{type(exc).__name__}: {exc}"[:300]
    diagnostics = postprocess([_input_diagnostic(ruleset_for(config), "FZ903", detail)], config)
    return Result(path, diagnostics=diagnostics, error=f"{what}（{detail}）")


def check_text(text: str, config: Config | None = None, path: str = "<文本>", with_roles: bool = False) -> Result:
    return _bounded(path, config or Config(), lambda: document_from_text(text, path=path), with_roles)


def check_bytes(data: bytes, path: str, config: Config | None = None, with_roles: bool = False) -> Result:
    return _bounded(path, config or Config(), lambda: read_bytes(data, path), with_roles)


def check_path(path: str | Path, config: Config | None = None, with_roles: bool = False, discover: bool = True) -> Result:
    """Check one file; an unreadable file gives a Result with ``error`` and one FZ9xx diagnostic."""
    if discover or config is None:
        config = config_for(path, config, discover)
    return _bounded(str(path), config, lambda: read_path(path), with_roles)


def input_note(code: str, detail: str, config: Config) -> list[Diagnostic]:
    """One FZ9xx note (through the configuration's selection), for findings made outside the rules."""
    return postprocess([_input_diagnostic(ruleset_for(config), code, detail)], config)


def limit_failure(path: str, message: str, config: Config) -> Result:
    diagnostics = postprocess([_input_diagnostic(ruleset_for(config), "FZ904", message)], config)
    return Result(path, diagnostics=diagnostics, error=message)


def input_failure(path: str, exc: InputError, config: Config) -> Result:
    diagnostics = postprocess([_input_diagnostic(ruleset_for(config), exc.code, exc.message)], config)
    return Result(path, diagnostics=diagnostics, error=exc.message)


def _input_diagnostic(ruleset: RuleSet, code: str, detail: str, span: Span = Span(0, 0)) -> Diagnostic:
    rule = ruleset.rules.get(code)
    if rule is None:  # a county pack removed it: still say something
        return Diagnostic(code, "input-error", "error", detail, span)
    return diagnostic(rule, span, detail=detail)
