"""The fixed text back into the original file's bytes, changing only the fixed spans.

``check --fix`` fixes a text in rounds (:mod:`checker.fixes`); :class:`EditLog` composes the
edits of every round into one list of edits on the text as it was read.  :func:`splice`
then copies the original bytes everywhere outside those edits and encodes only each
edit's replacement, with the codec that read the file (:func:`checker.ingest.decode.codec_of`:
Big5 is read and written as cp950) and the line ending of the line it is on.  So encoding
quirks (two byte sequences for one character), a byte-order mark, and a mix of CRLF and
LF lines all stay exactly as they were; a replacement that the encoding cannot hold
raises :class:`Unencodable` and nothing is written.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .fixes import apply_edits
from .model import Edit


class Unencodable(Exception):
    """A replacement has characters the file's encoding cannot hold."""

    def __init__(self, offset: int, text: str, encoding: str):
        super().__init__(f"{text!r} cannot be encoded as {encoding}")
        self.offset = offset  # in the text as read (newlines normalised)
        self.text = text
        self.encoding = encoding


class CannotSplice(Exception):
    """The bytes do not decode to the text that was checked (should not happen): nothing is written."""


@dataclass(frozen=True)
class Change:
    """One replacement in the text as read, to be made in the file's own bytes."""
    start: int  # offsets into the text as read (newlines normalised to \n)
    end: int
    replacement: str


class EditLog:
    """Every round's edits composed into edits on the original text (sorted, non-overlapping)."""

    def __init__(self, original: str):
        self.original = original
        self.changes: list[Change] = []

    def add(self, current: str, edits: list[Edit]) -> None:
        """Record ``edits`` (offsets into ``current``, the original with the changes so far applied)."""
        items = []  # (cur_start, cur_end, kind, payload)
        delta = 0
        for c in self.changes:
            cs = c.start + delta
            items.append((cs, cs + len(c.replacement), 0, c))
            delta += len(c.replacement) - (c.end - c.start)
        for e in edits:
            items.append((e.start, e.end, 1, e))
        items.sort(key=lambda t: (t[0], t[1]))
        merged: list[Change] = []
        delta_before = 0  # of the old changes before the current cluster
        i = 0
        while i < len(items):
            cs, ce = items[i][0], items[i][1]
            cluster = [items[i]]
            i += 1
            while i < len(items) and items[i][0] <= ce:
                ce = max(ce, items[i][1])
                cluster.append(items[i])
                i += 1
            olds = [t[3] for t in cluster if t[2] == 0]
            news = [t[3] for t in cluster if t[2] == 1]
            cluster_delta = sum(len(c.replacement) - (c.end - c.start) for c in olds)
            if not news:
                merged.extend(olds)
                delta_before += cluster_delta
                continue
            start = cs - delta_before
            end = ce - delta_before - cluster_delta
            replacement = apply_edits(current[cs:ce], [Edit(e.start - cs, e.end - cs, e.replacement) for e in news])
            merged.append(_trimmed(self.original, start, end, replacement))
            delta_before += cluster_delta
        self.changes = [c for c in merged if c.end > c.start or c.replacement]

    def apply(self) -> str:
        return apply_edits(self.original, [Edit(c.start, c.end, c.replacement) for c in self.changes])


def _trimmed(original: str, start: int, end: int, replacement: str) -> Change:
    """The change without the characters it leaves as they were at either end."""
    old = original[start:end]
    p = 0
    limit = min(len(old), len(replacement))
    while p < limit and old[p] == replacement[p]:
        p += 1
    s = 0
    while s < limit - p and old[len(old) - 1 - s] == replacement[len(replacement) - 1 - s]:
        s += 1
    return Change(start + p, end - s, replacement[p : len(replacement) - s])


_TERMINATOR = re.compile(r"\r\n|\r|\n")


def _byte_terminators(body: bytes, codec: str) -> list[tuple[int, int]] | None:
    """(start, end) of every line ending in ``body``, in bytes; None for an encoding whose bytes
    cannot be split this way (then the text is spliced by re-decoding, see :func:`splice`)."""
    name = codecs.lookup(codec).name
    if name in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        unit = 2 if "16" in name else 4
        cr, lf = "\r".encode(name), "\n".encode(name)
        pattern = re.compile(re.escape(cr + lf) + b"|" + re.escape(cr) + b"|" + re.escape(lf))
        out = []
        pos = 0
        while True:
            m = pattern.search(body, pos)
            if m is None:
                return out
            if m.start() % unit:  # inside a character: look again one byte on
                pos = m.start() + 1
                continue
            out.append((m.start(), m.end()))
            pos = m.end()
    if "\n".encode(name, "ignore") != b"\n" or "\r".encode(name, "ignore") != b"\r":
        return None
    # ASCII-compatible encodings whose multi-byte characters never contain 0x0A or 0x0D
    # (UTF-8, GBK, GB18030, Big5/cp950, single-byte code pages)
    return [m.span() for m in re.finditer(rb"\r\n|\r|\n", body)]


