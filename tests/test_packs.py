"""Rule packs are validated strictly on load, with file and line in every error."""

from __future__ import annotations

import pytest

from checker.errors import ConfigError
from checker.packs import load_ruleset

BASE = '''[[rule]]
code = "FZ801"
name = "missing-enforcement"
kind = "required_role"
role = "enforcement"
severity = "error"
message = "缺少行政执法部分"
'''


def _load(tmp_path, text):
    pack = tmp_path / "county.toml"
    pack.write_text(text, encoding="utf-8")
    return load_ruleset([pack]), pack


def test_county_pack_adds_role_and_rule(tmp_path):
    ruleset, _ = _load(tmp_path, '[roles.enforcement]\nlabel = "行政执法"\nheading_any = ["行政执法"]\n\n' + BASE)
    assert ruleset.rules["FZ801"].params.role == "enforcement"
    assert ruleset.roles["enforcement"].heading_any == ("行政执法",)


def test_unknown_key_names_file_line_and_suggestion(tmp_path):
    text = '[roles.enforcement]\nheading_any = ["行政执法"]\n\n' + BASE.replace('severity = "error"', 'severty = "error"')
    with pytest.raises(ConfigError) as err:
        _load(tmp_path, text)
    message = str(err.value)
    assert message.endswith("county.toml:9: 未知的规则 FZ801（required_role）的键 “severty”（是否应为 “severity”？）")


def test_unknown_kind(tmp_path):
    with pytest.raises(ConfigError, match=r"county.toml:4: 未知的规则 FZ801 的 kind “required_rol”（是否应为 “required_role”？）"):
        _load(tmp_path, BASE.replace('kind = "required_role"', 'kind = "required_rol"'))


def test_undefined_role(tmp_path):
    with pytest.raises(ConfigError, match="未定义的角色 enforcement"):
        _load(tmp_path, BASE)


def test_bad_severity_and_placeholder(tmp_path):
    roles = '[roles.enforcement]\nheading_any = ["行政执法"]\n\n'
    with pytest.raises(ConfigError, match="severity 只能是 error、warning 或 info"):
        _load(tmp_path, roles + BASE.replace('severity = "error"', 'severity = "fatal"'))
    with pytest.raises(ConfigError, match=r"未知占位符 \{what\}"):
        _load(tmp_path, roles + BASE.replace("缺少行政执法部分", "缺少{what}"))


def test_toml_syntax_error_names_the_file(tmp_path):
    with pytest.raises(ConfigError, match="county.toml: TOML 语法错误"):
        _load(tmp_path, "[[rule]\ncode = 1")


def test_bad_code(tmp_path):
    with pytest.raises(ConfigError, match="code 不是 FZ 加三位数字"):
        _load(tmp_path, BASE.replace('"FZ801"', '"X1"'))


def test_override_changes_only_given_fields_and_can_disable(tmp_path):
    ruleset, _ = _load(tmp_path, '[[rule]]\ncode = "FZ105"\nenabled = false\n\n[[rule]]\ncode = "FZ103"\nseverity = "error"\n')
    assert ruleset.rules["FZ105"].enabled is False
    assert ruleset.rules["FZ103"].severity == "error"
    assert ruleset.rules["FZ103"].params.role == "shortcomings"


def test_wrong_param_type(tmp_path):
    with pytest.raises(ConfigError, match="参数 max_level 类型应为 int"):
        _load(tmp_path, '[[rule]]\ncode = "FZ105"\nmax_level = "一"\n')
