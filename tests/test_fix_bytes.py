"""``check --fix`` changes only the bytes of the fixed spans, in every encoding the reader supports.

Each test file is built from pieces whose bytes the test knows: text encoded with the
codec, raw bytes the codec reads but would write differently (Big5's duplicate 兀 at
C94A, a mixture of CRLF, LF and CR line endings), and defects (an ASCII comma between
Han characters, FZ401).  The expected result is the same pieces with only each defect
replaced by the full-width comma's bytes — built here, not by the code under test.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app

ROOT = Path(__file__).resolve().parent.parent
ENC = ROOT / "fixtures" / "encodings"
runner = CliRunner()

DEFECT = object()  # an ASCII comma FZ401 replaces by "，"


def invoke(*args: str):
    return runner.invoke(app, list(args))


def _pieces(trad: bool) -> list:
    title = "示範鄉2024年法治政府建設年度報告" if trad else "示范乡2024年法治政府建设年度报告"
    body = "我們推進依法行政" if trad else "我们推进依法行政"
    return [
        title, "\r\n",
        "一、主要舉措和成效" if trad else "一、主要举措和成效", "\n",
        body, DEFECT, "取得成效。", "\r",
        "甲乙丙", DEFECT, "丁戊。", "\r\n",
        "（一）依法履職", DEFECT, "全年辦結案件3件。" if trad else "全年办结案件3件。", "\n",
        "最後一行沒有換行" if trad else "最后一行没有换行",
    ]  # fmt: skip


# (name, codec, byte-order mark, extra pieces: raw bytes this codec reads but writes differently, or text)
CASES = [
    ("utf-8", "utf-8", b"", [], False),
    ("utf-8-bom", "utf-8", codecs.BOM_UTF8, [], False),
    ("utf-16-le-bom", "utf-16-le", codecs.BOM_UTF16_LE, ["𠮷"], False),
    ("utf-16-be-bom", "utf-16-be", codecs.BOM_UTF16_BE, ["𠮷"], False),
    ("utf-16-le", "utf-16-le", b"", [], False),
    ("utf-32-le-bom", "utf-32-le", codecs.BOM_UTF32_LE, ["𠮷"], False),
    ("gbk", "gbk", b"", ["“镕”"], False),
    ("gb18030", "gb18030", b"", ["䶮𠮷"], False),
    ("big5", "cp950", b"", [b"\xc9\x4a", "／裏碁銹€"], True),  # C94A reads as 兀, which cp950 writes as A461
]


def _build(pieces: list, codec: str, bom: bytes, fixed: bool) -> bytes:
    out = [bom]
    for piece in pieces:
        if piece is DEFECT:
            out.append(("，" if fixed else ",").encode(codec))
        elif isinstance(piece, bytes):
            out.append(piece)
        else:
            out.append(piece.encode(codec))
    return b"".join(out)


@pytest.mark.parametrize("name,codec,bom,extra,trad", CASES, ids=[c[0] for c in CASES])
def test_only_the_fixed_spans_change(tmp_path, name, codec, bom, extra, trad):
    pieces = _pieces(trad)
    pieces[4:4] = extra  # the quirks sit on a line with a fix
    original = _build(pieces, codec, bom, fixed=False)
    expected = _build(pieces, codec, bom, fixed=True)
    target = tmp_path / "报告.txt"
    target.write_bytes(original)
    result = invoke("check", str(target), "--fix", "--select", "FZ401", "--no-source")
    assert result.output.splitlines()[0] == f"{target}: 已修复 3 处：FZ401×3，原文件保存为 报告.txt.bak"
    assert target.read_bytes() == expected
    assert (tmp_path / "报告.txt.bak").read_bytes() == original
    again = invoke("check", str(target), "--fix", "--select", "FZ401")  # settled: nothing more is written
    assert again.exit_code == 0 and target.read_bytes() == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报告.txt", "报告.txt.bak"]


def _lines(data: bytes, codec: str) -> list[bytes]:
    """The file's lines with their endings, as bytes (codec-aware for UTF-16)."""
    text = data.decode(codec)
    return [line.encode(codec) for line in text.splitlines(keepends=True)]


