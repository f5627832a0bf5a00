"""Compiled regular expressions kept between runs, in the per-user cache folder.

Python compiles a regular expression in Python code, and a character class over the CJK blocks
(``[\\u4e00-\\u9fff]``, 28,000 code points) costs it several milliseconds: a cold ``fzcheck check``
spent about a fifth of its time compiling the same hundred patterns on every run.  ``preload``
puts the compiled form that earlier runs stored into ``re``'s own cache, so ``re.compile`` finds
it there; ``save`` stores what this run compiled that the file lacked.

The file is keyed by the interpreter (its cache tag and the regex engine's ``MAGIC``) and written
with ``marshal`` (lists, numbers and strings only), which loads it several times faster than JSON
and is built in: a cold start imports no ``json`` for it.  Every
entry is checked when it is stored: the pattern object built from it must equal (same flags,
pattern and engine code) the one ``re`` compiled.  At most ``LIMIT`` patterns are kept, the newest.  Any
problem — no cache folder, an unreadable or foreign file, an interpreter without these
internals — means nothing is preloaded or stored, and ``re`` compiles as usual.
"""

from __future__ import annotations

import marshal
import re
import sys

LIMIT = 1000
_known: set[tuple[str, int]] = set()
_entries: list[list] = []


def _path() -> str | None:
    import _sre

    from .cache import cache_file

    return cache_file(f"regex-{sys.implementation.cache_tag}-{_sre.MAGIC}.marshal")


def preload() -> None:
    """Fill ``re``'s cache with the patterns stored by earlier runs."""
    try:
        import _sre

        path = _path()
        if path is None or not isinstance(re._cache, dict):  # type: ignore[attr-defined]
            return
        with open(path, "rb") as fh:
            entries = marshal.loads(fh.read())  # load(fh) would read it object by object
        cache = re._cache  # type: ignore[attr-defined]
        for pattern, flags, final_flags, code, groups, groupindex, indexgroup in entries:
            if (str, pattern, flags) not in cache:
                cache[str, pattern, flags] = _sre.compile(pattern, final_flags, code, groups, groupindex, tuple(indexgroup))
            _known.add((pattern, flags))
        _entries[:] = entries
    except Exception:  # noqa: BLE001 — a cache must never stop a check
        _known.clear()
        _entries.clear()


def save() -> None:
    """Store the patterns compiled in this run that the file does not hold yet.  A full file drops
    its oldest entries for them (patterns of earlier versions go first), so an upgrade never leaves
    the cache full of patterns no run compiles any more."""
    try:
        cache = re._cache  # type: ignore[attr-defined]
        if not isinstance(cache, dict):
            return
        new = [(key[1], key[2], compiled) for key, compiled in list(cache.items()) if key[0] is str and (key[1], key[2]) not in _known]
        if not new:
            return
        path = _path()
        if path is None:
            return
        added = [entry for entry in (_entry(p, f, c) for p, f, c in new[:LIMIT]) if entry is not None]
        if added:
            _write(path, (list(_entries) + added)[-LIMIT:])
    except Exception:  # noqa: BLE001
        return


def _entry(pattern: str, flags: int, compiled: re.Pattern) -> list | None:
    """What ``re._compiler.compile`` passes to the engine, if rebuilding from it gives ``compiled``."""
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # plain ints (opcodes are an int subclass)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    entry = [pattern, int(flags), int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, indexgroup]
    rebuilt = _sre.compile(pattern, entry[2], code, entry[4], groupindex, tuple(indexgroup))
    if rebuilt != compiled or rebuilt.groupindex != compiled.groupindex or rebuilt.groups != compiled.groups:
        return None
    return entry


def _write(path: str, entries: list) -> None:
    from .cache import write_whole

    write_whole(path, marshal.dumps(entries), ".regex-")  # made before the file: a value marshal refuses leaves none
