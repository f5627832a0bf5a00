"""The fix machinery (checker/fixes.py) and ``fzcheck check --fix / --diff`` (checker/fixmode.py)."""

from __future__ import annotations

import codecs
import json
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.api import check_text
from checker.cli import app
from checker.config import Config
from checker.fixes import apply_edits, fix_document, fix_text, select_fixes
from checker.ingest.cleanup import build_document
from checker.model import Diagnostic, Edit, Fix, Span

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
runner = CliRunner()
PUNCT = "FZ30,FZ40,FZ450"  # this module's rules and the leftover rule whose fix it reuses
MINE = ("FZ30", "FZ40", "FZ450")


def diag(code: str, *edits: Edit, applicability: str = "safe") -> Diagnostic:
    return Diagnostic(code, "x", "warning", "m", Span(edits[0].start, edits[0].end), fix=Fix(edits, applicability))


# --- the pure core -------------------------------------------------------------------------


def test_apply_edits_in_any_order():
    assert apply_edits("甲,乙;丙", [Edit(3, 4, "；"), Edit(1, 2, "，")]) == "甲，乙；丙"
    assert apply_edits("甲乙", [Edit(1, 1, "、")]) == "甲、乙"


def test_apply_edits_refuses_overlap():
    with pytest.raises(ValueError):
        apply_edits("甲乙丙", [Edit(0, 2, ""), Edit(1, 3, "")])


def test_select_fixes_skips_overlapping_and_unsafe():
    a = diag("FZ401", Edit(1, 2, "，"))
    b = diag("FZ402", Edit(1, 3, "x"))  # overlaps a: left for the next round
    c = diag("FZ406", Edit(5, 6, ""))
    d = diag("FZ306", Edit(8, 9, "（"), applicability="unsafe")
    e = diag("FZ405", Edit(2, 2, "x"))  # an insertion touching a's edit
    assert select_fixes([c, b, a, d, e]) == [a, c]
    assert select_fixes([c, b, a, d, e], unsafe=True) == [a, c, d]


@dataclass
class _Result:
    diagnostics: list


def test_fix_document_stops_after_max_rounds_when_fixes_never_settle():
    doc = build_document("甲", path="t")

    def check(d):  # a rule that always wants one more character
        return _Result([diag("FZ499", Edit(len(d.text), len(d.text), "乙"))])

    outcome = fix_document(doc, check, max_rounds=3)
    assert outcome.rounds == 3 and not outcome.converged
    assert outcome.document.text == "甲乙乙乙" and outcome.applied == Counter({"FZ499": 3})


def test_fix_document_stops_when_a_fix_changes_nothing():
    doc = build_document("甲乙", path="t")
    outcome = fix_document(doc, lambda d: _Result([diag("FZ499", Edit(0, 1, "甲"))]))
    assert outcome.rounds == 1 and not outcome.converged and not outcome.changed


def test_fix_text_reaches_a_fixed_point_and_reports_what_it_changed():
    text = "一、主要举措和成效\n（一）依法履职,成效明显。。\n(二)推进 依法行政\n"
    outcome = fix_text(text, Config(select=MINE))
    assert outcome.document.text == "一、主要举措和成效\n（一）依法履职，成效明显。\n（二）推进依法行政\n"
    assert outcome.summary() == "已修复 4 处：FZ305×1，FZ401×1，FZ405×1，FZ406×1"
    assert outcome.converged and outcome.result.diagnostics == []
    assert not fix_text(outcome.document.text, Config(select=MINE)).changed


def test_unsafe_fixes_only_on_request():
    text = "一、主要举措和成效\n一）依法履职\n"
    assert fix_text(text, Config(select=("FZ306",))).document.text == text
    assert fix_text(text, Config(select=("FZ306",)), unsafe=True).document.text == "一、主要举措和成效\n（一）依法履职\n"


def test_leftover_fix_of_fz450_is_reused():
    text = "[bookmark: _GoBack]一、主要举措和成效\n"
    assert fix_text(text, Config(select=("FZ450",))).document.text == "一、主要举措和成效\n"


@pytest.mark.parametrize("level,expected", [("none", None), ("unsafe", "unsafe")])
def test_a_rule_pack_can_lower_a_fix(tmp_path, level, expected):
    pack = tmp_path / "county.toml"
    pack.write_text(f'[[rule]]\ncode = "FZ401"\nfix = "{level}"\n', encoding="utf-8")
    (d,) = check_text("依法履职,成效明显。", Config(select=("FZ401",), packs=(pack,))).diagnostics
    assert (d.fix.applicability if d.fix else None) == expected


