"""The common text file — UTF-8 (with or without a byte-order mark), simplified characters, no control
characters, no overlong line — read with one search over its text instead of three.

The general path (``decode.decode_bytes`` then ``cleanup.build_document``) scans the text three
times: for characters that mark a binary file (``decode._ODD``), for characters only traditional
writing has (``script._PROBE``) and for the characters a Word leftover starts with
(``cleanup._LEFTOVER_HINT``).  Here one character class, the union of the three, finds them all in
one pass; whenever the text is anything but the common case (a control or private-use character
anywhere, five traditional-only characters, another byte-order mark, a NUL byte, a prefix some binary
format starts with, an overlong line, more characters than the limit, bytes that are not UTF-8),
:func:`read_plain_utf8` returns None and the general path reads the file, so the Document or the
error is always the one the general path gives (tests/ingest/test_plain_read.py holds the two equal).
"""

from __future__ import annotations

import codecs
import re

from ..limits import MAX_CHARS, MAX_LINE_CHARS, MAX_LINES
from ..model import Document, new_document
from ..positions import made_by_reader
from .cleanup import _LEFTOVER_HINT, check_size, normalise_newlines, plain_lines
from .decode import _MAGIC, _ODD
from .script import _MIN_HITS, _PROBE, _PROBE_RE

# what makes a file anything but plain UTF-8 text from its first bytes: a byte-order mark or a
# binary format's signature (some, such as "BM", also begin ordinary texts: those take the general path)
_NOT_PLAIN_PREFIXES = (
    codecs.BOM_UTF8,
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
    *(magic for magic, _ in _MAGIC),
)
_TRADITIONAL_SAMPLE = 20000  # cleanup.build_document asks script.looks_traditional about text[:20000]


def _class_body(pattern: re.Pattern) -> str:
    """The inside of a pattern that is one character class: ``[abc]`` → ``abc``
    (tests/ingest/test_plain_read.py checks that each of the three is one class)."""
    source = pattern.pattern
    assert source.startswith("[") and source.endswith("]"), source
    return source[1:-1]


# one class: every character any of the three searches stops at
_MARKS_BODY = "".join(_class_body(p) for p in (_ODD, _PROBE_RE, _LEFTOVER_HINT))
_MARKS = re.compile("[" + _MARKS_BODY + "]")
# the run of characters up to the next of them: ``_UNMARKED.match(text, at).end()`` is where the next
# mark at or after ``at`` is (or the text's end), found in sre's counting loop at two thirds of the
# instructions a search for _MARKS takes per character (the common text holds none, or one or two)
_UNMARKED = re.compile("[^" + _MARKS_BODY + "]*")


def read_plain_utf8(data: bytes, path: str) -> tuple[Document, str] | None:
    """The Document of ``data`` and its decoded text (newlines as written), as the general path reads
    them (``ingest.read_text_bytes``), or None when ``data`` is not the common case."""
    if len(data) > 4 * MAX_CHARS:  # more characters than the limit whatever they are: not decoded twice
        return None
    bom = data.startswith(codecs.BOM_UTF8)  # Notepad's UTF-8: decode.decode_bytes reads it as "utf-8-sig"
    if bom:
        data = data[3:]
    if data.startswith(_NOT_PLAIN_PREFIXES) or data.find(b"\x00", 0, 8192) >= 0:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if len(text) > MAX_CHARS:
        return None
    decoded = text
    text, newline = normalise_newlines(text)
    hints = _leftover_hints(text)
    if hints is None:
        return None
    raws = text.split("\n")
    if len(raws) > MAX_LINES:
        check_size(text)  # raises: too many lines
    lengths = list(map(len, raws))
    if max(lengths) > MAX_LINE_CHARS:
        return None
    lines, leftovers = plain_lines(text, raws, lengths, hints)
    doc = new_document(path, text, tuple(lines), "utf-8-sig" if bom else "utf-8", newline, bom, tuple(leftovers))
    made_by_reader(doc)
    return doc, decoded


def _leftover_hints(text: str) -> list[int] | None:
    """Where the characters a leftover starts with are, or None when the text holds a character the
    binary test looks at or enough traditional-only characters to be read through the table."""
    hints: list[int] = []
    probes = 0
    end = len(text)
    unmarked = _UNMARKED.match
    at = unmarked(text).end()
    while at < end:
        ch = text[at]
        if ch in _PROBE:
            if at < _TRADITIONAL_SAMPLE:
                probes += 1
                if probes >= _MIN_HITS:
                    return None
        elif _LEFTOVER_HINT.match(ch):
            hints.append(at)
        else:  # a control or private-use character: the general path judges the file
            return None
        at = unmarked(text, at + 1).end()
    return hints
