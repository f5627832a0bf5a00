""".doc/.wps/.rtf/.odt through LibreOffice when it is installed; a clear message when it is not.

CI installs LibreOffice (.ci/run); there a skip for a missing ``soffice`` is a failure (tests/conftest.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.api import check_path
from checker.ingest import InputError, legacy, read_bytes, read_path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "fixtures" / "docx" / "seed_001.doc"
DOCX = ROOT / "fixtures" / "docx" / "seed_001.docx"
LEGACY = ROOT / "fixtures" / "legacy"
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("00[0-4]_*.txt"))


@pytest.fixture
def soffice():
    found = legacy.find_soffice()
    if found is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


needs_soffice = pytest.mark.usefixtures("soffice")


def verdicts(result) -> list[tuple[str, str]]:
    return [(d.code, d.message) for d in result.diagnostics if d.code.startswith(("FZ1", "FZ2"))]


def test_doc_is_recognised_by_its_streams():
    data = DOC.read_bytes()
    assert "WordDocument" in legacy.ole_streams(data)
    assert legacy.describe(data, "x.doc") == "doc"
    assert legacy.describe(data, "x.wps") == "wps"


@needs_soffice
def test_doc_converted_by_libreoffice_reads_like_the_docx():
    doc = read_path(DOC)
    assert doc.encoding == "doc" and doc.source == "doc"
    assert doc.text == read_path(DOCX).text  # Word's automatic numbers survive the binary format
    result = check_path(DOC, discover=False)
    assert [d.code for d in result.diagnostics] == [d.code for d in check_path(DOCX, discover=False).diagnostics]


@needs_soffice
@pytest.mark.parametrize("suffix", ["doc", "rtf", "odt"])
@pytest.mark.parametrize("seed", range(5))
def test_converted_seed_is_judged_like_its_text(seed, suffix):
    converted = check_path(LEGACY / f"seed_{seed:03d}.{suffix}", discover=False)
    text = check_path(SEEDS[seed], discover=False)
    assert not converted.error
    assert converted.document.source == suffix
    assert [ln.text.strip() for ln in converted.document.lines if ln.text.strip()] == [
        ln.text.strip() for ln in text.document.lines if ln.text.strip()
    ]
    assert verdicts(converted) == verdicts(text)


@needs_soffice
def test_converted_paragraphs_are_located_as_paragraphs():
    doc = read_path(LEGACY / "seed_004.odt")
    assert doc.locations[:3] == ("第1段", "第2段", "第3段")
    heading = next(i for i, ln in enumerate(doc.lines) if ln.text.startswith("二、"))
    assert doc.locations[heading] == f"第{heading + 1}段"


@needs_soffice
def test_a_wps_named_file_goes_through_the_same_conversion():
    # no genuine Kingsoft .wps can be made here (LibreOffice reads it but cannot write it): the Word 97 binary
    # that WPS also writes under .wps is read by content, whatever its name
    doc = read_bytes((LEGACY / "seed_002.doc").read_bytes(), "报告.wps")
    assert doc.source == "wps"
    assert doc.text == read_path(LEGACY / "seed_002.doc").text


@needs_soffice
def test_rtf_is_converted_too():
    doc = read_bytes(
        rb"{\rtf1\ansi\ansicpg936 {\fonttbl{\f0 SimSun;}}\f0 \u19968?\u12289?\u20027?\u35201?\par}", "r.rtf"
    )
    assert doc.lines[0].text == "一、主要"


def test_without_libreoffice_the_user_is_told_to_save_as_docx(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(InputError) as err:
        read_bytes(DOC.read_bytes(), "报告.doc")
    assert (
        err.value.message
        == "这是旧版 Word 文档（.doc），需要 LibreOffice 才能读取（未找到 soffice；Debian/Ubuntu 安装 libreoffice-writer-nogui，"
        "Windows/macOS 从 LibreOffice 官网安装）；或请在 Word 或 WPS 中打开后“另存为” .docx 格式再检查"
    )
    with pytest.raises(InputError) as err:
        read_bytes((LEGACY / "seed_000.odt").read_bytes(), "报告.odt")
    assert err.value.message.startswith("这是OpenDocument 文档（.odt），需要 LibreOffice")
    with pytest.raises(InputError) as err:
        read_bytes(DOC.read_bytes(), "报告.wps")
    assert err.value.message.startswith("这是WPS 文档（.wps），需要 LibreOffice")


def test_a_failed_conversion_is_a_clear_refusal(monkeypatch, tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 0\n")
    fake.chmod(0o755)
    monkeypatch.setattr(legacy, "find_soffice", lambda: str(fake))
    with pytest.raises(InputError) as err:
        read_bytes(DOC.read_bytes(), "坏.doc")
    assert (
        err.value.message
        == "LibreOffice 无法转换此文件（可能已损坏或设置了密码）；请在 Word 或 WPS 中打开后“另存为” .docx 格式再检查"
    )


def test_other_office_files_in_ole_containers_are_named():
    def ole_with(name: str) -> bytes:
        entry = name.encode("utf-16-le") + b"\x00\x00"
        entry = entry.ljust(64, b"\x00") + (len(name) * 2 + 2).to_bytes(2, "little")
        return legacy.OLE_MAGIC + bytes(512 - 8) + entry.ljust(128, b"\x00")

    with pytest.raises(InputError) as err:
        read_bytes(ole_with("Workbook"), "表.doc")
    assert err.value.message == "这是 Excel 表格（.xls），不是 Word 文档；请提供报告的 .docx 或 .txt 文件"
    with pytest.raises(InputError) as err:
        read_bytes(ole_with("Something"), "x.doc")
    assert (
        err.value.message
        == "无法识别的 Office 文件（不是 Word 文档）；请在 Word 或 WPS 中打开后“另存为” .docx 格式再检查"
    )


def test_without_libreoffice_a_batch_goes_on_with_one_fz901(monkeypatch, tmp_path):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    import json

    from typer.testing import CliRunner

    from checker.cli import app

    (tmp_path / "a.rtf").write_bytes((LEGACY / "seed_001.rtf").read_bytes())
    shutil.copy(SEEDS[4], tmp_path / "b.txt")
    out = CliRunner().invoke(app, ["check", str(tmp_path), "--format", "json", "--no-config"])
    files = {Path(f["path"]).name: f for f in json.loads(out.output)["files"]}
    assert [d["code"] for d in files["a.rtf"]["diagnostics"]] == ["FZ901"]
    assert files["a.rtf"]["diagnostics"][0]["message"].count("这是RTF 文档，需要 LibreOffice 才能读取") == 1
    assert [d["code"] for d in files["b.txt"]["diagnostics"] if d["code"].startswith("FZ9")] == []
    assert files["b.txt"]["diagnostics"]  # checked as usual


def test_a_conversion_that_hangs_is_killed_after_the_time_limit(monkeypatch, tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 30 &\nwait\n")  # a child that outlives its parent unless the group is killed
    fake.chmod(0o755)
    monkeypatch.setattr(legacy, "find_soffice", lambda: str(fake))
    monkeypatch.setattr(legacy, "CONVERT_TIMEOUT", 0.5)
    with pytest.raises(InputError) as err:
        read_bytes(DOC.read_bytes(), "慢.doc")
    assert (
        err.value.message == "LibreOffice 转换超时（超过 0.5 秒）；请在 Word 或 WPS 中打开后“另存为” .docx 格式再检查"
    )


def test_odt_is_recognised_by_its_mimetype_not_its_name():
    data = (LEGACY / "seed_003.odt").read_bytes()
    assert legacy.is_odt(data) and legacy.describe(data, "报告.docx") == "odt"
    assert not legacy.is_odt(DOCX.read_bytes())


def test_conversion_runs_without_network(monkeypatch, tmp_path):
    if not legacy.offline_prefix():
        pytest.skip("this system allows no unprivileged network namespace (unshare -rn)")
    seen = tmp_path / "net.txt"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\ncat /proc/net/dev > {seen}\n")  # the interfaces this process can reach
    fake.chmod(0o755)
    monkeypatch.setattr(legacy, "find_soffice", lambda: str(fake))
    with pytest.raises(InputError):  # the fake converts nothing
        read_bytes(DOC.read_bytes(), "x.doc")
    interfaces = [line.split(":")[0].strip() for line in seen.read_text().splitlines()[2:]]
    assert interfaces == ["lo"]