def test_a_bad_fix_level_is_a_configuration_error(tmp_path):
    from checker.errors import ConfigError
    from checker.packs import load_ruleset

    pack = tmp_path / "county.toml"
    pack.write_text('[[rule]]\ncode = "FZ401"\nfix = "always"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="county.toml:3: 规则 FZ401 的 fix 只能是 safe、unsafe 或 none"):
        load_ruleset((pack,))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_fixing_a_seed_is_idempotent_and_keeps_every_chinese_character(seed):
    from checker.ingest import read_path

    doc = read_path(seed)
    once = fix_text(doc.text).document.text
    assert fix_text(once).document.text == once
    # the only words a safe fix changes in the seeds: 截止目前 → 截至目前 (FZ512, seed 000)
    han = [ch for ch in doc.text.replace("截止目前", "截至目前") if "\u4e00" <= ch <= "\u9fff"]
    assert [ch for ch in once if "\u4e00" <= ch <= "\u9fff"] == han


def test_seed_004_has_its_mismatched_bracket_fixed_and_no_error():
    from checker.ingest import read_path

    doc = read_path(ROOT / "fixtures" / "seeds" / "004_4cb5d7ebd9b6d720.txt")
    outcome = fix_text(doc.text, Config(select=MINE))
    assert outcome.summary() == "已修复 1 处：FZ404×1"
    assert "各村(社区）普法" in doc.text and "各村（社区）普法" in outcome.document.text


# --- the command line ----------------------------------------------------------------------


def invoke(*args, input=None):
    return runner.invoke(app, [*args, "--no-config"], input=input)


@pytest.fixture
def seeds(tmp_path):
    for seed in SEEDS:
        shutil.copy(seed, tmp_path / seed.name)
    return tmp_path


def test_fix_writes_keeps_a_backup_reports_and_settles(seeds):
    target = seeds / "003_ac34c00328a5d2bd.txt"
    original = target.read_bytes()
    result = invoke("check", str(target), "--fix", "--select", PUNCT, "--no-source")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == f"{target}: 已修复 2 处：FZ305×1，FZ450×1，原文件保存为 003_ac34c00328a5d2bd.txt.bak"
    assert lines[-1] == "共检查 1 个文件，未发现问题。"
    assert (seeds / "003_ac34c00328a5d2bd.txt.bak").read_bytes() == original
    fixed = target.read_text(encoding="utf-8")
    assert "\n（三）完善依法行政制度体系方面\n" in fixed and "[bookmark" not in fixed
    assert list(seeds.glob(".*.tmp")) == []
    again = invoke("check", str(target), "--fix", "--select", PUNCT, "--no-source")
    assert again.output.splitlines() == ["共检查 1 个文件，未发现问题。"]
    assert target.read_text(encoding="utf-8") == fixed


def test_fix_keeps_encoding_bom_and_newlines(tmp_path):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("一、主要举措和成效\r\n（一）依法履职,成效明显\r\n".encode("gb18030"))
    bom = tmp_path / "bom.txt"
    bom.write_bytes(codecs.BOM_UTF8 + "一、主要举措和成效\n（一）依法履职,成效明显\n".encode())
    result = invoke("check", str(gbk), str(bom), "--fix", "--select", "FZ401", "--no-backup")
    assert result.exit_code == 0
    assert gbk.read_bytes() == "一、主要举措和成效\r\n（一）依法履职，成效明显\r\n".encode("gb18030")
    assert bom.read_bytes() == codecs.BOM_UTF8 + "一、主要举措和成效\n（一）依法履职，成效明显\n".encode()
    assert not list(tmp_path.glob("*.bak"))


def test_markdown_keeps_its_markup_and_its_headings_stay_headings(tmp_path):
    md = tmp_path / "报告.md"
    md.write_text("# 一、主要举措和成效\n\n## （一）依法履职,成效明显\n\n## (二)依法决策\n", encoding="utf-8")
    result = invoke("check", str(md), "--fix", "--select", PUNCT, "--no-backup", "--no-source")
    assert md.read_text(encoding="utf-8") == "# 一、主要举措和成效\n\n## （一）依法履职，成效明显\n\n## （二）依法决策\n"
    assert result.output.splitlines()[0] == f"{md}: 已修复 2 处：FZ305×1，FZ401×1"
    from checker.fixes import rebuild_text
    from checker.ingest import read_path

    again = rebuild_text(read_path(md), [])  # later rounds read the markup the way the reader did
    assert again.source == "markdown" and again.lines[0].text == "一、主要举措和成效"


def test_diff_previews_and_writes_nothing(seeds):
    before = {p.name: p.read_bytes() for p in seeds.iterdir()}
    result = invoke("check", str(seeds), "--diff", "--select", PUNCT)
    assert result.exit_code == 1
    assert f"--- {seeds / '004_4cb5d7ebd9b6d720.txt'}\n+++ {seeds / '004_4cb5d7ebd9b6d720.txt'}\n" in result.output
    assert "-（三）提高服务水平" in result.output and "各村(社区）普法" in result.output
    assert "+（三）提高服务水平" in result.output and "各村（社区）普法" in result.output
    assert result.output.rstrip().endswith("可自动修复 6 处（4 个文件）；未写入任何文件。")
    assert {p.name: p.read_bytes() for p in seeds.iterdir()} == before


def test_diff_with_nothing_to_fix_exits_zero(seeds):
    result = invoke("check", str(seeds / "000_0c2af4e7f0c2d5ea.txt"), "--diff", "--select", PUNCT)
    assert result.exit_code == 0
    assert result.output == "可自动修复 0 处（0 个文件）；未写入任何文件。\n"


def test_stdin_is_never_written_the_fixed_text_goes_to_stdout():
    result = runner.invoke(
        app, ["check", "-", "--fix", "--select", "FZ401", "--no-config", "--no-source"], input="依法履职,成效明显\n"
    )
    assert result.stdout == "依法履职，成效明显\n"
    assert "<stdin>: 已修复 1 处：FZ401×1" in result.stderr
    assert "未发现问题" in result.stderr


def test_fix_with_json_output_keeps_stdout_json(seeds):
    target = seeds / "004_4cb5d7ebd9b6d720.txt"
    result = invoke("check", str(target), "--fix", "--select", PUNCT, "--format", "json")
    data = json.loads(result.stdout)
    assert data["files"][0]["diagnostics"] == [] and data["summary"]["warnings"] == 0
    assert f"{target}: 已修复 1 处：FZ404×1" in result.stderr


def test_unsafe_fixes_option(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("一、主要举措和成效\n一）依法履职\n", encoding="utf-8")
    invoke("check", str(report), "--fix", "--select", "FZ306")
    assert report.read_text(encoding="utf-8") == "一、主要举措和成效\n一）依法履职\n"
    result = invoke("check", str(report), "--fix", "--unsafe-fixes", "--select", "FZ306")
    assert report.read_text(encoding="utf-8") == "一、主要举措和成效\n（一）依法履职\n"
    assert result.output.splitlines()[0] == f"{report}: 已修复 1 处：FZ306×1，原文件保存为 r.txt.bak"


def test_docx_is_never_written_in_place_the_fixed_copy_keeps_formatting(tmp_path):
    import zipfile

    from checker.ingest import read_path

    docx = tmp_path / "报告.docx"
    shutil.copy(ROOT / "fixtures" / "docx" / "fixable.docx", docx)
    original = docx.read_bytes()
    result = invoke("check", str(tmp_path), "--fix", "--select", PUNCT, "--no-source")
    fixed = tmp_path / "报告.fixed.docx"
    assert result.output.splitlines()[0] == f"{docx}: 已修复 2 处：FZ402×1，FZ450×1，已写入 {fixed}"
    assert docx.read_bytes() == original
    text = read_path(fixed).text
    assert "（含撤回）" in text and "[bookmark" not in text
    xml = zipfile.ZipFile(fixed).read("word/document.xml").decode("utf-8")
    assert '<w:rPr><w:color w:val="0000FF"/></w:rPr><w:t>（含撤回）</w:t>' in xml  # the run keeps its colour
    first = fixed.read_bytes()
    again = invoke("check", str(tmp_path), "--fix", "--select", PUNCT, "--no-source")  # 报告.fixed.docx is skipped
    assert again.output.splitlines()[-1] == "共检查 1 个文件，未发现问题。"
    assert fixed.read_bytes() == first and not (tmp_path / "报告.fixed.fixed.docx").exists()


def test_fixes_the_rebuild_cannot_write_are_blocked_not_counted():
    doc = build_document("甲,乙,丙", path="t")
    first, second = Edit(1, 2, "，"), Edit(3, 4, "，")

    def check(d):
        return _Result([diag("FZ401", e) for e in (first, second) if d.text[e.start] == ","])

    def rebuild(d, edits):  # like a Word list number: the second comma cannot be written
        return build_document(apply_edits(d.text, [e for e in edits if e != second]), path="t"), [second]

    outcome = fix_document(doc, check, rebuild)
    assert outcome.document.text == "甲，乙,丙"
    assert outcome.applied == Counter({"FZ401": 1}) and outcome.blocked == Counter({"FZ401": 1})
    assert outcome.converged
