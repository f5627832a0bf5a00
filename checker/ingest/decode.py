"""Bytes → str for text files: UTF-8 (with or without BOM) first, then UTF-16, then GB18030."""

from __future__ import annotations

import codecs

from .errors import InputError


def decode_bytes(data: bytes, path: str) -> tuple[str, str, bool]:
    """Return (text, encoding name, had_bom)."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path), "utf-8-sig", True
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path), "utf-16", True
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _refuse_binary(text, path)
        return text, "utf-8", False
    for encoding in ("gb18030",):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        _refuse_binary(text, path)
        return text, encoding, False
    raise InputError(path, "无法识别文件编码，请另存为 UTF-8 文本或 .docx 后再检查")


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(path, f"文件声明为 {encoding} 编码，但内容无法按此解码") from None
    _refuse_binary(text, path)
    return text


def _refuse_binary(text: str, path: str) -> None:
    sample = text[:4096]
    if not sample:
        return
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if "\x00" in sample or controls / len(sample) > 0.05:
        raise InputError(path, "这不是文本文件（含有二进制内容），请提供 .txt、.md 或 .docx 报告")
