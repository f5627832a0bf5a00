"""Bytes → str for text files, with the encoding named the way users know it.

Order, cheapest and surest first:
1. a byte-order mark: UTF-8 (``utf-8-sig``), UTF-32, UTF-16;
2. UTF-16 without a mark, recognised by its NUL bytes on one side of each pair;
3. UTF-8 (strict) — the common case pays nothing more;
4. the Chinese legacy encodings: GBK/GB18030 (mainland Windows "ANSI") and
   Big5 (Taiwan/Hong Kong, read as cp950).  Bytes that decode in only one of
   them are that one; when both decode (GB18030 accepts almost any byte pair,
   so Big5 text also "decodes" as GB18030 into nonsense), charset-normalizer
   judges which text reads as language;
5. anything else: charset-normalizer's best guess, if it is text.
Binary files (images, archives, executables, NUL bytes, control characters)
are refused with a message that says what to provide instead.
"""

from __future__ import annotations

import codecs
import re

from .errors import InputError

_NOT_TEXT = "这不是文本文件（{what}），请提供 .txt、.md、.docx 或 .pdf 格式的报告"
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "是 PNG 图片"),
    (b"\xff\xd8\xff", "是 JPEG 图片"),
    (b"GIF87a", "是 GIF 图片"),
    (b"GIF89a", "是 GIF 图片"),
    (b"BM", ""),  # checked with more care below: many texts start with "BM"
    (b"II*\x00", "是 TIFF 图片"),
    (b"MM\x00*", "是 TIFF 图片"),
    (b"Rar!\x1a\x07", "是 RAR 压缩包"),
    (b"7z\xbc\xaf\x27\x1c", "是 7z 压缩包"),
    (b"\x1f\x8b", "是 gzip 压缩文件"),
    (b"\x7fELF", "是程序文件"),
    (b"MZ", ""),  # likewise
    (b"OggS", "是音频文件"),
    (b"ID3", "是 MP3 音频文件"),
    (b"\x00\x00\x00\x18ftyp", "是视频文件"),
    (b"\x00\x00\x00\x20ftyp", "是视频文件"),
)


