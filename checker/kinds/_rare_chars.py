"""A report's text reduced to its newlines and the few rare characters that kinds look for first: the
marks of pairs' default pairs and the special spaces of whitespace (inside).  One pass of a charmap
codec per report, shared: the codec knows only these characters, and its "ignore" leaves every other
one out in C, at about half the instructions ``re`` spends testing each character of a text against
a class (and a fraction of what a ``str.find`` each would cost for the dozen special spaces: the
search for some of them stops at every 。 or 、, which share their low byte).

The reduced text is kept as the codec's bytes; a kind reads the characters it wants from it with a
decoding table of its own (:func:`keep`: the others as NUL) or asks whether it holds any of them
(:func:`holds_any`), in C as well.
"""

from __future__ import annotations

import codecs
from functools import lru_cache

from ._strings import SPECIAL_SPACES
from ._textscan import clean_text

PAIR_MARKS = "（）()“”‘’《》【】〔〕"  # pairs' default marks, ( ) with （）
KEPT = "\n" + PAIR_MARKS + SPECIAL_SPACES
# byte 0 stands for NUL: charmap_build then makes its fast encoding map (a dict otherwise)
_TABLE = "\x00" + KEPT + "\ufffe" * (255 - len(KEPT))
_ENCODING = codecs.charmap_build(_TABLE)


def rare_chars(report) -> bytes:
    """The rare characters of the report's clean text (:func:`encode_rare`), once per report."""
    memo = report._memo
    found = memo.get("rare_chars")
    if found is None:
        found = memo["rare_chars"] = encode_rare(clean_text(report))
    return found


def encode_rare(text: str) -> bytes:
    """The characters of ``text`` that are NUL or in :data:`KEPT`, in order, one byte each."""
    return codecs.charmap_encode(text, "ignore", _ENCODING)[0]


def keep(rare: bytes, chars: str) -> str:
    """The characters of ``rare`` (:func:`encode_rare`'s bytes) in order, those not in ``chars`` (and
    NUL) as NUL: a kind removes them or reads past them (a strict decoding with every byte mapped: the
    error handler, called for each byte dropped, would cost more than the whole pass)."""
    return codecs.charmap_decode(rare, "strict", _table_keeping(chars))[0]


def holds_any(rare: bytes, chars: str) -> bool:
    """Whether ``rare`` (:func:`encode_rare`'s bytes) holds one of the characters ``chars``."""
    return len(rare.translate(None, _bytes_not_of(chars))) > 0


@lru_cache(maxsize=32)
def _table_keeping(chars: str) -> str:
    """A decoding table of :func:`encode_rare`'s bytes that maps the characters ``chars`` to themselves
    and every other byte to NUL."""
    assert set(chars) <= set(KEPT), chars
    return "".join(ch if ch in chars and i else "\x00" for i, ch in enumerate(_TABLE))


@lru_cache(maxsize=32)
def _bytes_not_of(chars: str) -> bytes:
    """The bytes of :func:`encode_rare` that stand for no character of ``chars``."""
    assert set(chars) <= set(KEPT), chars
    return bytes(i for i, ch in enumerate(_TABLE) if not (ch in chars and i))
