"""Old binary and other non-.docx word-processor files: .doc, .wps, .rtf (and an encrypted .docx).

An OLE compound file (the container of .doc, .wps, .xls, .ppt, and of any
Office file saved with a password) is recognised by the streams it holds.
Word text formats are converted to .docx by LibreOffice when ``soffice`` is on
PATH (headless, in a private profile, with a time limit) and then read by the
.docx reader; without LibreOffice the user is told to save as .docx.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..model import Document
from .errors import InputError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CONVERT_TIMEOUT = 120  # seconds
_STREAMS = ("EncryptionInfo", "EncryptedPackage", "WordDocument", "Workbook", "Book", "PowerPoint Document")
_SAVE_AS = "请在 Word 或 WPS 中打开后“另存为” .docx 格式再检查"


def ole_streams(data: bytes) -> set[str]:
    """Names of well-known streams in an OLE compound file.

    Directory entries are 128 bytes long and start on 128-byte boundaries
    (sectors are 512 or 4096 bytes after a header of the same size), each with
    its UTF-16LE name and, at byte 64, the name's length including the NUL.
    """
    found = set()
    for name in _STREAMS:
        pattern = name.encode("utf-16-le") + b"\x00\x00"
        pos = data.find(pattern)
        while pos != -1:
            if pos % 128 == 0 and int.from_bytes(data[pos + 64 : pos + 66], "little") == len(pattern):
                found.add(name)
                break
            pos = data.find(pattern, pos + 1)
    return found


def describe(data: bytes, path: str) -> str:
    """What kind of legacy file this is: doc | rtf | html; raise InputError for what cannot be read."""
    if data.startswith(OLE_MAGIC):
        streams = ole_streams(data)
        if "EncryptionInfo" in streams or "EncryptedPackage" in streams:
            raise InputError(
                path,
                "文件设置了打开密码（已加密），无法读取；请在 Word 中删除密码（文件→信息→保护文档）后另存为 .docx 再检查",
            )
        if "Workbook" in streams or "Book" in streams:
            raise InputError(path, "这是 Excel 表格（.xls），不是 Word 文档；请提供报告的 .docx 或 .txt 文件")
        if "PowerPoint Document" in streams:
            raise InputError(path, "这是 PowerPoint 演示文稿（.ppt），不是 Word 文档；请提供报告的 .docx 或 .txt 文件")
        if "WordDocument" not in streams:
            raise InputError(path, "无法识别的 Office 文件（不是 Word 文档）；" + _SAVE_AS)
        return "wps" if path.lower().endswith(".wps") else "doc"
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    return "html"


def read_legacy(data: bytes, path: str) -> Document:
    kind = describe(data, path)
    names = {"doc": "旧版 Word 文档（.doc）", "wps": "WPS 文档（.wps）", "rtf": "RTF 文档", "html": "网页格式的文档"}
    soffice = find_soffice()
    if soffice is None:
        raise InputError(path, f"这是{names[kind]}，需要 LibreOffice 才能读取（未找到 soffice）；" + _SAVE_AS)
    converted = convert_to_docx(soffice, data, kind, path)
    from dataclasses import replace

    from .docx import read_docx

    doc = read_docx(converted, path)
    # read by the .docx reader from LibreOffice's conversion; the source stays what the user has, so
    # that nothing tries to patch the original bytes as a .docx (--fix cannot write old formats)
    return replace(doc, encoding=kind, source=kind)


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def convert_to_docx(soffice: str, data: bytes, kind: str, path: str) -> bytes:
    """Run ``soffice --headless --convert-to docx`` on a private copy, with its own profile and a time limit."""
    suffix = {"doc": ".doc", "wps": ".wps", "rtf": ".rtf", "html": ".html"}[kind]
    with tempfile.TemporaryDirectory(prefix="fzcheck-") as tmp:
        src = Path(tmp) / f"input{suffix}"
        src.write_bytes(data)
        out = Path(tmp) / "out"
        profile = Path(tmp) / "profile"
        cmd = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(src),
        ]
        try:
            subprocess.run(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=CONVERT_TIMEOUT,
                check=False,
                env={**os.environ, "HOME": tmp},
            )
        except subprocess.TimeoutExpired:
            raise InputError(path, f"LibreOffice 转换超时（超过 {CONVERT_TIMEOUT} 秒）；" + _SAVE_AS) from None
        except OSError as exc:
            raise InputError(path, f"无法运行 LibreOffice（{exc.strerror or exc}）；" + _SAVE_AS) from None
        result = out / "input.docx"
        if not result.exists() or result.stat().st_size == 0:
            raise InputError(path, "LibreOffice 无法转换此文件（可能已损坏或设置了密码）；" + _SAVE_AS)
        return result.read_bytes()