FIXTURES = ["gbk.txt", "gbk-crlf.txt", "gb18030.txt", "trad.big5.txt", "big5-eten.txt", "utf16le.txt"]
FIXTURES += ["utf16le-bom.txt", "utf16be-bom.txt", "utf8-bom.txt", "mixed-eol.txt", "seed.md"]


@pytest.mark.parametrize("name", FIXTURES)
def test_fixtures_keep_every_unfixed_line_byte_for_byte(tmp_path, name):
    from checker.ingest import read_bytes
    from checker.ingest.decode import codec_of

    original = (ENC / name).read_bytes()
    target = tmp_path / name
    target.write_bytes(original)
    invoke("check", str(target), "--fix", "--no-backup")
    fixed = target.read_bytes()
    doc = read_bytes(original, name)
    codec, bom_len = codec_of(doc.encoding, original, doc.bom)
    assert fixed[:bom_len] == original[:bom_len]
    before, after = _lines(original[bom_len:], codec), _lines(fixed[bom_len:], codec)
    assert len(before) == len(after)
    changed = [i for i, (a, b) in enumerate(zip(before, after)) if a != b]
    for i in changed:  # a changed line differs in its text, never only in its bytes or its ending
        a, b = before[i].decode(codec), after[i].decode(codec)
        assert a.rstrip("\r\n") != b.rstrip("\r\n") and a[len(a.rstrip("\r\n")) :] == b[len(b.rstrip("\r\n")) :]
    assert read_bytes(fixed, name).encoding == doc.encoding


def test_unencodable_fix_is_not_written_and_fails(tmp_path):
    """A Big5 file whose fix would need a character Big5 lacks: no file is written, FZ960, exit 2."""
    pack = tmp_path / "pack.toml"
    pack.write_text(
        '[[rule]]\ncode = "FZ980"\nname = "x"\nkind = "pattern"\npattern = "案件"\ntable = [["案件", "案䶮"]]\n'
        'severity = "warning"\nmessage = "{match}"\nhint = "{expected}"\nbasis = "审查惯例"\nfix = "safe"\n'
        'why = "测试"\nexample_fires = "案件"\nexample_passes = "文件"\n',
        encoding="utf-8",
    )
    target = tmp_path / "報告.txt"
    data = "示範鄉2024年法治政府建設年度報告\r\n全年辦結案件3件。\r\n".encode("cp950")
    target.write_bytes(data)
    result = invoke("check", str(target), "--fix", "--rules", str(pack), "--select", "FZ980,FZ960", "--no-source")
    assert target.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.toml", "報告.txt"]
    lines = result.output.splitlines()
    message = "修复后的文字“䶮”无法按原编码 big5 保存，整个文件未修改；请手工修改或另存为 UTF-8"
    assert lines[0] == f"{target}: {message}"
    assert f"{target}:2:6: FZ960 [error] 修复未写入：{message}" in lines
    assert result.exit_code == 2  # nothing could be done


def test_read_only_file_refused_before_fixing(tmp_path):
    target = tmp_path / "r.txt"
    target.write_text("一、主要举措和成效\n我们推进依法行政,取得成效。\n", encoding="utf-8")
    target.chmod(0o444)
    result = invoke("check", str(target), "--fix", "--select", "FZ401,FZ960", "--no-source")
    assert target.read_text(encoding="utf-8") == "一、主要举措和成效\n我们推进依法行政,取得成效。\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    assert result.output.splitlines()[0] == f"{target}: 文件是只读的，未修改；如确需修复，请先取消只读属性"
    assert f"{target}:1:1: FZ960 [error] 修复未写入：文件是只读的，未修改；如确需修复，请先取消只读属性" in result.output
    assert f"{target}:2:9: FZ401 [warning]" in result.output  # the findings of the file as it is
    assert result.exit_code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.txt"]


def test_read_only_file_with_nothing_to_fix_is_fine(tmp_path):
    target = tmp_path / "r.txt"
    target.write_text("一、主要举措和成效\n我们推进依法行政，取得成效。\n", encoding="utf-8")
    target.chmod(0o444)
    result = invoke("check", str(target), "--fix", "--select", "FZ401,FZ960")
    assert result.exit_code == 0 and "FZ960" not in result.output


