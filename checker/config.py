"""Project configuration: ``fzcheck.toml`` / ``.fzcheck.toml`` or ``[tool.fzcheck]`` in
``pyproject.toml``, found by walking up from the checked file; the command line wins.

Keys: ``select``, ``ignore`` (codes or prefixes), ``severity`` (code → level),
``rules`` (extra packs, relative to the config file), ``year`` (report year),
``fail-on`` (error | warning | info | never).
"""

from __future__ import annotations

import difflib
import os
import re
import sys
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from .errors import ConfigError, line_of
from .model import SEVERITIES

CONFIG_NAMES = ("fzcheck.toml", ".fzcheck.toml")
CODE_OR_PREFIX = re.compile(r"FZ[0-9]{0,3}")  # ASCII "FZ" and up to three ASCII digits, matched whole
KEYS = ("select", "ignore", "severity", "rules", "year", "fail-on")
FAIL_ON = ("error", "warning", "info", "never")


@dataclass(frozen=True)
class Config:
    """The settings of a check: the configuration files found and the command line's options over them."""
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    packs: tuple[Path, ...] = ()
    year: int | None = None
    fail_on: str = "error"
    source: str = ""
    fail_on_given: bool = False  # the command line gave --fail-on (it wins over the file, even "error")

    def merged(self, **overrides) -> "Config":
        values = {k: v for k, v in overrides.items() if v not in (None, (), [])}
        return replace(self, **values)

    def selects(self, code: str) -> bool:
        if not self.ignore and not self.select:  # the default: every rule (asked for each rule of each file)
            return True
        if any(code.startswith(p) for p in self.ignore):
            # a longer select entry beats a shorter ignore entry (ruff's rule)
            longest_ignore = max(len(p) for p in self.ignore if code.startswith(p))
            longer_select = [p for p in self.select if code.startswith(p) and len(p) > longest_ignore]
            return bool(longer_select)
        return not self.select or any(code.startswith(p) for p in self.select)


def _toml():
    """tomllib, imported when a configuration file is read (a run without one does not need it)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib


def find_config(start: Path) -> Path | None:
    try:
        folder = start.resolve() if start.is_dir() else start.resolve().parent
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13): look from where it is
        folder = Path(os.path.abspath(start)).parent
    return _find_config(folder)


@lru_cache(maxsize=256)
def _find_config(directory: Path) -> Path | None:
    for parent in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = parent / name
            if candidate.is_file():
                return candidate
        pyproject = parent / "pyproject.toml"
        if pyproject.is_file():
            if _holds_fzcheck_table(pyproject):
                return pyproject
    return None


def _holds_fzcheck_table(pyproject: Path) -> bool:
    """Whether ``pyproject`` has a [tool.fzcheck] table; one that does but is not valid TOML counts
    (load_config then reports the syntax error) rather than being skipped in silence."""
    tomllib = _toml()
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return re.search(r"^\s*\[\s*tool\s*\.\s*fzcheck\b", text, re.M) is not None
    tool = data.get("tool")
    return isinstance(tool, dict) and "fzcheck" in tool  # a [tool] of another shape is no fzcheck config


@lru_cache(maxsize=64)
def load_config(path: Path) -> Config:
    tomllib = _toml()
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: 无法读取配置文件（{exc}）") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: TOML 语法错误：{exc}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("fzcheck", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            raise ConfigError(f"{path}:{line_of(text, 'fzcheck')}: [tool.fzcheck] 必须是表，如 [tool.fzcheck] 下写 select = [\"FZ1\"]")
    name = str(path)
    for key in data:
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            tip = f"（是否应为 “{close[0]}”？）" if close else ""
            raise ConfigError(f"{name}:{line_of(text, key)}: 未知的配置项 “{key}”{tip}")
    config = Config(source=name)
    for key in ("select", "ignore"):
        config = replace(config, **{key: _code_list(data, key, name, text)})
    severity = _severity_table(data, name, text)
    packs = data.get("rules", [])
    if isinstance(packs, str):
        packs = [packs]
    if not isinstance(packs, list):
        raise ConfigError(f"{name}:{line_of(text, 'rules')}: rules 必须是规则包路径列表")
    year = data.get("year")
    if year is not None and (not isinstance(year, int) or not 1990 <= year <= 2100):
        raise ConfigError(f"{name}:{line_of(text, 'year')}: year 必须是四位年份，如 2024")
    fail_on = data.get("fail-on", "error")
    if fail_on not in FAIL_ON:
        raise ConfigError(f"{name}:{line_of(text, 'fail-on')}: fail-on 只能是 {'、'.join(FAIL_ON)}")
    return replace(
        config,
        severity={k.upper(): v for k, v in severity.items()},
        packs=tuple((path.parent / p).resolve() for p in packs),
        year=year,
        fail_on=fail_on,
    )


def _code_list(data: dict, key: str, name: str, text: str) -> tuple[str, ...]:
    """``select`` or ``ignore``: a list of codes or prefixes, each ASCII "FZ" and digits."""
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{name}:{line_of(text, key)}: {key} 必须是规则代码列表，如 [\"FZ1\", \"FZ203\"]")
    codes = tuple(v.strip().upper() for v in value)
    for code in codes:
        if not CODE_OR_PREFIX.fullmatch(code):
            raise ConfigError(f"{name}:{line_of(text, key)}: {key} 中的 “{code}” 不是规则代码或前缀（应为 FZ 加数字，如 FZ1、FZ104）")
    return codes


def _severity_table(data: dict, name: str, text: str) -> dict:
    severity = data.get("severity", {})
    if not isinstance(severity, dict):
        raise ConfigError(f"{name}:{line_of(text, 'severity')}: severity 必须是表，如 severity = {{ FZ105 = \"info\" }}")
    for code, level in severity.items():
        if not CODE_OR_PREFIX.fullmatch(code.upper()):
            raise ConfigError(f"{name}:{line_of(text, code)}: severity 中的 “{code}” 不是规则代码（应为 FZ 加三位数字，如 FZ104）")
        if level not in SEVERITIES:
            raise ConfigError(f"{name}:{line_of(text, code)}: {code} 的级别只能是 error、warning 或 info")
    return severity


def unknown_code_message(value: str, known: list[str]) -> str:
    """Why ``value`` names no rule, with the closest code when there is one."""
    import unicodedata

    candidate = unicodedata.normalize("NFKC", value).upper().replace("O", "0").replace("I", "1").replace("L", "1")
    if candidate != value and CODE_OR_PREFIX.fullmatch(candidate) and any(k.startswith(candidate) for k in known):
        close = [candidate]
    else:
        close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    tip = f"，是否应为 {close[0]}？" if close else "；用 fzcheck rules 查看全部规则代码"
    if not CODE_OR_PREFIX.fullmatch(value):
        return f"“{value}” 不是规则代码或前缀（应为 FZ 加数字，如 FZ1、FZ104）{tip}"
    return f"没有以 “{value}” 开头的规则{tip}"
