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