def test_one_refused_one_fixed_exits_1(tmp_path):
    ok, ro = tmp_path / "a.txt", tmp_path / "b.txt"
    for p in (ok, ro):
        p.write_text("我们推进依法行政,取得成效。\n", encoding="utf-8")
    ro.chmod(0o444)
    result = invoke("check", str(ok), str(ro), "--fix", "--select", "FZ401", "--exit-zero")
    assert ok.read_text(encoding="utf-8") == "我们推进依法行政，取得成效。\n"
    assert result.exit_code == 1  # --exit-zero does not hide a fix that was not written


def test_read_only_folder_refused(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "r.txt"
    target.write_text("我们推进依法行政,取得成效。\n", encoding="utf-8")
    folder.chmod(0o555)
    try:
        result = invoke("check", str(target), "--fix", "--select", "FZ401,FZ960")
    finally:
        folder.chmod(0o755)
    assert f"所在文件夹 {folder} 是只读的，无法安全写入，未修改" in result.output
    assert target.read_text(encoding="utf-8") == "我们推进依法行政,取得成效。\n"
    assert result.exit_code == 2


def test_symlink_target_fixed_and_link_kept(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("我们推进依法行政,取得成效。\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to("real.txt")
    result = invoke("check", str(link), "--fix", "--select", "FZ401")
    assert result.exit_code == 0
    assert link.is_symlink() and os.readlink(link) == "real.txt"
    assert real.read_text(encoding="utf-8") == "我们推进依法行政，取得成效。\n"
    assert (tmp_path / "real.txt.bak").read_text(encoding="utf-8") == "我们推进依法行政,取得成效。\n"
    assert result.output.splitlines()[0] == f"{link}: 已修复 1 处：FZ401×1，已写入 {real}，原文件保存为 real.txt.bak"


def test_mode_kept_and_backups_numbered(tmp_path):
    target = tmp_path / "r.txt"
    target.write_text("我们推进依法行政,取得成效。\n", encoding="utf-8")
    target.chmod(0o640)
    invoke("check", str(target), "--fix", "--select", "FZ401")
    target.write_text("我们推进依法行政;取得成效。\n", encoding="utf-8")  # edited again after the first fix
    invoke("check", str(target), "--fix", "--select", "FZ401")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert (tmp_path / "r.txt.bak").read_text(encoding="utf-8") == "我们推进依法行政,取得成效。\n"  # the first original
    assert (tmp_path / "r.txt.1.bak").read_text(encoding="utf-8") == "我们推进依法行政;取得成效。\n"
    assert stat.S_IMODE((tmp_path / "r.txt.bak").stat().st_mode) == 0o640


def test_fixed_docx_gets_the_umask(tmp_path):
    target = tmp_path / "r.docx"
    target.write_bytes((ROOT / "fixtures" / "docx" / "fixable.docx").read_bytes())
    old = os.umask(0o027)
    try:
        result = invoke("check", str(target), "--fix")
    finally:
        os.umask(old)
    fixed = tmp_path / "r.fixed.docx"
    assert f"已写入 {fixed}" in result.output.splitlines()[0]
    assert stat.S_IMODE(fixed.stat().st_mode) == 0o640  # 0666 & ~umask, not mkstemp's 0600
    assert target.read_bytes() == (ROOT / "fixtures" / "docx" / "fixable.docx").read_bytes()


def test_concurrent_fixes_of_one_file_take_turns(tmp_path):
    """Two --fix runs started together: the second waits for the first (folder lock) and finds
    nothing left to fix, so the one backup holds the original and no second backup appears."""
    import subprocess
    import sys

    original = ("我们推进依法行政,取得成效。\n" * 40_000).encode("utf-8")  # about 1.6 MB: the runs overlap
    target = tmp_path / "r.txt"
    target.write_bytes(original)
    cmd = [sys.executable, "-m", "checker", "check", "r.txt", "--fix", "--select", "FZ401", "--format", "json"]
    runs = [subprocess.Popen(cmd, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for _ in range(2)]
    errs = sorted(p.communicate(timeout=300)[1].decode() for p in runs)
    assert target.read_bytes() == original.replace(b",", "，".encode())
    assert (tmp_path / "r.txt.bak").read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.txt", "r.txt.bak"]
    assert errs == ["", "r.txt: 已修复 40000 处：FZ401×40000，原文件保存为 r.txt.bak\n"]


def test_kill_during_fix_leaves_the_original_or_the_fix_and_nothing_else(tmp_path):
    """kill -9 of --fix right after its backup appears (while the fixed file is written), twice."""
    import signal
    import subprocess
    import sys
    import time

    original = ("我们推进依法行政,取得成效。\n" * 60_000).encode("utf-8")
    fixed = original.replace(b",", "，".encode())
    cmd = [sys.executable, "-m", "checker", "check", "r.txt", "--fix", "--select", "FZ401", "--format", "json"]
    for delay in (0.0, 0.05):
        for p in tmp_path.iterdir():
            p.unlink()
        (tmp_path / "r.txt").write_bytes(original)
        run = subprocess.Popen(cmd, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while not (tmp_path / "r.txt.bak").exists() and run.poll() is None:
            time.sleep(0.001)
        time.sleep(delay)
        if run.poll() is None:
            run.send_signal(signal.SIGKILL)
        run.wait(60)
        assert (tmp_path / "r.txt").read_bytes() in (original, fixed)
        assert (tmp_path / "r.txt.bak").read_bytes() == original
        leftovers = [p.name for p in tmp_path.iterdir() if p.name not in ("r.txt", "r.txt.bak")]
        (tmp_path / "s.txt").write_text("依法行政,成效明显。\n", encoding="utf-8")
        invoke("check", str(tmp_path / "s.txt"), "--fix", "--no-backup")  # the next run writing here
        assert sorted(p.name for p in tmp_path.iterdir()) == ["r.txt", "r.txt.bak", "s.txt"], leftovers


def test_diff_is_computed_only_for_diff(tmp_path, monkeypatch):
    import checker.fixmode as fixmode

    calls = []
    real = fixmode.unified_diff
    monkeypatch.setattr(fixmode, "unified_diff", lambda *a: calls.append(a) or real(*a))
    target = tmp_path / "r.txt"
    target.write_text("我们推进依法行政,取得成效。\n", encoding="utf-8")
    invoke("check", str(target), "--diff", "--select", "FZ401")
    assert len(calls) == 1
    invoke("check", str(target), "--fix", "--select", "FZ401")
    assert len(calls) == 1


def test_other_users_file_refused_as_that_user(other_user):
    """As a user without rights to the file (nobody when the tests run as root, as in CI)."""
    text = "我们推进依法行政,取得成效。\n".encode()
    ro = other_user.add("ro.txt", text, 0o444, owner="runner")
    ok = other_user.add("ok.txt", text, 0o644, owner="runner")
    result = other_user.fzcheck("check", "ro.txt", "ok.txt", "--fix", "--select", "FZ401,FZ960", "--no-source")
    assert "ro.txt:1:1: FZ960 [error] 修复未写入：文件是只读的，未修改；如确需修复，请先取消只读属性" in result.stdout, result.stderr
    assert ro.read_bytes() == text and stat.S_IMODE(ro.stat().st_mode) == 0o444
    assert ok.read_bytes() == "我们推进依法行政，取得成效。\n".encode()
    assert result.returncode == 1
    if other_user.is_other:
        theirs = other_user.add("theirs.txt", text, 0o644, owner="owner")
        result = other_user.fzcheck("check", "theirs.txt", "--fix", "--select", "FZ401,FZ960", "--no-source")
        assert "theirs.txt:1:1: FZ960 [error] 修复未写入：文件是只读的" in result.stdout, result.stderr
        assert theirs.read_bytes() == text and theirs.stat().st_uid == 0
        assert result.returncode == 2


@pytest.mark.parametrize("name", sorted(p.name for p in ENC.iterdir() if p.suffix in (".txt", ".md")))
def test_every_character_maps_to_its_own_bytes(name):
    """Replacing any character (line endings included) by itself gives back the file byte for byte."""
    from checker.fixbytes import Change, splice
    from checker.ingest import read_bytes

    data = (ENC / name).read_bytes()
    doc = read_bytes(data, name)
    text = doc.text
    assert splice(data, text, [], doc.encoding, doc.bom) == data
    step = max(1, len(text) // 400)
    positions = sorted({*range(0, len(text), step), *(i for i, ch in enumerate(text) if ch == "\n"), len(text) - 1})
    changes = [Change(i, i + 1, text[i]) for i in positions]
    assert splice(data, text, changes, doc.encoding, doc.bom) == data
    insertions = [Change(i, i, "") for i in positions]
    assert splice(data, text, insertions, doc.encoding, doc.bom) == data


def test_edit_log_composes_rounds_like_applying_them_in_turn():
    import random

    from checker.fixbytes import EditLog
    from checker.fixes import apply_edits
    from checker.model import Edit

    rng = random.Random(16)
    for _ in range(300):
        original = "".join(rng.choice("甲乙丙,，\n ") for _ in range(rng.randint(0, 30)))
        log, current = EditLog(original), original
        for _ in range(rng.randint(1, 4)):
            cuts = sorted(rng.sample(range(len(current) + 1), k=min(len(current) + 1, 2 * rng.randint(0, 3))))
            edits = [
                Edit(a, b, "".join(rng.choice("丁，\n") for _ in range(rng.randint(0, 2))))
                for a, b in zip(cuts[::2], cuts[1::2])
            ]
            log.add(current, edits)
            current = apply_edits(current, edits)
            assert log.apply() == current
            assert all(a.end <= b.start for a, b in zip(log.changes, log.changes[1:]))


def test_select_fixes_matches_the_pairwise_rule():
    """The sorted selection takes exactly what comparing every pair would take."""
    import random

    from checker.fixes import _clash, applicable, select_fixes
    from checker.model import Diagnostic, Edit, Fix, Span

    def pairwise(diags):
        taken, chosen = [], []
        for d in sorted((d for d in diags if applicable(d)), key=lambda d: (min(e.start for e in d.fix.edits), d.code)):
            edits = d.fix.edits
            if any(_clash(e, t) for e in edits for t in taken) or any(
                _clash(a, b) for i, a in enumerate(edits) for b in edits[i + 1 :]
            ):
                continue
            taken.extend(edits)
            chosen.append(d)
        return chosen

    rng = random.Random(7)
    for _ in range(500):
        diags = []
        for k in range(rng.randint(0, 12)):
            edits = []
            for _ in range(rng.randint(1, 3)):
                a = rng.randint(0, 30)
                edits.append(Edit(a, a + rng.choice([0, 0, 1, 2, 5]), "x"))
            diags.append(Diagnostic(f"FZ4{k:02}", "x", "warning", "m", Span(edits[0].start, edits[0].end), fix=Fix(tuple(edits), "safe")))
        assert select_fixes(diags) == pairwise(diags)


def test_docs_list_every_fix_with_its_safety_class():
    """docs/fixes.md has a row for every rule whose example gets a fix, naming its class:
    "安全" when a safe fix is given, "建议" when a suggestion (unsafe) is."""
    from checker.api import check_text
    from checker.config import Config
    from checker.packs import load_ruleset

    rows = {}
    for line in (ROOT / "docs" / "fixes.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].startswith("FZ"):
            rows[cells[0]] = cells
    seen = {}
    rules = load_ruleset().rules
    for code, rule in rules.items():
        if not rule.example_fires or rule.example_fires.startswith("（"):
            continue
        found = check_text(rule.example_fires, Config(select=(code,))).diagnostics
        classes = {d.fix.applicability for d in found if d.fix is not None and d.fix.edits}
        if classes:
            seen[code] = classes
    assert sorted(seen) == sorted(rows)  # every fixing rule listed, and nothing listed that does not fix
    for code, classes in seen.items():
        _, name, _, level = rows[code]
        assert name == rules[code].name
        if "safe" in classes:
            assert level.startswith("安全") or "安全" in level, (code, level)
        if "unsafe" in classes:
            assert "建议" in level, (code, level)
