"""Rule packs: load ``rules/*.toml`` (and users' packs), validate strictly, build a RuleSet.

A pack may hold:

* ``[[rule]]`` tables — a rule: common fields (code, name, title, kind, severity,
  message, hint, basis, why, example_fires, example_passes, enabled) plus the
  parameters of its kind (validated against the kind's ``Params`` dataclass);
* ``[roles.<name>]`` — keyword sets for section roles;
* ``[lookalikes]`` — document types that are not an annual report: name → title words, or
  ``[lookalikes."name"]`` tables (title, title_unless_report, body, body_patterns, min_body,
  body_unless_report; see rules/roles.toml).

Later packs override earlier ones: a rule with an existing code updates only the
fields it gives (so a county can change a message or turn a rule off with
``enabled = false``); a role table replaces only the keys it gives.
Unknown keys, kinds, roles and placeholders are configuration errors that name
the file and line and suggest the closest valid name.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import pickle
import re
import string
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Generic, TypeVar, get_type_hints

from .analyze.lookalike import LOOKALIKE_FIELDS, LookalikeDef
from .analyze.roles import RoleDef
from .errors import ConfigError, line_of
from .kinds import KINDS
from .model import SEVERITIES
from .resources import default_rules_dir

COMMON_FIELDS = {
    "code": str,
    "name": str,
    "title": str,
    "kind": str,
    "severity": str,
    "message": str,
    "hint": str,
    "basis": str,
    "why": str,
    "example_fires": str,
    "example_passes": str,
    "enabled": bool,
    "fix": str,
}
FIX_LEVELS = ("safe", "unsafe", "none")  # a rule's ``fix``: how far its kind's fixes may be applied
REQUIRED_FIELDS = ("code", "name", "kind", "severity", "message")
ROLE_FIELDS = {f.name for f in dataclasses.fields(RoleDef)} - {"name"}
_CODE_RE = re.compile(r"FZ[0-9]{3}")  # ASCII only (\d would take ١٢٣), matched whole


P = TypeVar("P")


@dataclass(frozen=True, slots=True)
class Rule(Generic[P]):
    """One rule of a pack; ``params`` is its kind's ``Params`` dataclass (``Rule[required_role.Params]``)."""

    code: str
    name: str
    kind: str
    severity: str
    message: str
    params: P
    title: str = ""  # a short Chinese name for people (the web page, the workbook); ``name`` stays the stable id
    hint: str = ""
    basis: str = ""
    why: str = ""
    example_fires: str = ""
    example_passes: str = ""
    enabled: bool = True
    fix: str = ""  # "" (as the kind proposes) | "safe" | "unsafe" (suggest only) | "none" (no fix)
    source: str = ""


@dataclass(slots=True)
class RuleSet:
    """The rules, roles and look-alikes of the loaded packs, and the files they came from."""
    rules: dict[str, Rule] = field(default_factory=dict)
    roles: dict[str, RoleDef] = field(default_factory=dict)
    lookalikes: dict[str, LookalikeDef] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    _segmenter: Any = None
    key: str = ""  # made of the packs' paths and contents and the code's versions (load_ruleset)

    def segmenter(self):
        """The jieba segmenter over the domain dictionary, every role keyword and the words kinds match (built once)."""
        if self._segmenter is None:
            from .analyze.tokens import Segmenter

            words = [w for role in self.roles.values() for w in (*role.heading_any, *role.heading_not)]
            for rule in self.rules.values():  # a kind may need its own words kept whole (role_mentions)
                extra = getattr(KINDS[rule.kind], "segmenter_words", None)
                if extra is not None:
                    words.extend(extra(rule.params))
            self._segmenter = Segmenter(str(default_rules_dir() / "jieba-userdict.txt"), words)
        return self._segmenter

    def enabled(self) -> list[Rule]:
        return [r for r in self.rules.values() if r.enabled]


def pack_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(path.glob("*.toml"))
    if path.is_file():
        return [path]
    raise ConfigError(f"{path}: 规则包不存在")


