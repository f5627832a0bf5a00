"""fzcheck check --format sarif: valid against the official SARIF 2.1.0 schema (bundled in
tests/data), rules with help text from the packs, exact regions, fixes, unreadable files."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.packs import load_ruleset

ROOT = Path(__file__).resolve().parent.parent.parent
SEED_000 = str(ROOT / "fixtures" / "seeds" / "000_0c2af4e7f0c2d5ea.txt")
SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft4Validator(SCHEMA)
runner = CliRunner()


def sarif(*args, input=None) -> tuple[int, dict]:
    result = runner.invoke(app, ["check", "--format", "sarif", "--no-config", *args], input=input)
    doc = json.loads(result.stdout)
    errors = sorted(VALIDATOR.iter_errors(doc), key=lambda e: list(e.path))
    assert errors == [], [f"{list(e.path)}: {e.message}" for e in errors]
    return result.exit_code, doc


def test_the_bundled_schema_is_the_official_one():
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    assert SCHEMA["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    assert len(SCHEMA["definitions"]) == 52


def test_the_schema_rejects_what_it_must():
    """The validation is real: a result without a message is not SARIF."""
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "FZ104"}]}]}
    assert list(VALIDATOR.iter_errors(bad))


def test_result_region_rule_and_help():
    code, doc = sarif(SEED_000, "--select", "FZ104")
    assert code == 1
    run = doc["runs"][0]
    assert doc["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    [result] = run["results"]
    assert result["ruleId"] == "FZ104" and result["level"] == "error"
    assert result["message"]["text"].startswith("未报告党政主要负责人履行推进法治建设第一责任人职责的情况\n提示：单列一部分")
    location = result["locations"][0]["physicalLocation"]
    region = location["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (1, 1, 2, 16)
    assert region["snippet"]["text"] == "湟中区群加藏族乡"
    assert location["artifactLocation"]["uri"] == Path(SEED_000).as_uri()
    rule = run["tool"]["driver"]["rules"][result["ruleIndex"]]
    pack = load_ruleset().rules["FZ104"]
    assert rule["id"] == "FZ104" and rule["name"] == "missing-first-responsible"
    assert rule["shortDescription"]["text"] == pack.message
    assert rule["fullDescription"]["text"] == pack.why
    assert f"依据：{pack.basis}" in rule["help"]["text"] and f"如何修改：{pack.hint}" in rule["help"]["text"]
    assert "**为什么**" in rule["help"]["markdown"]
    assert rule["defaultConfiguration"]["level"] == "error"


def test_fix_relative_chinese_path_and_levels(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("报告 2024.txt").write_text(
        "示例乡2024年法治政府建设年度报告\n[bookmark: _GoBack]一、主要举措和成效\n全年办件3100件。\n", encoding="utf-8"
    )
    _, doc = sarif("报告 2024.txt", "--select", "FZ450")
    run = doc["runs"][0]
    [result] = run["results"]
    assert result["level"] == "warning"
    assert run["artifacts"][0]["location"] == {"uri": "%E6%8A%A5%E5%91%8A%202024.txt", "uriBaseId": "%SRCROOT%"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"
    [fix] = result["fixes"]
    [change] = fix["artifactChanges"]
    [replacement] = change["replacements"]
    deleted = replacement["deletedRegion"]
    assert (deleted["startLine"], deleted["startColumn"], deleted["endLine"], deleted["endColumn"]) == (2, 1, 2, 20)
    assert replacement["insertedContent"] == {"text": ""}
    assert result["properties"] == {"fixApplicability": "safe"}


def test_unreadable_file_and_stdin(tmp_path):
    broken = tmp_path / "坏.txt"
    broken.write_bytes(b"\x00\x01\x02binary\x00\xff\xfe")
    code, doc = sarif(str(broken), "-", "--select", "FZ9,FZ104", input="示例乡2024年法治政府建设年度报告\n一、主要举措和成效\n全年办件3100件。\n")
    assert code == 1
    run = doc["runs"][0]
    [note] = run["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "error" and note["message"]["text"].startswith(f"{broken}: ")
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["index"]) for r in run["results"]] == [
        ("FZ901", 0),
        ("FZ104", 1),
    ]
    assert run["artifacts"][1]["location"] == {"uri": "%3Cstdin%3E"}


def test_same_file_twice_is_one_artifact():
    _, doc = sarif(SEED_000, SEED_000, "--select", "FZ104")
    run = doc["runs"][0]
    assert len(run["artifacts"]) == 1 and len(run["results"]) == 2


def test_a_county_rule_gets_a_descriptor(tmp_path):
    pack = tmp_path / "county.toml"
    pack.write_text(
        '[[rule]]\ncode = "FZ801"\nname = "county-title-word"\nkind = "title"\npattern = "法治政府建设年度报告"\n'
        'severity = "info"\nmessage = "标题应写作“法治政府建设年度报告”"\nhint = "改标题"\n'
        'basis = "县通知"\nwhy = "本县统一标题。"\n',
        encoding="utf-8",
    )
    _, doc = sarif(SEED_000, "--rules", str(pack), "--select", "FZ801")
    run = doc["runs"][0]
    [rule] = run["tool"]["driver"]["rules"]
    assert rule["id"] == "FZ801" and rule["shortDescription"]["text"] == "标题应写作“法治政府建设年度报告”"
    assert "本县统一标题。" in rule["help"]["text"]  # the county pack's own documentation, not a stand-in
    assert run["results"][0]["level"] == "note"


@pytest.mark.parametrize("args", [["--select", "FZ1,FZ2,FZ3,FZ4,FZ5,FZ6"], []])
def test_whole_seed_folder_is_valid(args):
    _, doc = sarif(str(ROOT / "fixtures" / "seeds"), *args)
    run = doc["runs"][0]
    assert len(run["artifacts"]) == 5
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert ids == sorted(set(ids))
    for r in run["results"]:
        assert run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
