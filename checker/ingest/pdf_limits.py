"""Bounded stream decoding for pdfminer: no PDF stream may inflate past MAX_PDF_STREAM_BYTES.

pdfminer decodes a stream whole (``zlib.decompress``, LZW, RunLength into a list of ints),
so a 1 MB PDF whose content stream inflates to 4 GiB takes 4 GiB and more.  ``install()``
puts bounded decoders in place of those pdfminer uses; a stream past the limit raises
:class:`~checker.limits.LimitExceeded` (a BaseException, so that pdfminer's own broad
``except Exception`` handlers cannot swallow it) and the file gets one FZ904 finding.
"""

from __future__ import annotations

import zlib
from io import BytesIO

from ..limits import MAX_PDF_STREAM_BYTES, LimitExceeded, check_time

_CHUNK = 1024 * 1024


def _too_large() -> LimitExceeded:
    return LimitExceeded(
        f"PDF 中的数据流解压后超过 {MAX_PDF_STREAM_BYTES // (1024 * 1024)} MB（疑似“压缩炸弹”），已停止读取；"
        "请重新导出 PDF，或提供报告的 .docx 文件"
    )


class _Inflater:
    """What pdfminer calls on ``zlib.decompressobj()``, with the output bounded."""

    def __init__(self) -> None:
        self._d = zlib.decompressobj()
        self._size = 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = self._d.decompress(data, MAX_PDF_STREAM_BYTES + 1 - self._size)
        self._size += len(out)
        if self._size > MAX_PDF_STREAM_BYTES or self._d.unconsumed_tail:
            raise _too_large()
        return out

    def flush(self, *args) -> bytes:
        return self._d.flush(*args)


class _BoundedZlib:
    """Stands in for the ``zlib`` module inside ``pdfminer.pdftypes``."""

    error = zlib.error

    @staticmethod
    def decompress(data: bytes) -> bytes:
        d = zlib.decompressobj()
        out = d.decompress(data, MAX_PDF_STREAM_BYTES + 1)
        if len(out) > MAX_PDF_STREAM_BYTES or d.unconsumed_tail:
            raise _too_large()
        if not d.eof:
            raise zlib.error("incomplete or truncated stream")
        return out

    @staticmethod
    def decompressobj(*args, **kwargs) -> _Inflater:
        return _Inflater()


def decompress_corrupted(data: bytes) -> bytes:
    """pdfminer's fallback for a stream with a bad checksum, in linear time and bounded."""
    d = zlib.decompressobj()
    out = bytearray()
    try:
        for at in range(0, len(data), _CHUNK):
            out += d.decompress(data[at : at + _CHUNK], MAX_PDF_STREAM_BYTES + 1 - len(out))
            if len(out) > MAX_PDF_STREAM_BYTES or d.unconsumed_tail:
                raise _too_large()
    except zlib.error:
        pass  # what could be inflated before the damage
    return bytes(out)


def rldecode(data: bytes) -> bytes:
    """RunLengthDecode (PDF Reference 1.4 §3.3.4), bounded."""
    out = bytearray()
    i, n = 0, len(data)
    while i < n:
        length = data[i]
        if length == 128:
            break
        if length < 128:
            out += data[i + 1 : i + 2 + length]
            i += 2 + length
        else:
            out += data[i + 1 : i + 2] * (257 - length)
            i += 2
        if len(out) > MAX_PDF_STREAM_BYTES:
            raise _too_large()
    return bytes(out)


def lzwdecode(data: bytes) -> bytes:
    from pdfminer.lzw import LZWDecoder

    out = bytearray()
    for k, piece in enumerate(LZWDecoder(BytesIO(data)).run()):
        out += piece
        if len(out) > MAX_PDF_STREAM_BYTES:
            raise _too_large()
        if k % 65536 == 0:
            check_time()
    return bytes(out)


def install() -> None:
    """Put the bounded decoders into pdfminer (idempotent)."""
    from pdfminer import pdftypes

    pdftypes.zlib = _BoundedZlib  # type: ignore[assignment]
    pdftypes.decompress_corrupted = decompress_corrupted
    pdftypes.rldecode = rldecode
    pdftypes.lzwdecode = lzwdecode