def load_ruleset(extra: list[Path] | tuple[Path, ...] = ()) -> RuleSet:
    """The default packs, then ``extra`` ones, validated.  A validated set is kept in the per-user
    cache folder under a key made of the packs' paths and contents and the versions of Python and
    of fzcheck's code, so an unchanged set loads without parsing and validating it again."""
    texts = [(file, _read(file)) for base in [default_rules_dir(), *extra] for file in pack_files(Path(base))]
    key = _cache_key(texts)
    ruleset = _cached(key)
    if ruleset is not None:
        ruleset.key = key
        return ruleset
    ruleset = RuleSet(key=key)
    raw_rules: dict[str, tuple[dict, str, str]] = {}
    for file, text in texts:
        _load_file(file, text, ruleset, raw_rules)
    for code, (table, file, text) in raw_rules.items():
        ruleset.rules[code] = _build_rule(table, file, text, ruleset)
    _store(key, ruleset)
    return ruleset


def _read(file: Path) -> str:
    try:
        return file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{file}: 无法读取规则包（{exc}）") from None


def _cache_key(texts: list[tuple[Path, str]]) -> str:
    import hashlib

    from . import __version__

    digest = hashlib.sha256(f"{__version__}\0{sys.version}\0{_code_stamp()}".encode())
    for file, text in texts:
        digest.update(f"\0{file}\0{text}".encode())
    return digest.hexdigest()[:32]


def _code_stamp() -> str:
    """Sizes and modification times of the code that builds a RuleSet (an edited kind in a checkout
    changes the key even when the version does not)."""
    here = Path(__file__).parent
    files = [here / "packs.py", here / "analyze" / "roles.py"]
    try:
        files += [Path(e.path) for e in os.scandir(here / "kinds") if e.name.endswith(".py")]
        stats = [(f.name, f.stat()) for f in sorted(files)]
    except OSError:
        return "?"
    return ";".join(f"{name}:{st.st_size}:{st.st_mtime_ns}" for name, st in stats)


_CACHE_FILES_KEPT = 8


def _cached(key: str) -> RuleSet | None:
    from .cache import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(os.path.join(folder, f"packs-{key}.pickle"), "rb") as fh:
            ruleset = pickle.load(fh)
    except Exception:  # noqa: BLE001 — missing, stale or damaged: validate the packs again
        return None
    return ruleset if isinstance(ruleset, RuleSet) else None


