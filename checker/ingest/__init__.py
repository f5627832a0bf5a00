"""Stage 1: bytes → Document.

``read_path`` picks a reader by content (not by name) and never raises for bad
input: it raises :class:`InputError` with a Chinese message instead.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Document
from .cleanup import build_document
from .decode import decode_bytes
from .errors import InputError

MAX_BYTES = 50 * 1024 * 1024
# What a folder search picks up; readers for other formats add their suffixes here.
SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".docm", ".pdf", ".doc", ".wps", ".rtf", ".odt")

__all__ = ["SUPPORTED_SUFFIXES", "InputError", "document_from_text", "read_bytes", "read_path"]


def document_from_text(text: str, path: str = "<文本>", encoding: str = "utf-8") -> Document:
    return build_document(text, path=path, encoding=encoding)


def read_bytes(data: bytes, path: str) -> Document:
    """Turn raw bytes into a Document, choosing the reader by content."""
    if not data.strip():
        raise InputError(path, "文件为空，没有可检查的内容")
    if len(data) > MAX_BYTES:
        raise InputError(path, f"文件过大（{len(data) // (1024 * 1024)} MB），上限为 {MAX_BYTES // (1024 * 1024)} MB")
    if data[30:38] == b"mimetype" and data[:4] == b"PK\x03\x04":
        from .legacy import is_odt, read_legacy

        if is_odt(data):
            return read_legacy(data, path)
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        from .docx import read_docx  # optional reader, imported only when needed

        return read_docx(data, path)
    if b"%PDF-" in data[:1024]:
        from .pdf import read_pdf

        return read_pdf(data, path)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" or _is_rtf_or_html(data):
        from .legacy import read_legacy

        return read_legacy(data, path)
    text, encoding, bom = decode_bytes(data, path)
    doc = build_document(text, path=path, encoding=encoding, bom=bom)
    if path.lower().endswith((".md", ".markdown")) or "#" in text:
        from .markdown import looks_like_markdown, strip_markdown

        if path.lower().endswith((".md", ".markdown")) or looks_like_markdown(text):
            doc = strip_markdown(doc)
    return doc


def _is_rtf_or_html(data: bytes) -> bool:
    """RTF, or a Word "web page" saved as .doc: converted by LibreOffice, never linted as markup."""
    head = data[:256].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"{\\rtf", b"<html", b"<!doctype html", b"mime-version:"))


def read_path(path: str | Path) -> Document:
    p = Path(path)
    name = str(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise InputError(name, "文件不存在") from None
    except OSError as exc:
        raise InputError(name, f"无法读取文件（{exc.strerror or exc}）") from None
    if p.is_dir():
        raise InputError(name, "这是一个文件夹，不是文件")
    if size > MAX_BYTES:
        raise InputError(name, f"文件过大（{size // (1024 * 1024)} MB），上限为 {MAX_BYTES // (1024 * 1024)} MB")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(name, f"无法读取文件（{exc.strerror or exc}）") from None
    return read_bytes(data, name)
