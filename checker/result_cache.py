"""Each file's output from earlier runs of ``fzcheck check``, kept in the per-user cache folder (as
ruff keeps its own), so a file that has not changed is not read, parsed and checked again.

An entry is found under a SHA-256 of everything its output depends on: the file's bytes and its
path as given, the effective configuration, the rule packs (their paths and contents), the output
format and display options, and a stamp of the code — fzcheck's and Python's versions and the size
and modification time of every module of the checker package, of the grammar, of the data files
beside the default packs and of the libraries that segment and parse (jieba, lark, regex).  The entry
is the file's rendered output and its compact record: exactly what checking the file again gives.

Used when a run checks several files (for one file, stamping the code costs about as much as
checking it).  Not kept: files that could not be read, files whose check crashed or ran into a limit (FZ903, FZ904:
those depend on the machine's load, not on the file), files over ``MAX_BYTES`` (reading one twice
costs more than it saves), and anything from standard input.  ``--no-cache`` (or
``FZCHECK_CACHE_DIR=`` empty) turns it off.  A damaged or unreadable entry is simply checked again;
entries of older code stamps are removed when a new stamp starts (two stamps are kept).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys

MAX_BYTES = 4 * 1024 * 1024
NOT_KEPT = frozenset(("FZ903", "FZ904"))  # a crash or a time limit: the next run tries again
STAMPS_KEPT = 2
_ENV_OFF = "FZCHECK_NO_RESULT_CACHE"  # any non-empty value: off (the test suite sets it; its own tests clear it)


class ResultCache:
    """The entries of one code stamp and one output setting, in ``folder``."""

    __slots__ = ("folder", "salt", "_shown")

    def __init__(self, folder: str, salt: str) -> None:
        self.folder, self.salt = folder, salt
        self._shown: tuple[object, bytes] | None = None  # (configuration, its repr as bytes) of the last file

    @classmethod
    def open(cls, fmt: str, ctx, with_roles: bool) -> ResultCache | None:
        """The cache for this run's output setting, or None when there is no cache folder."""
        from .cache import cache_dir

        if os.environ.get(_ENV_OFF) or getattr(ctx, "rules", None) is not None:
            return None
        root = cache_dir()
        if root is None:
            return None
        from . import __version__

        shown = (ctx.color, ctx.show_source, ctx.statistics, ctx.show_all)
        salt = hashlib.sha256(f"{__version__}\0{sys.version}\0{code_stamp()}\0{fmt}\0{shown}\0{with_roles}".encode())
        stamp = salt.hexdigest()[:24]
        results = os.path.join(root, "results")
        _prune(results, stamp)
        return cls(os.path.join(results, stamp), stamp)

    def key(self, path: str, config, ruleset_key: str) -> str | None:
        """The entry's name for ``path`` checked under ``config``; None when the file is not cached
        (not a regular file, too large, unreadable: the check reports those)."""
        found = self.key_and_bytes(path, config, ruleset_key)
        return found[0] if found is not None else None

    def key_and_bytes(self, path: str, config, ruleset_key: str) -> tuple[str, bytes] | None:
        """The entry's name for ``path`` under ``config`` and the bytes it was made of (what to check
        when the entry is missing: the file is not read twice); None when the file is not cached."""
        try:
            info = os.stat(path)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
                return None
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
            with os.fdopen(fd, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except OSError:
            return None
        if len(data) > MAX_BYTES:
            return None
        digest = hashlib.sha256(self.salt.encode())
        digest.update(os.fsencode(path) + b"\0" + self._config_bytes(config))
        digest.update(b"\0" + ruleset_key.encode() + b"\0")
        digest.update(data)
        return digest.hexdigest(), data

    def _config_bytes(self, config) -> bytes:
        """``repr(config)`` encoded, worked out again only when the configuration object changes (the
        files of one folder share theirs)."""
        shown = self._shown
        if shown is None or shown[0] is not config:
            shown = self._shown = (config, repr(config).encode("utf-8", "surrogateescape"))
        return shown[1]

    def _entry(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key)

    def get(self, key: str):
        """The stored (text, record) of ``key``, or None."""
        try:
            with open(self._entry(key), "rb") as fh:
                found = pickle.load(fh)
        except Exception:  # noqa: BLE001 — missing, damaged or from another version: check the file
            return None
        return found if isinstance(found, tuple) and len(found) == 2 else None

    def put(self, key: str, piece) -> None:
        """Keep ``piece`` (text, record) under ``key`` unless it must be computed again next time."""
        _, record = piece
        if record.error or any(code in NOT_KEPT for code, _, _ in record.diagnostics):
            return
        from .cache import write_whole

        path = self._entry(key)
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            write_whole(path, pickle.dumps(piece, protocol=pickle.HIGHEST_PROTOCOL))  # readers see all or none
        except Exception:  # noqa: BLE001 — not kept: the next run checks the file again
            return


def code_stamp() -> str:
    """Sizes and modification times of the code and data a file's findings depend on."""
    here = os.path.dirname(os.path.abspath(__file__))
    from .resources import default_rules_dir

    parts = []
    for folder, subdirs, files in os.walk(here):
        subdirs[:] = sorted(d for d in subdirs if d not in ("__pycache__", "static"))
        parts.extend(_stat(os.path.join(folder, f)) for f in sorted(files) if f.endswith((".py", ".lark")))
    rules = str(default_rules_dir())
    try:
        parts.extend(_stat(os.path.join(rules, f)) for f in sorted(os.listdir(rules)))
    except OSError:
        parts.append("rules?")
    parts.extend(_library(name) for name in ("jieba", "lark", "regex"))
    return ";".join(parts)


def _stat(path: str) -> str:
    try:
        info = os.stat(path)
    except OSError:
        return f"{path}?"
    return f"{path}:{info.st_size}:{info.st_mtime_ns}"


def _library(name: str) -> str:
    """The stamp of an installed library: its package's __init__ (rewritten by an upgrade)."""
    from importlib.util import find_spec

    try:
        spec = find_spec(name)
    except (ImportError, ValueError):
        spec = None
    return _stat(spec.origin) if spec is not None and spec.origin else f"{name}?"


def _prune(results: str, current: str) -> None:
    """Remove the entries of all but the newest STAMPS_KEPT code stamps (the current one included)."""
    try:
        others = [e for e in os.scandir(results) if e.name != current and e.is_dir(follow_symlinks=False)]
    except OSError:
        return
    if len(others) < STAMPS_KEPT:
        return
    import shutil

    others.sort(key=lambda e: e.stat(follow_symlinks=False).st_mtime, reverse=True)
    for stale in others[STAMPS_KEPT - 1 :]:
        shutil.rmtree(stale.path, ignore_errors=True)