def _store(key: str, ruleset: RuleSet) -> None:
    from .cache import cache_dir, write_whole

    folder = cache_dir()
    if folder is None:
        return
    try:
        segmenter, ruleset._segmenter = ruleset._segmenter, None  # built from the rules on demand
        try:
            data = pickle.dumps(ruleset, protocol=pickle.HIGHEST_PROTOCOL)
        finally:
            ruleset._segmenter = segmenter
        write_whole(os.path.join(folder, f"packs-{key}.pickle"), data, ".packs-")
        old = sorted(Path(folder).glob("packs-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[_CACHE_FILES_KEPT:]:  # packs being edited leave one file per version
            stale.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 — not cached: the next run validates again
        return


def _load_file(file: Path, text: str, ruleset: RuleSet, raw_rules: dict[str, tuple[dict, str, str]]) -> None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}: TOML 语法错误：{exc}") from None
    name = str(file)
    ruleset.sources.append(name)
    for key in data:
        if key not in ("rule", "roles", "lookalikes"):
            _unknown(name, text, key, ("rule", "roles", "lookalikes"), "顶层键")
    _load_roles(data.get("roles", {}), name, text, ruleset)
    for lname, value in data.get("lookalikes", {}).items():
        ruleset.lookalikes[lname] = _lookalike(lname, value, name, text)
    _merge_rules(data.get("rule", []), name, text, raw_rules)


def _load_roles(roles: dict, name: str, text: str, ruleset: RuleSet) -> None:
    """A pack's [roles.*] tables: a known role updates only the keys given, a new one is added."""
    for role_name, table in roles.items():
        if not isinstance(table, dict):
            raise ConfigError(f"{name}:{_line_of(text, role_name)}: roles.{role_name} 必须是表")
        for key in table:
            if key not in ROLE_FIELDS:
                _unknown(name, text, key, ROLE_FIELDS, f"roles.{role_name} 的键")
        old = ruleset.roles.get(role_name)
        values = dataclasses.asdict(old) if old else {"name": role_name, "label": role_name}
        for key, value in table.items():
            values[key] = _tupled(value, name, text, key)
        ruleset.roles[role_name] = RoleDef(**values)


def _merge_rules(rules, name: str, text: str, raw_rules: dict[str, tuple[dict, str, str]]) -> None:
    """A pack's [[rule]] tables merged by code into ``raw_rules`` (a later pack changes only the fields
    it gives; a changed kind keeps only the common fields)."""
    if not isinstance(rules, list):
        raise ConfigError(f"{name}: rule 必须写成 [[rule]] 表数组")
    for table in rules:
        code = table.get("code")
        if not isinstance(code, str) or not _CODE_RE.fullmatch(code):
            raise ConfigError(f"{name}:{_line_of(text, 'code')}: 规则缺少 code，或 code 不是 FZ 加三位数字（{code!r}）")
        if code in raw_rules:
            merged = dict(raw_rules[code][0])
            if "kind" in table and table["kind"] != merged.get("kind"):
                merged = {k: v for k, v in merged.items() if k in COMMON_FIELDS}
            merged.update(table)
            raw_rules[code] = (merged, name, text)
        else:
            raw_rules[code] = (dict(table), name, text)


def _lookalike(lname: str, value: Any, file: str, text: str) -> LookalikeDef:
    """``"名" = ["标题词", …]`` (title words) or a table of LookalikeDef's fields."""
    if isinstance(value, list):
        value = {"title": value}
    if not isinstance(value, dict):
        raise ConfigError(f"{file}:{_line_of(text, lname)}: lookalikes.{lname} 必须是字符串列表或表")
    for key, item in value.items():
        if key not in LOOKALIKE_FIELDS:
            _unknown(file, text, key, LOOKALIKE_FIELDS, f"lookalikes.{lname} 的键")
        if key == "min_body":
            ok = isinstance(item, int) and not isinstance(item, bool) and item >= 1
        elif key == "body_unless_report":
            ok = isinstance(item, bool)
        else:
            ok = isinstance(item, list) and all(isinstance(w, str) for w in item)
        if not ok:
            raise ConfigError(f"{file}:{_line_of(text, lname)}: lookalikes.{lname}.{key} 类型不对（词表应为字符串列表）")
        if key == "body_patterns":
            for pattern in item:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise ConfigError(f"{file}:{_line_of(text, lname)}: lookalikes.{lname} 的正则 {pattern!r} 有误：{exc}") from None
    fields = {k: tuple(v) if isinstance(v, list) else v for k, v in value.items()}
    return LookalikeDef(name=lname, **fields)


def _tupled(value: Any, file: str, text: str, key: str) -> Any:
    if isinstance(value, list):
        return tuple(_tupled(v, file, text, key) for v in value)
    return value


def _build_rule(table: dict, file: str, text: str, ruleset: RuleSet) -> Rule:
    """One rule from its merged TOML table: common fields checked, parameters validated into its
    kind's ``Params`` (then by the kind's own ``validate``), placeholders checked against the kind's."""
    code = table["code"]
    where = _Where(file, text, code, ruleset)
    if "kind" not in table:
        where.fail(code, f"规则 {code} 缺少必填字段 kind")
    kind_name = table["kind"]
    kind = KINDS.get(kind_name)
    if kind is None:
        _unknown(file, text, kind_name, KINDS, f"规则 {code} 的 kind", code)
    common, params = _split_fields(table, kind, where)
    _check_common(table, common, where)
    param_obj = _params(kind, params, where)
    _check_placeholders(kind, common, where)
    return Rule(params=param_obj, source=file, **common)


@dataclass(frozen=True)
class _Where:
    """Where a rule is written, for its errors: file, text and code (errors point into its table)."""

    file: str
    text: str
    code: str
    ruleset: Any = None  # what the kind's ``validate`` checks a rule against (roles defined …)

    def fail(self, needle: str, message: str) -> None:
        raise ConfigError(f"{self.file}:{_line_of(self.text, needle, self.code)}: {message}")


def _split_fields(table: dict, kind, where: _Where) -> tuple[dict[str, Any], dict[str, Any]]:
    """(common fields, kind parameters) of a rule's table; an unknown key is an error."""
    common: dict[str, Any] = {}
    params: dict[str, Any] = {}
    param_fields = {f.name for f in dataclasses.fields(kind.Params)}
    for key, value in table.items():
        if key in COMMON_FIELDS:
            if not isinstance(value, COMMON_FIELDS[key]):
                where.fail(key, f"规则 {where.code} 的 {key} 类型应为 {COMMON_FIELDS[key].__name__}")
            common[key] = value
        elif key in param_fields:
            params[key] = _tupled(value, where.file, where.text, key)
        else:
            what = f"规则 {where.code}（{kind.KIND}）的键"
            _unknown(where.file, where.text, key, [*COMMON_FIELDS, *param_fields], what, where.code)
    return common, params


def _check_common(table: dict, common: dict[str, Any], where: _Where) -> None:
    code = where.code
    for key in REQUIRED_FIELDS:
        if key not in table:
            where.fail(code, f"规则 {code} 缺少必填字段 {key}")
    if common.get("fix", "safe") not in FIX_LEVELS:
        where.fail("fix", f"规则 {code} 的 fix 只能是 safe、unsafe 或 none")
    if common["severity"] not in SEVERITIES:
        where.fail(common["severity"], f"规则 {code} 的 severity 只能是 error、warning 或 info")


def _params(kind, params: dict[str, Any], where: _Where):
    """The kind's ``Params`` from a rule's parameters: required ones present, types right, the kind's
    own ``validate`` satisfied."""
    code = where.code
    try:
        param_obj = kind.Params(**params)
    except TypeError as exc:
        missing = [
            f.name for f in dataclasses.fields(kind.Params)
            if f.name not in params and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        ]
        where.fail(code, f"规则 {code} 缺少 {kind.KIND} 的参数 {', '.join(missing) or exc}")
    _check_param_types(param_obj, kind.Params, where.file, where.text, code)
    validate = getattr(kind, "validate", None)
    problem = validate(param_obj, where.ruleset) if validate is not None else ""
    if problem:
        where.fail(code, f"规则 {code}：{problem}")
    return param_obj


def _check_placeholders(kind, common: dict[str, Any], where: _Where) -> None:
    allowed = set(getattr(kind, "PLACEHOLDERS", ()))
    for key in ("message", "hint"):
        try:
            parsed = list(string.Formatter().parse(common.get(key, "")))
        except ValueError as exc:
            where.fail(key, f"规则 {where.code} 的 {key} 中花括号不成对（{exc}）；字面的花括号请写成 {{{{ 和 }}}}")
        for _, fname, spec, conversion in parsed:
            if fname is not None and (spec or conversion):  # "{match:>300000000}" would take gigabytes
                shown = ("!" + conversion if conversion else "") + (":" + spec if spec else "")
                where.fail(key, f"规则 {where.code} 的 {key} 中占位符 {{{fname}}} 不能带格式说明或转换（“{shown}”），请只写 {{{fname}}}")
            if fname is not None and fname not in allowed:
                where.fail(
                    "{" + fname + "}",
                    f"规则 {where.code} 的 {key} 使用了未知占位符 {{{fname}}}，"
                    f"{kind.KIND} 可用：{', '.join(sorted(allowed)) or '无'}",
                )


@cache
def _type_hints(cls: type) -> dict[str, Any]:
    """get_type_hints evaluates the annotations' strings each time: once per kind is enough."""
    return get_type_hints(cls)


def _check_param_types(obj: Any, cls: type, file: str, text: str, code: str) -> None:
    hints = _type_hints(cls)
    for f in dataclasses.fields(cls):
        value = getattr(obj, f.name)
        expected = hints.get(f.name)
        origin = getattr(expected, "__origin__", expected)
        if origin is tuple and not isinstance(value, tuple):
            raise ConfigError(f"{file}:{_line_of(text, f.name, code)}: 规则 {code} 的参数 {f.name} 应为列表")
        if expected in (str, int, bool) and not isinstance(value, expected):
            raise ConfigError(f"{file}:{_line_of(text, f.name, code)}: 规则 {code} 的参数 {f.name} 类型应为 {expected.__name__}")


def _line_of(text: str, needle: str, rule: str | None = None) -> int:
    return line_of(text, needle, rule)


def _unknown(file: str, text: str, key: str, valid, what: str, rule: str | None = None) -> None:
    close = difflib.get_close_matches(key, list(valid), n=1)
    suggestion = f"（是否应为 “{close[0]}”？）" if close else ""
    raise ConfigError(f"{file}:{_line_of(text, key, rule)}: 未知的{what} “{key}”{suggestion}")