# codecs whose strict decoding never yields a lone surrogate (UTF-7, which can, is not among them)
STRICT_CODECS = frozenset(("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "gbk", "gb18030", "big5"))


def decode_bytes(data: bytes, path: str) -> tuple[str, str, bool]:
    """Return (text, encoding name, had_bom)."""
    _refuse_known_binary(data, path)
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path), "utf-8-sig", True
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _strict(data, "utf-32", path), "utf-32", True
    if data.startswith(codecs.BOM_UTF16_LE):
        return _strict(data[2:], "utf-16-le", path), "utf-16", True
    if data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data[2:], "utf-16-be", path), "utf-16", True
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _strict(data, utf16, path), utf16, False
    if b"\x00" in data[:8192]:
        raise InputError(path, _NOT_TEXT.format(what="含有二进制内容"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _refuse_binary(text, path)
        return text, "utf-8", False
    text, encoding = _legacy_chinese(data, path)
    _refuse_binary(text, path)
    return text, encoding, False


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a mark: NUL bytes, and one byte order that reads as Chinese or ASCII text.

    UTF-8 and the legacy encodings never contain NUL bytes, so this only
    decides between UTF-16 (which order) and binary.
    """
    sample = data[:8192]
    if len(data) < 4 or len(data) % 2 or b"\x00" not in sample:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        text = sample.decode(encoding, errors="replace")
        if sum(1 for ch in text if _plausible(ch)) >= 0.95 * len(text):
            return encoding
    return None


def _plausible(ch: str) -> bool:
    return (
        " " <= ch <= "~"
        or ch in "\t\n\r\u00a0\u00b7"
        or "\u4e00" <= ch <= "\u9fff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or "\u2000" <= ch <= "\u206f"
        or "\u2460" <= ch <= "\u24ff"
    )


def _decodes(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _legacy_chinese(data: bytes, path: str) -> tuple[str, str]:
    gbk = _decodes(data, "gbk")
    gb = gbk if gbk is not None else _decodes(data, "gb18030")
    gb_name = "gbk" if gbk is not None else "gb18030"
    big5 = _decodes(data, "cp950")
    if gb is not None and big5 is None:
        return gb, gb_name
    if big5 is not None and gb is None:
        return big5, "big5"
    if big5 is not None and gb is not None:
        # GB18030 maps nearly every byte pair, so Big5 text also "decodes" as GB18030;
        # cp950, not Python's "big5", is asked: only cp950 has 裏, 碁, 銹 and €
        if _normalizer_guess(data, ("gb18030", "cp950")) == "big5" or not _looks_like_text(gb):
            return big5, "big5"
        return gb, gb_name
    guess = _normalizer_guess(data, ())
    if guess:
        text = _decodes(data, codec_of(guess, data, False)[0])  # the codec that will write it back
        if text is not None and _looks_like_text(text):
            return text, guess
    raise InputError(
        path, "无法识别文件编码（不是 UTF-8、GBK/GB18030 或 Big5），请用记事本或 WPS 另存为 UTF-8 文本或 .docx 后再检查"
    )


def codec_of(encoding: str, data: bytes, bom: bool) -> tuple[str, int]:
    """(the codec that decoded ``data``'s text, the length of its byte-order mark): the exact
    codec to write the text back with.  "big5" is read (and so written) as cp950, Microsoft's
    Big5, which has 裏, 碁, 銹 and €; UTF-16/32 keep the byte order of their mark."""
    if encoding == "big5":
        return "cp950", 0
    if encoding in ("utf-8-sig", "utf-8", "utf8") and data.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    if encoding == "utf-32":
        return ("utf-32-be" if data.startswith(codecs.BOM_UTF32_BE) else "utf-32-le"), 4
    if encoding == "utf-16":
        return ("utf-16-be" if data.startswith(codecs.BOM_UTF16_BE) else "utf-16-le"), 2
    return encoding, 0


def _normalizer_guess(data: bytes, candidates: tuple[str, ...]) -> str:
    """charset-normalizer's pick among ``candidates`` (all encodings when empty), normalised to our names."""
    from charset_normalizer import from_bytes  # imported only for non-UTF-8 text

    kwargs = {"cp_isolation": list(candidates)} if candidates else {}
    best = from_bytes(data[:65536], **kwargs).best()
    if best is None:
        return ""
    name = best.encoding.lower().replace("-", "_")
    if name in ("big5", "cp950", "big5hkscs"):
        return "big5"
    if name in ("gb18030", "gbk", "gb2312", "cp936", "hz"):
        return "gb18030"
    return best.encoding


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(
            path, f"文件看起来是 {encoding} 编码，但内容无法按此解码（可能已损坏）；请另存为 UTF-8 文本后再检查"
        ) from None
    _refuse_binary(text, path)
    return text


# control characters other than \t \n \v \f \r, and the private use area: rare in real text
_ODD = re.compile("[\x00-\x08\x0e-\x1f\ue000-\uf8ff]")


def _looks_like_text(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return True
    return "\x00" not in sample and len(_ODD.findall(sample)) / len(sample) <= 0.05


def _refuse_binary(text: str, path: str) -> None:
    if not _looks_like_text(text):
        raise InputError(path, _NOT_TEXT.format(what="含有二进制内容"))


def _refuse_known_binary(data: bytes, path: str) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic) and what:
            raise InputError(path, _NOT_TEXT.format(what=what))
    if data.startswith(b"MZ") and b"This program cannot be run in DOS mode" in data[:512]:
        raise InputError(path, _NOT_TEXT.format(what="是程序文件"))
    if data.startswith(b"BM") and len(data) > 26 and int.from_bytes(data[2:6], "little") == len(data):
        raise InputError(path, _NOT_TEXT.format(what="是 BMP 图片"))
