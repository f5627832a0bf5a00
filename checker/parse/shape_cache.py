"""The outline grammar's parse trees kept between runs, in the per-user cache folder.

The grammar (checker/grammar/outline.lark) reads only the sequence of token types, and a few
hundred sequences make up a thousand reports, so ``outline._kept`` parses each sequence once per
process.  A cold ``fzcheck check`` still imported lark and loaded its tables (≈ 25 ms, a sixth of
the run) to parse one sequence that an earlier run had already parsed.  This file keeps the tree
shapes (nested tuples of token indices, see ``outline.tree_shape``) by sequence, so a known
sequence needs no lark at all; a new one is parsed by lark as before and added.

The file is named by a digest of the grammar's text and of this module's ``FORMAT``, so another
grammar never reads this one's trees; it is written with ``marshal`` whole (``cache.write_whole``),
and at most ``LIMIT`` sequences are kept: past it, a run stores no more.  It maps each sequence,
written as one string (its token types joined by spaces), to its tree marshalled on its own: a
run decodes only the trees of the sequences it meets (reading every tree as nested tuples took a
cold check 6–14 ms for a full file; the strings and bytes take under 1 ms).  A stored tree is used
only if it holds every token of its sequence once, in order (what any parse tree of the grammar
does); otherwise lark parses the sequence.  Any problem — no cache folder, a damaged or foreign
file — means lark parses as if there were none.
"""

from __future__ import annotations

import marshal
import os

FORMAT = "2"
LIMIT = 2048  # a thousand reports make about 300
FILES_KEPT = 4  # other grammars' files (other checkouts or versions sharing the folder)

_stored: dict[str, bytes] | None = None  # read on the first sequence this process has not parsed
_added: dict[str, bytes] = {}


def _path() -> str | None:
    import hashlib

    from ..cache import cache_file
    from .grammar import grammar_text

    digest = hashlib.sha256(f"{FORMAT}\0{grammar_text()}".encode()).hexdigest()[:16]
    return cache_file(f"outline-shapes-{digest}.marshal")


def stored_shape(types: tuple[str, ...]) -> tuple | None:
    """The tree an earlier run stored for this sequence of token types, if it is a sound one."""
    global _stored
    if _stored is None:
        _stored = _read()
    data = _stored.get(key_of(types))
    if type(data) is not bytes:
        return None
    try:
        shape = marshal.loads(data)
    except Exception:  # noqa: BLE001 — a damaged entry: lark parses the sequence
        return None
    if not holds_each_token_once(shape, len(types)):
        return None
    return shape


def remember(types: tuple[str, ...], shape: tuple) -> None:
    """Keep a tree lark has just made, to be stored by :func:`save`."""
    if len(_added) < LIMIT:
        _added[key_of(types)] = marshal.dumps(shape)


def key_of(types: tuple[str, ...]) -> str:
    """A sequence of token types as the file's key: the types (grammar terminals, no spaces) joined by spaces."""
    return " ".join(types)


def holds_each_token_once(shape: tuple, count: int) -> bool:
    """Whether ``shape`` holds the token indices 0 … count-1 each once, in order, and nothing else."""
    seen: list[int] = []
    if not _flatten(shape, seen, 0):
        return False
    return seen == list(range(count))


def _flatten(node, seen: list[int], depth: int) -> bool:
    if depth > 8 or type(node) is not tuple:  # the grammar nests a document's parts four deep
        return False
    for child in node:
        if type(child) is int:
            seen.append(child)
        elif not _flatten(child, seen, depth + 1):
            return False
    return True


def _read() -> dict[str, bytes]:
    try:
        path = _path()
        if path is None:
            return {}
        with open(path, "rb") as fh:
            table = marshal.loads(fh.read())
    except Exception:  # noqa: BLE001 — missing, damaged or foreign: lark parses every sequence
        return {}
    # marshal makes built-in values only, and a sequence is looked up by its own string: a foreign key
    # is never met, and a tree is decoded and checked when it is used (stored_shape)
    return table if type(table) is dict else {}


def save() -> None:
    """Store the trees this process made that the file does not hold yet (read again first, so
    that processes saving one after another add to each other's)."""
    if not _added:
        return
    try:
        path = _path()
        if path is None:
            return
        with _locked(path + ".lock"):  # workers ending together: each adds to what the one before wrote
            _store(path)
    except Exception:  # noqa: BLE001 — a cache must never stop a check
        return


def _store(path: str) -> None:
    table = _read()
    new = {k: v for k, v in _added.items() if k not in table}
    _added.clear()
    if not new or len(table) >= LIMIT:
        return
    for k, v in list(new.items())[: LIMIT - len(table)]:
        table[k] = v
    from ..cache import write_whole

    if write_whole(path, marshal.dumps(table), ".shapes-"):
        _forget_other_grammars(path)


class _locked:
    """An exclusive lock on ``path`` where the platform has ``fcntl`` (elsewhere none: a save may then
    lose another process's trees, which a later run adds again)."""

    def __init__(self, path: str) -> None:
        self.path, self.fd = path, -1

    def __enter__(self) -> None:
        try:
            import fcntl
        except ImportError:
            return
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(self.fd, fcntl.LOCK_EX)

    def __exit__(self, *exc) -> None:
        if self.fd >= 0:
            os.close(self.fd)  # closing releases the lock


def _forget_other_grammars(path: str) -> None:
    folder = os.path.dirname(path)
    try:
        mine = os.path.basename(path)
        others = [e for e in os.scandir(folder) if e.name.startswith("outline-shapes-") and e.name.endswith(".marshal") and e.name != mine]
        others.sort(key=lambda e: e.stat().st_mtime, reverse=True)
        for old in others[FILES_KEPT - 1 :]:
            os.unlink(old.path)
            try:
                os.unlink(old.path + ".lock")
            except FileNotFoundError:
                pass
    except OSError:
        return