class _Lines:
    """The line endings of a file's text as read (``raw``) and of its bytes (``body``): where an
    offset into the normalised text (every line ending one \\n) is in the raw text and in the bytes,
    and which line ending its line has."""

    def __init__(self, body: bytes, codec: str, raw: str, lead: int) -> None:
        self.body, self.codec, self.raw, self.lead = body, codec, raw, lead
        self.terms = [m.span() for m in _TERMINATOR.finditer(raw)]
        self.ends = [e for _, e in self.terms]
        byte_terms = _byte_terminators(body, codec)
        self.byte_terms = byte_terms if byte_terms is None or len(byte_terms) == len(self.terms) else None
        self.norm_terms: list[int] = []  # where each line ending is in the normalised text
        self.extra = [0]  # extra characters of the first k line endings (a CRLF is one more than its \n)
        for s, e in self.terms:
            self.norm_terms.append(s - lead - self.extra[-1])
            self.extra.append(self.extra[-1] + e - s - 1)

    def raw_offset(self, p: int) -> int:
        return p + self.lead + self.extra[bisect_left(self.norm_terms, p)]

    def ending_at(self, p: int) -> str:
        """The line ending of the line that offset ``p`` is on (the last one's for the last line)."""
        if not self.terms:
            return "\n"
        k = min(bisect_left(self.norm_terms, p), len(self.terms) - 1)
        return self.raw[self.terms[k][0] : self.terms[k][1]]

    def byte_offset(self, r: int) -> int:
        """The offset in the bytes of offset ``r`` in the raw text."""
        body, codec = self.body, self.codec
        if self.byte_terms is None:  # an encoding whose bytes cannot be split into lines: decode up to r
            return _decoded_length(body, codec, r)
        k = bisect_right(self.ends, r)  # line endings that end at or before r
        line_start = self.ends[k - 1] if k else 0
        byte_start = self.byte_terms[k - 1][1] if k else 0
        prefix = self.raw[line_start:r]
        n = len(prefix.encode(codec))
        try:
            if body[byte_start : byte_start + n].decode(codec) == prefix:
                return byte_start + n
        except UnicodeDecodeError:
            pass
        return byte_start + _decoded_length(body[byte_start:], codec, len(prefix))


def splice(data: bytes, original: str, changes: list[Change], encoding: str, bom: bool) -> bytes:
    """``data`` (the file as read) with ``changes`` (on ``original``, the text as read with
    newlines normalised) applied: original bytes outside the changes, each replacement
    encoded with ``encoding``'s codec and the line ending of its line."""
    from .ingest.decode import codec_of

    codec, bom_len = codec_of(encoding, data, bom)
    body = data[bom_len:]
    raw = body.decode(codec)
    lead = 1 if raw.startswith("\ufeff") and not original.startswith("\ufeff") else 0
    if raw[lead:].replace("\r\n", "\n").replace("\r", "\n") != original:
        raise CannotSplice("the file's text is not the text that was checked")
    if not changes:
        return data
    lines = _Lines(body, codec, raw, lead)
    out: list[bytes] = [data[:bom_len]]
    pos = 0
    for c in changes:
        bs, be = lines.byte_offset(lines.raw_offset(c.start)), lines.byte_offset(lines.raw_offset(c.end))
        ending = lines.ending_at(c.start)
        text = c.replacement.replace("\n", ending) if ending != "\n" else c.replacement
        try:
            encoded = text.encode(codec)
        except UnicodeEncodeError as exc:
            raise Unencodable(c.start, text[exc.start : exc.end], encoding) from None
        out.append(body[pos:bs])
        out.append(encoded)
        pos = be
    out.append(body[pos:])
    return b"".join(out)


def _decoded_length(data: bytes, codec: str, chars: int) -> int:
    """How many bytes of ``data`` decode to the first ``chars`` characters (incremental decoding)."""
    if chars == 0:
        return 0
    decoder = codecs.getincrementaldecoder(codec)()
    count = 0
    for i in range(len(data)):
        count += len(decoder.decode(data[i : i + 1]))
        if count >= chars:
            return i + 1
    raise CannotSplice("offset beyond the end of the text")
