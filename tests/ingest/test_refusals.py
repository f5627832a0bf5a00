"""Hostile or broken files are refused one by one with a Chinese message; the batch goes on."""

from __future__ import annotations

import builtins
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.api import check_bytes, check_path
from checker.cli import app
from checker.ingest import InputError, read_bytes

ROOT = Path(__file__).resolve().parents[2]
BROKEN = ROOT / "fixtures" / "broken"
GOOD = ROOT / "fixtures" / "docx" / "seed_004.docx"
BOMB = "疑似“压缩炸弹”（解压后体积异常巨大），已拒绝读取；请确认文件来源，用 Word 重新另存为 .docx"
CORRUPT = "文件已损坏或不完整（无法作为压缩包打开），请重新获取原文件或用 Word 另存为 .docx"
DTD = "文档内部 XML 含有 DOCTYPE/实体声明（可能引用外部文件），出于安全原因拒绝读取；请用 Word 重新另存为 .docx"

REFUSALS = [
    ("truncated.docx", "FZ901", CORRUPT),
    ("corrupt.docx", "FZ901", CORRUPT),
    ("plain-zip.docx", "FZ901", "这是一个普通压缩包（zip），不是 Word 文档；请解压后检查其中的 .docx 或 .txt 报告"),
    ("spreadsheet.docx", "FZ901", "这是 Excel 表格（.xlsx），不是 Word 文档；请提供报告的 .docx 或 .txt 文件"),
    ("zipbomb.docx", "FZ901", BOMB),
    ("ratio-bomb.docx", "FZ901", BOMB),
    ("xxe.docx", "FZ901", DTD),
    ("billion-laughs.docx", "FZ901", DTD),
    ("empty.docx", "FZ902", "文档中没有文字（可能是空白文档，或只有图片、扫描页），没有可检查的内容"),
    ("zip-password.docx", "FZ901", "文件已加密（设置了密码），无法读取；请在 Word 中取消密码后另存为 .docx 再检查"),
    (
        "word-password.docx",
        "FZ901",
        "文件设置了打开密码（已加密），无法读取；请在 Word 中删除密码（文件→信息→保护文档）后另存为 .docx 再检查",
    ),
    ("image.txt", "FZ901", "这不是文本文件（是 PNG 图片），请提供 .txt、.md、.docx 或 .pdf 格式的报告"),
]


@pytest.mark.parametrize("name,code,message", REFUSALS, ids=[r[0] for r in REFUSALS])
def test_refusal(name, code, message):
    result = check_path(BROKEN / name, discover=False)
    assert result.error == message
    assert [(d.code, d.severity) for d in result.diagnostics] == [(code, "error")]
    assert result.document is None


def test_xxe_entity_is_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", encoding="utf-8")
    data = (BROKEN / "xxe.docx").read_bytes().replace(b"file:///etc/passwd", secret.as_uri().encode())
    result = check_bytes(data, "xxe.docx")
    assert result.error == DTD
    assert "机密内容" not in json.dumps([d.message for d in result.diagnostics], ensure_ascii=False)


def test_a_file_over_50_mb_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(51 * 1024 * 1024)  # sparse: costs no disk and is never read
    result = check_path(big, discover=False)
    assert result.error == "文件过大（51 MB），上限为 50 MB"
    assert result.diagnostics[0].code == "FZ901"


def test_standard_input_over_50_mb_is_refused():
    result = check_bytes(b"a" * (50 * 1024 * 1024 + 1), "<stdin>")
    assert result.error == "文件过大（50 MB），上限为 50 MB"


def test_empty_file_is_fz902(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = check_path(empty, discover=False)
    assert (result.error, result.diagnostics[0].code) == ("文件为空，没有可检查的内容", "FZ902")


runner = CliRunner()


def test_batch_goes_on_and_exit_code_follows_the_findings():
    files = [str(BROKEN / "truncated.docx"), str(GOOD), str(BROKEN / "zipbomb.docx")]
    out = runner.invoke(app, ["check", "--no-config", "--format", "json", *files])
    payload = json.loads(out.stdout)
    assert [f.get("error", "") for f in payload["files"]] == [CORRUPT, "", BOMB]
    assert [d["code"] for d in payload["files"][0]["diagnostics"]] == ["FZ901"]
    assert payload["files"][1]["source"] == "docx"
    assert out.exit_code == 1  # the readable report decides: the failures are findings of their own


def test_exit_code_2_when_every_input_failed():
    out = runner.invoke(app, ["check", "--no-config", str(BROKEN / "truncated.docx"), str(BROKEN / "xxe.docx")])
    assert out.exit_code == 2
    assert "Traceback" not in out.output
    assert f"truncated.docx:1:1: FZ901 [error] 无法读取：{CORRUPT}" in out.stdout


@pytest.mark.parametrize("name", sorted(p.name for p in BROKEN.iterdir()))
def test_no_broken_fixture_raises(name):
    result = check_path(BROKEN / name, discover=False)
    assert result.error


def test_folder_search_picks_up_word_and_pdf_files(tmp_path):
    from checker.cli import collect

    for name in ("a.docx", "b.pdf", "c.doc", "d.wps", "e.txt", "f.png", "~$a.docx"):
        (tmp_path / name).write_bytes(b"x")
    assert [os.path.basename(p) for p in collect([str(tmp_path)])] == ["a.docx", "b.pdf", "c.doc", "d.wps", "e.txt"]


def test_without_the_extra_the_user_is_told_how_to_install_it(monkeypatch):
    real_import = builtins.__import__

    def no_pdfminer(name, *args, **kwargs):
        if name.startswith("pdfminer"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pdfminer)
    with pytest.raises(InputError) as err:
        read_bytes((ROOT / "fixtures" / "pdf" / "seed_001.pdf").read_bytes(), "r.pdf")
    assert (
        err.value.message
        == "读取 PDF 需要安装可选组件：pip install 'fzcheck[pdf]'；也可以直接检查报告的 .docx 或 .txt 文件"
    )


def _zip(path: Path, members: dict[str, str]) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w") as z:
        for name, text in members.items():
            z.writestr(name, text)
    return path


CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'


def test_a_docx_without_its_main_part_is_unreadable_not_empty(tmp_path):
    """The code comes from the reader's raise site, not from words in its message (压缩包中“没有” Word 正文)."""
    broken = _zip(tmp_path / "x.docx", {"[Content_Types].xml": CONTENT_TYPES, "word/styles.xml": "<styles/>"})
    result = check_path(broken, discover=False)
    assert result.error == "压缩包中没有 Word 正文（word/document.xml），这不是有效的 .docx 文件；请用 Word 另存为 .docx"
    assert [d.code for d in result.diagnostics] == ["FZ901"]


def test_a_docx_without_a_body_is_unreadable_not_empty(tmp_path):
    document = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
    broken = _zip(tmp_path / "x.docx", {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": document})
    result = check_path(broken, discover=False)
    assert result.error == "Word 文档没有正文部分，文件可能已损坏；请用 Word 另存为 .docx"
    assert [d.code for d in result.diagnostics] == ["FZ901"]


def test_the_code_of_an_input_error_is_the_raise_sites():
    assert (InputError("a", "文件没有损坏").code, InputError("a", "x", "FZ902").code) == ("FZ901", "FZ902")
