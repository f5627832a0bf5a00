"""jieba, loaded lazily and once, with a small domain dictionary.

Importing jieba normally pulls in ``pkg_resources`` (≈100 ms here) only to
locate its own data files; jieba falls back to plain file paths when that import
fails, so we hide ``pkg_resources`` for the duration of the import.  The full
jieba dictionary (≈0.7 s to load) is never used: a ``jieba.Tokenizer`` over
``rules/jieba-userdict.txt`` plus the keywords of the loaded packs initialises in
a few milliseconds and keeps domain terms (第一责任人, 党政主要负责人 …) whole.

jieba also imports its HMM model for unknown words (``jieba.finalseg``: a 10–15 ms
import of probability tables) although we cut with ``HMM=False``; a stand-in
module takes its place during the import and loads the real one on first use,
so code that does use the HMM still works.
"""

from __future__ import annotations

import importlib
import logging
import sys
import types
from collections.abc import Iterable
from functools import lru_cache

_MISSING = object()


class _LazySubmodule(types.ModuleType):
    """Stands in ``sys.modules`` for a submodule; imports the real one on first attribute access."""

    def __getattr__(self, name: str):
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), name)


def _import_jieba():
    saved = sys.modules.get("pkg_resources", _MISSING)
    if saved is _MISSING:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    if "jieba" not in sys.modules and "jieba.finalseg" not in sys.modules:
        sys.modules["jieba.finalseg"] = _LazySubmodule("jieba.finalseg")
    try:
        import jieba
    except ImportError:
        if isinstance(sys.modules.get("jieba.finalseg"), _LazySubmodule):
            del sys.modules["jieba.finalseg"]
        raise
    finally:
        if saved is _MISSING:
            sys.modules.pop("pkg_resources", None)
    jieba.setLogLevel(logging.WARNING)
    return jieba


@lru_cache(maxsize=8)
def tokenizer(dictionary: str, extra_words: tuple[str, ...] = ()):
    """A jieba Tokenizer over ``dictionary`` (a jieba dict file) plus ``extra_words``."""
    from ..cache import cache_dir

    jieba = _import_jieba()
    tok = jieba.Tokenizer(dictionary=dictionary)
    folder = cache_dir()
    if folder is not None:  # jieba's prefix-table cache: the per-user folder, not the shared /tmp
        tok.tmp_dir = folder
    tok.initialize()
    for word in extra_words:
        tok.add_word(word, freq=50000)
    return tok


# Sentences whose boundaries a segmenter keeps (the latest): enough for those one report looks up again.
# Each kept sentence costs several kB (two sets of offsets), and a check makes eight segmenters: with
# 4,096 (or 512) one process grew from 33 to 46 (42) MB between 1,000 and 5,000 reports (--jobs 1),
# with 64 from 31 to 32 MB, in the same CPU time.
BOUNDARIES_KEPT = 64


class Segmenter:
    """Token boundaries of short texts, for token-aligned keyword matching."""

    def __init__(self, dictionary: str, words: Iterable[str]) -> None:
        self._dictionary = dictionary
        self._words = tuple(sorted(set(words)))
        self._cache: dict[str, tuple[frozenset[int], frozenset[int]]] = {}
        # what callers work out once per ruleset from this segmenter's cuts (roles.py: a heading's role words)
        self.memo: dict[str, object] = {}

    def cut(self, text: str) -> list[str]:
        return list(tokenizer(self._dictionary, self._words).cut(text, HMM=False))

    def boundaries(self, text: str) -> tuple[frozenset[int], frozenset[int]]:
        cached = self._cache.get(text)
        if cached is None:
            starts, ends, pos = set(), set(), 0
            for token in self.cut(text):
                starts.add(pos)
                pos += len(token)
                ends.add(pos)
            cached = (frozenset(starts), frozenset(ends))
            if len(self._cache) >= BOUNDARIES_KEPT:  # the oldest goes: a report looks up its own texts again
                del self._cache[next(iter(self._cache))]
            self._cache[text] = cached
        return cached

    def find(self, text: str, keyword: str) -> int:
        """Offset of the first token-aligned occurrence of ``keyword`` in ``text``, or -1."""
        pos = text.find(keyword)
        if pos == -1:
            return -1
        starts, ends = self.boundaries(text)
        while pos != -1:
            if pos in starts and pos + len(keyword) in ends:
                return pos
            pos = text.find(keyword, pos + 1)
        return -1

    def contains_any(self, text: str, keywords: Iterable[str]) -> str:
        """The first keyword found token-aligned in ``text``, or ''."""
        for keyword in keywords:
            if keyword in text and self.find(text, keyword) != -1:
                return keyword
        return ""
