"""Open untrusted zip packages (.docx) and parse their XML parts without surprises.

Every limit here turns a hostile or broken file into an :class:`InputError`
with a Chinese message instead of a traceback, a hang or a memory blow-up:

- a corrupt or truncated archive, an encrypted member;
- a zip bomb: too many members, a part or the whole archive declaring more
  uncompressed bytes than any real report has, or an absurd compression
  ratio.  Reads are bounded as well, so a lying header cannot get past;
- XML with a document type declaration.  Entities can only be declared in a
  DTD, so refusing ``<!DOCTYPE`` rules out external entities (never
  resolved, never fetched) and entity-expansion bombs alike.  The guard is the
  XML parser itself (expat reads the prolog, in whatever encoding it is
  written, and stops at the root element), so no encoding trick gets past it;
  then the fast C parser of :mod:`xml.etree.ElementTree` does the parsing.

The numbers are those of :mod:`checker.limits`.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from xml.etree import ElementTree as ET

from .. import limits
from .errors import InputError

MAX_MEMBERS = limits.MAX_ZIP_MEMBERS
MAX_PART_BYTES = limits.MAX_PART_BYTES  # one XML part, uncompressed
MAX_TOTAL_BYTES = limits.MAX_ZIP_BYTES  # the whole archive as declared, uncompressed
MAX_RATIO = limits.MAX_ZIP_RATIO  # uncompressed / compressed, for parts over 1 MB

_BOMB = "疑似“压缩炸弹”（解压后体积异常巨大），已拒绝读取；请确认文件来源，用 Word 重新另存为 .docx"


class SafeZip:
    """A read-only view of a zip archive with bounded reads."""

    def __init__(self, data: bytes, path: str) -> None:
        self.path = path
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            OSError,
            ValueError,
            EOFError,
            IndexError,
            NotImplementedError,
            UnicodeDecodeError,
        ):
            raise InputError(
                path, "文件已损坏或不完整（无法作为压缩包打开），请重新获取原文件或用 Word 另存为 .docx"
            ) from None
        if len(infos) > MAX_MEMBERS:
            raise InputError(path, _BOMB)
        total = 0
        self._infos: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            total += info.file_size
            if info.flag_bits & 0x1:
                raise InputError(path, "文件已加密（设置了密码），无法读取；请在 Word 中取消密码后另存为 .docx 再检查")
            self._infos.setdefault(info.filename, info)
        if total > MAX_TOTAL_BYTES:
            raise InputError(path, _BOMB)

    def names(self) -> list[str]:
        return list(self._infos)

    def has(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes:
        """The member's bytes, refusing anything larger or more compressed than a report can be."""
        info = self._infos.get(name)
        if info is None:
            raise InputError(self.path, f"文档缺少必需的部分 {name}，文件可能已损坏；请用 Word 重新另存为 .docx")
        if info.file_size > MAX_PART_BYTES:
            raise InputError(self.path, _BOMB)
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise InputError(self.path, _BOMB)
        try:
            with self._zip.open(info) as fh:
                data = fh.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
            raise InputError(
                self.path, "文件已损坏或不完整（压缩内容无法解开），请重新获取原文件或用 Word 另存为 .docx"
            ) from None
        if len(data) > MAX_PART_BYTES:
            raise InputError(self.path, _BOMB)
        return data

    def xml(self, name: str) -> ET.Element:
        return parse_xml(self.read(name), self.path, name)


_DTD = "文档内部 XML 含有 DOCTYPE/实体声明（可能引用外部文件），出于安全原因拒绝读取；请用 Word 重新另存为 .docx"


class _Declared(Exception):
    pass


class _RootReached(Exception):
    pass


def _declares_doctype(data: bytes) -> bool:
    """Whether the XML declares a document type, as the XML parser itself reads the prolog.

    expat detects the encoding (a byte-order mark, UTF-16 without one, the XML
    declaration) exactly as when the part is parsed, and stops at the root element:
    a DTD can only come before it.
    """
    from xml.parsers import expat

    def declared(*_args) -> None:
        raise _Declared

    def root(*_args) -> None:
        raise _RootReached

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = declared
    parser.EntityDeclHandler = declared
    parser.StartElementHandler = root
    try:
        for at in range(0, len(data), 65536):
            parser.Parse(data[at : at + 65536], False)
        parser.Parse(b"", True)
    except _Declared:
        return True
    except (_RootReached, expat.ExpatError, ValueError, LookupError):
        return False  # the root element came first, or the part is broken (the real parse says so)
    return False


def parse_xml(data: bytes, path: str, part: str = "") -> ET.Element:
    """Parse one XML part, refusing any document type declaration (and so any entity)."""
    if _declares_doctype(data):
        raise InputError(path, _DTD)
    try:
        return ET.fromstring(data)
    except (ET.ParseError, LookupError, ValueError):  # LookupError: an unknown encoding in the declaration
        raise InputError(
            path, f"文档内部的 {part or 'XML'} 已损坏（XML 格式错误），请用 Word 打开后重新另存为 .docx"
        ) from None
