"""The outline grammar's text (checker/grammar/outline.lark), for the parser (outline.py) and the
cache of its parse trees (shape_cache.py), which names its file by it."""

from __future__ import annotations

import os


def grammar_text() -> str:
    path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "grammar", "outline.lark")
    with open(path, encoding="utf-8") as f:  # plain file access: importlib.resources costs ≈4 ms of imports
        return f.read()
