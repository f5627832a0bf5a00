"""A folder search never leaves its folder: links are not followed (FZ961), or with --follow-links
only within the folder; the review never reads a file a link points to outside."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.run import SkippedLink, collect

ROOT = Path(__file__).resolve().parent.parent
SEED = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))[0]
runner = CliRunner()


@pytest.fixture
def tree(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("机密：系统口令列表\n", encoding="utf-8")
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_bytes(SEED.read_bytes())
    (folder / "sub" / "b.txt").write_bytes(SEED.read_bytes())
    (folder / "leak.txt").symlink_to(outside / "secret.txt")
    (folder / "leakdir").symlink_to(outside)
    (folder / "inner.txt").symlink_to("a.txt")
    (folder / "sub" / "loop").symlink_to("..")
    (folder / "notes.png").symlink_to(outside / "secret.txt")  # not a report name: ignored
    return folder


def test_links_not_followed_by_default(tree):
    files = collect([str(tree)])
    assert [os.path.relpath(f, tree) for f in files] == ["a.txt", "inner.txt", "leak.txt", "leakdir", "sub/b.txt", "sub/loop"]
    skipped = {os.path.relpath(f, tree): f.reason for f in files if isinstance(f, SkippedLink)}
    outside = tree.parent / "outside"
    assert skipped == {
        "inner.txt": f"是符号链接（指向 {tree / 'a.txt'}），未跟随；如需检查，请加 --follow-links",
        "leak.txt": f"是指向所查文件夹以外（{outside / 'secret.txt'}）的符号链接，未跟随",
        "leakdir": f"是指向所查文件夹以外（{outside}）的符号链接，未跟随",
        "sub/loop": f"是符号链接（指向 {tree}），未跟随；如需检查，请加 --follow-links",
    }


def test_follow_links_stays_inside_and_ends_loops(tree):
    files = collect([str(tree)], follow_links=True)
    assert [(os.path.relpath(f, tree), isinstance(f, SkippedLink)) for f in files] == [
        ("a.txt", False),
        ("inner.txt", False),
        ("leak.txt", True),
        ("leakdir", True),
        ("sub/b.txt", False),
    ]  # sub/loop points at the folder already searched: not searched twice


def test_file_named_on_the_command_line_is_read_through_its_link(tmp_path):
    link = tmp_path / "r.txt"
    link.symlink_to(SEED)
    assert collect([str(link)]) == [str(link)]


def test_check_reports_the_link_and_never_its_target(tree):
    result = runner.invoke(app, ["check", str(tree), "--select", "FZ961", "--no-source", "--format", "json"])
    assert "系统口令" not in result.output
    import json

    files = {os.path.relpath(f["path"], tree): f for f in json.loads(result.stdout)["files"]}
    assert [d["code"] for d in files["leak.txt"]["diagnostics"]] == ["FZ961"]
    assert files["leak.txt"]["diagnostics"][0]["severity"] == "warning"
    assert result.exit_code == 0


def test_fix_never_writes_through_a_skipped_link(tree):
    (tree.parent / "outside" / "secret.txt").write_text("依法行政,成效明显。\n", encoding="utf-8")
    runner.invoke(app, ["check", str(tree), "--fix", "--select", "FZ401"])
    assert (tree.parent / "outside" / "secret.txt").read_text(encoding="utf-8") == "依法行政,成效明显。\n"
    assert not (tree.parent / "outside" / "secret.txt.bak").exists()


def test_review_skips_links_out_of_the_folder(tree, tmp_path):
    csv = tmp_path / "out.csv"
    result = runner.invoke(app, ["review", str(tree), "--csv", str(csv), "--no-progress", "--jobs", "1"])
    assert f"{tree / 'leak.txt'}: 是指向所查文件夹以外" in result.output
    text = csv.read_text(encoding="utf-8-sig")
    assert "leak.txt" not in text and "secret" not in text and "系统口令" not in text
    assert "a.txt" in text


def test_url_and_email_scan_is_linear():
    """A long run of ASCII letters (no @) used to make the e-mail pattern backtrack quadratically."""
    import subprocess
    import sys

    code = (
        "from checker.kinds._textscan import url_ranges\n"
        "assert url_ranges('a' * 400_000 + '，') == []\n"
        "assert url_ranges('联系 zhang.san@example.gov.cn 或 www.example.gov.cn/a?b=1。') == [(3, 27), (30, 54)]\n"
    )
    # quadratic, 400 KB took hours; linear, well under a second: the timeout only stops a regression hanging CI
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
