"""The per-user cache folder (parser tables, the jieba domain dictionary's prefix table).

``FZCHECK_CACHE_DIR`` chooses the folder; set it empty to cache nothing.  Never the
shared temporary folder: a cache there is a predictable file other users could plant.
"""

from __future__ import annotations

import os
import sys


def cache_dir() -> str | None:
    """A writable per-user cache folder, or None when there is none (then nothing is cached)."""
    folder = os.environ.get("FZCHECK_CACHE_DIR")
    if folder is None:
        if sys.platform == "win32":
            folder = os.path.join(os.environ.get("LOCALAPPDATA") or os.path.expanduser("~"), "fzcheck", "Cache")
        elif sys.platform == "darwin":
            folder = os.path.join(os.path.expanduser("~"), "Library", "Caches", "fzcheck")
        else:
            folder = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "fzcheck")
    if not folder:
        return None
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK | os.X_OK) else None


def cache_file(name: str) -> str | None:
    """The path of ``name`` in the cache folder, or None when nothing is cached."""
    folder = cache_dir()
    return None if folder is None else os.path.join(folder, name)


def write_whole(path: str, data: bytes, prefix: str = ".tmp-") -> bool:
    """Write ``data`` to the cache file ``path`` whole: into a temporary file beside it, then renamed
    over it, so a reader sees the old file or the new one, never a part.  False when it could not
    be written; no temporary file is left behind either way."""
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(prefix=prefix, dir=os.path.dirname(path))
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        return True
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            return False
        raise
