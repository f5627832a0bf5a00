"""Word-processor files other than .docx: .doc, .wps, .rtf, .odt (and an encrypted .docx).

An OLE compound file (the container of .doc, .wps, .xls, .ppt, and of any
Office file saved with a password) is recognised by the streams it holds; an
OpenDocument text by the ``mimetype`` entry that opens its zip.
These formats are converted to .docx by LibreOffice when ``soffice`` is on
PATH and then read by the .docx reader, so every paragraph keeps its place
(``第5段``) and Word's automatic ``一、``/``（一）`` numbers are shown as typed
text.  Each conversion runs headless in a fresh private profile (no other
LibreOffice window or conversion is disturbed, none disturbs it), in its own
process group killed after ``CONVERT_TIMEOUT`` seconds, and, where the system
allows an unprivileged network namespace (``unshare -rn``), without network.
Without LibreOffice the one file is refused with what to install or to save
as .docx; a batch goes on.

antiword and catdoc read a .doc in milliseconds, but they drop Word's
automatic numbering, so a report's ``一、…`` headings vanish and whole parts
are reported missing; measured in docs/input-formats.md, not used.
"""

from __future__ import annotations

import functools
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ..model import Document
from .errors import InputError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CONVERT_TIMEOUT = 120  # seconds
_STREAMS = ("EncryptionInfo", "EncryptedPackage", "WordDocument", "Workbook", "Book", "PowerPoint Document")
_SAVE_AS = "请在 Word 或 WPS 中打开后“另存为” .docx 格式再检查"
_INSTALL = "（未找到 soffice；Debian/Ubuntu 安装 libreoffice-writer-nogui，Windows/macOS 从 LibreOffice 官网安装）"
ODT_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument.text"
NAMES = {
    "doc": "旧版 Word 文档（.doc）",
    "wps": "WPS 文档（.wps）",
    "rtf": "RTF 文档",
    "odt": "OpenDocument 文档（.odt）",
    "html": "网页格式的文档",
}


def is_odt(data: bytes) -> bool:
    """An OpenDocument text: its zip starts with the stored entry ``mimetype`` (ODF 1.2, part 3, 3.3)."""
    return data[:4] == b"PK\x03\x04" and data[30 : 30 + len(ODT_MIMETYPE)] == ODT_MIMETYPE


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
    """What kind of legacy file this is: doc | wps | rtf | odt | html; raise InputError for what cannot be read."""
    if is_odt(data):
        return "odt"
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
    soffice = find_soffice()
    if soffice is None:
        raise InputError(path, f"这是{NAMES[kind]}，需要 LibreOffice 才能读取{_INSTALL}；或" + _SAVE_AS)
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
    suffix = {"doc": ".doc", "wps": ".wps", "rtf": ".rtf", "odt": ".odt", "html": ".html"}[kind]
    with tempfile.TemporaryDirectory(prefix="fzcheck-") as tmp:
        src = Path(tmp) / f"input{suffix}"
        src.write_bytes(data)
        out = Path(tmp) / "out"
        profile = Path(tmp) / "profile"
        cmd = [
            *offline_prefix(),
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nolockcheck",
            "--nodefault",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(src),
        ]
        try:
            _run_bounded(cmd, env={**os.environ, "HOME": tmp}, timeout=CONVERT_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise InputError(path, f"LibreOffice 转换超时（超过 {CONVERT_TIMEOUT} 秒）；" + _SAVE_AS) from None
        except OSError as exc:
            raise InputError(path, f"无法运行 LibreOffice（{exc.strerror or exc}）；" + _SAVE_AS) from None
        result = out / "input.docx"
        if not result.exists() or result.stat().st_size == 0:
            raise InputError(path, "LibreOffice 无法转换此文件（可能已损坏或设置了密码）；" + _SAVE_AS)
        return result.read_bytes()


def _run_bounded(cmd: list[str], env: dict[str, str], timeout: float) -> None:
    """Run ``cmd`` in its own process group; on timeout kill the whole group (soffice starts soffice.bin)."""
    proc = subprocess.Popen(
        cmd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
    )
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            pass
        proc.wait()
        raise


@functools.cache
def offline_prefix() -> tuple[str, ...]:
    """``unshare -rn`` where an unprivileged network namespace can be made, so a converted file fetches nothing."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return ()
    try:
        probe = subprocess.run([unshare, "-rn", "true"], capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ()
    return (unshare, "-rn") if probe.returncode == 0 else ()
