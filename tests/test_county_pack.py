"""A county pack written in TOML alone (fixtures/packs/county/, shown in the README)."""

from pathlib import Path

from checker.api import check_path
from checker.packs import load_ruleset
from checker.positions import LineIndex

COUNTY = Path(__file__).resolve().parent.parent / "fixtures" / "packs" / "county"


def _found(name):
    result = check_path(COUNTY / name)
    index = LineIndex(result.document.text)
    return [(*index.line_col(d.span.start), d.code, d.message) for d in result.diagnostics]


def test_county_requirements_fire():
    assert _found("不合要求.txt") == [
        (1, 1, "FZ801", "缺少“行政执法工作情况”部分"),
        (7, 3, "FZ802", "“2024年度推进法治政府建设存在的不足和原因”只列出2个问题，本县要求至少3个"),
    ]


def test_report_meeting_the_county_requirements():
    assert _found("符合要求.txt") == []


def test_pack_disables_fz105_and_its_examples_work():
    from checker.api import check_text
    from checker.config import Config

    pack = COUNTY / "本县规则" / "county.toml"
    ruleset = load_ruleset([pack])
    assert ruleset.rules["FZ105"].enabled is False
    for code in ("FZ801", "FZ802"):
        rule = ruleset.rules[code]
        config = Config(select=(code,), packs=(pack,))
        assert code in {d.code for d in check_text(rule.example_fires, config).diagnostics}
        assert code not in {d.code for d in check_text(rule.example_passes, config).diagnostics}


def test_readme_shows_this_pack():
    readme = (COUNTY.parent.parent.parent / "README.md").read_text(encoding="utf-8")
    pack = (COUNTY / "本县规则" / "county.toml").read_text(encoding="utf-8")
    assert pack.split("\n", 1)[1] in readme
