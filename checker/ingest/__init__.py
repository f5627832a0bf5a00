"""Stage 1: bytes → Document.

``read_path`` picks a reader by content (not by name) and never raises for bad
input: it raises :class:`InputError` with a Chinese message instead.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..limits import MAX_INPUT_BYTES
from ..model import Document
from .cleanup import build_document
from .decode import STRICT_CODECS, decode_bytes
from .errors import EMPTY, InputError
from .plain import read_plain_utf8

MAX_BYTES = MAX_INPUT_BYTES
# What a folder search picks up; readers for other formats add their suffixes here.
SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".docm", ".pdf", ".doc", ".wps", ".rtf", ".odt")

__all__ = ["SUPPORTED_SUFFIXES", "InputError", "document_from_text", "read_bytes", "read_path"]


def document_from_text(text: str, path: str = "<文本>", encoding: str = "utf-8") -> Document:
    return build_document(text, path=path, encoding=encoding)


def read_bytes(data: bytes, path: str) -> Document:
    """Turn raw bytes into a Document, choosing the reader by content."""
    if not data or (data[:1].isspace() and not data.strip()):  # not copied when it starts with text
        raise InputError(path, "文件为空，没有可检查的内容", EMPTY)
    if len(data) > MAX_BYTES:
        raise InputError(path, _too_large(len(data)))
    if data[30:38] == b"mimetype" and data[:4] == b"PK\x03\x04":
        from ..limits import paused
        from .legacy import is_odt, read_legacy

        if is_odt(data):
            with paused():  # LibreOffice runs under the converter's own time limit
                return read_legacy(data, path)
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        from .docx import read_docx  # optional reader, imported only when needed

        return read_docx(data, path)
    if data.find(b"%PDF-", 0, 1024) >= 0:
        from .pdf import read_pdf

        return read_pdf(data, path)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" or (data[0] in _MARKUP_FIRST and _is_rtf_or_html(data)):
        from ..limits import paused
        from .legacy import read_legacy

        with paused():  # LibreOffice runs under the converter's own timeout
            return read_legacy(data, path)
    read = read_plain_utf8(data, path)
    doc, text = read if read is not None else read_text_bytes(data, path)
    if path.lower().endswith((".md", ".markdown")) or "#" in text:
        from .markdown import looks_like_markdown, strip_markdown

        if path.lower().endswith((".md", ".markdown")) or looks_like_markdown(text):
            doc = strip_markdown(doc)
    return doc


def read_text_bytes(data: bytes, path: str) -> tuple[Document, str]:
    """A text file's Document and its decoded text (newlines as written), by the general path: any
    encoding, every check (plain.read_plain_utf8 reads the common case the same way, faster)."""
    text, encoding, bom = decode_bytes(data, path)
    return build_document(text, path=path, encoding=encoding, bom=bom, decoded=encoding in STRICT_CODECS), text


# the bytes RTF or a web page can begin with: the first of "{\rtf", "<html", "<!doctype html" and
# "mime-version:" (either case), or one _is_rtf_or_html strips before them (a byte-order mark's, spaces)
_MARKUP_FIRST = frozenset(b"{<mM\xef\xbb\xbf \t\r\n")


def _is_rtf_or_html(data: bytes) -> bool:
    """RTF, or a Word "web page" saved as .doc: converted by LibreOffice, never linted as markup."""
    head = data[:256].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"{\\rtf", b"<html", b"<!doctype html", b"mime-version:"))


def read_path(path: str | Path) -> Document:
    """Read a regular file: a pipe, a device or a socket is refused without being opened (it could
    block for ever or never end), and at most MAX_BYTES are read even if the size on disk lies."""
    name = path if type(path) is str else str(path)
    target = os.fspath(path)  # asked once: a Path answers through a Python call
    try:
        info = os.stat(target)
    except FileNotFoundError:
        raise InputError(name, "文件不存在") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(name, "符号链接循环指向自身，找不到实际文件") from None
        raise InputError(name, f"无法读取文件（{exc.strerror or exc}）") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(name, "这是一个文件夹，不是文件")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(name, f"这不是普通文件（{_special_kind(info.st_mode)}），已跳过；请提供报告文件本身")
    if info.st_size > MAX_BYTES:
        raise InputError(name, _too_large(info.st_size))
    try:
        fd = os.open(target, _OPEN_FLAGS)
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced between the two looks
                raise InputError(name, "这不是普通文件，已跳过；请提供报告文件本身")
            data = _read_fd(fd, info.st_size)
        finally:
            os.close(fd)
    except OSError as exc:
        raise InputError(name, f"无法读取文件（{exc.strerror or exc}）") from None
    if len(data) > MAX_BYTES:
        raise InputError(name, _too_large(len(data)))
    return read_bytes(data, name)


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def _read_fd(fd: int, size: int) -> bytes:
    """At most MAX_BYTES + 1 bytes of the open file: in one read when its size on disk is true."""
    data = os.read(fd, min(size, MAX_BYTES) + 1)
    if len(data) != size:  # the size lied (a file being written, /proc) or the read was short: read on to the end
        chunks = [data]
        total = len(data)
        while total <= MAX_BYTES:
            more = os.read(fd, MAX_BYTES + 1 - total)
            if not more:
                break
            chunks.append(more)
            total += len(more)
        data = b"".join(chunks)
    return data[: MAX_BYTES + 1]


def _too_large(size: int) -> str:
    return f"文件过大（{size // (1024 * 1024)} MB），上限为 {MAX_BYTES // (1024 * 1024)} MB"


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "是命名管道"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "是设备"
    if stat.S_ISSOCK(mode):
        return "是套接字"
    return "是特殊文件"
