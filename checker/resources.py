"""Where the data shipped with fzcheck lives (the default rule packs and their word lists)."""

from __future__ import annotations

from pathlib import Path


def default_rules_dir() -> Path:
    """The packs shipped with the package (``checker/rules`` in a wheel, ``rules/`` in a checkout)."""
    packaged = Path(__file__).parent / "rules"  # what importlib.resources.files("checker") gives, without its imports
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules"
