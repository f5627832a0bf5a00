"""MinHash signatures and their LSH band index: what the cross-report kinds compare paragraphs with.

Signatures: one-permutation MinHash (Li, Owen & Zhang 2012).  Every character
shingle is hashed once (CRC-32 of its UTF-32 bytes: stable across processes,
unlike ``hash()``); the top ``BIN_BITS`` bits pick one of ``BINS`` bins and the
bin keeps the smallest remaining value.  Two signatures agree in a bin with
probability equal to the Jaccard similarity of the shingle sets, so the share of
agreeing bins (among bins not empty in both) estimates it.

The index (LSH over signature bands): each paragraph is compared only with the
paragraphs it shares a band with, never with all others, so the work grows with
the number of paragraphs, not with its square.
"""

from __future__ import annotations

import re
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator

BINS = 64
BIN_BITS = 6  # 2**6 == BINS
VALUE_MASK = (1 << (32 - BIN_BITS)) - 1
EMPTY = 0xFFFFFFFF
BANDS, ROWS = 16, 4  # BANDS * ROWS == BINS; P(candidate | J=0.8) = 1 - (1 - 0.8**4)**16 ≈ 0.9998

_DROP = re.compile(r"[^\w]|_", re.UNICODE)
_DIGITS = re.compile(r"\d+")


def normalise(text: str, own_names: Iterable[str] = ()) -> str:
    """Letters only: punctuation and spaces dropped, digit runs → '0', own names → '〇'."""
    for name in own_names:
        if name:
            text = text.replace(name, "〇")
    return _DROP.sub("", _DIGITS.sub("0", text))


def signature(norm: str, size: int) -> bytes:
    """The one-permutation MinHash signature (``BINS`` uint32 values) of ``norm``'s shingles."""
    sig = [EMPTY] * BINS
    data = memoryview(norm.encode("utf-32-le"))
    width = 4 * size
    crc = zlib.crc32
    shift = 32 - BIN_BITS
    for i in range(0, max(0, len(data) - width) + 1, 4):
        h = crc(data[i : i + width])
        b = h >> shift
        v = h & VALUE_MASK
        if v < sig[b]:
            sig[b] = v
    return array("I", sig).tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    if a == b:
        return 1.0
    x, y = array("I", a), array("I", b)
    same = used = 0
    for p, q in zip(x, y):
        if p == EMPTY and q == EMPTY:
            continue
        used += 1
        if p == q:
            same += 1
    return same / used if used else 0.0


def band_keys(sig: bytes) -> list[int]:
    """One key per band whose bins are not all empty (empty bands would join all short paragraphs)."""
    keys = []
    empty = b"\xff" * (4 * ROWS)
    for band in range(BANDS):
        chunk = sig[band * 4 * ROWS : (band + 1) * 4 * ROWS]
        if chunk != empty:
            keys.append(band << 128 | int.from_bytes(chunk, "little"))
    return keys


SIG_BYTES = 4 * BINS  # one signature
BAND_BYTES = 4 * ROWS  # one band of it


def first_sharing(blocks: Callable[[], Iterable[bytes]]) -> Iterator[array]:
    """Band after band, per signature: the number of the first signature with the same band (itself
    when it is the first; -1 when the band is empty).  ``blocks()`` gives the signatures anew for
    each band, one after the other in blocks of whole signatures (they may be read back from a
    file); one band's table at a time, four bytes per signature, not a dictionary entry, and the
    signatures themselves need not be held."""
    empty = b"\xff" * BAND_BYTES
    for band in range(BANDS):
        seen: dict[bytes, int] = {}
        first = array("i")
        n = 0
        for block in blocks():
            for at in range(band * BAND_BYTES, len(block), SIG_BYTES):
                chunk = block[at : at + BAND_BYTES]
                first.append(seen.setdefault(chunk, n) if chunk != empty else -1)
                n += 1
        yield first


class UnionFind:
    """Groups of the numbers ``0 … size - 1`` joined pair by pair (the smallest member is the root),
    one 4-byte parent per number."""

    def __init__(self, size: int) -> None:
        self.parent = array("i", range(size))

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
