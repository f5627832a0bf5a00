""".doc/.wps/.rtf through LibreOffice when it is installed; a clear message when it is not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.api import check_path
from checker.ingest import InputError, legacy, read_bytes, read_path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "fixtures" / "docx" / "seed_001.doc"
DOCX = ROOT / "fixtures" / "docx" / "seed_001.docx"

needs_soffice = pytest.mark.skipif(legacy.find_soffice() is None, reason="LibreOffice (soffice) is not installed")


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
        == "这是旧版 Word 文档（.doc），需要 LibreOffice 才能读取（未找到 soffice）；请在 Word 或 WPS 中打开后“另存为” .docx 格式再检查"
    )
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
