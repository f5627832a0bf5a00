"""fzcheck: a linter for 法治政府建设年度报告.

The public API: :func:`check_text`, :func:`check_path`, :class:`Result`,
:class:`Diagnostic`.  Everything else is internal.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["check_text", "check_path", "check_bytes", "Result", "Diagnostic", "Config", "__version__"]


def __getattr__(name: str):  # lazy, so that `import checker` stays cheap for the CLI
    if name in ("check_text", "check_path", "check_bytes", "Result"):
        from . import api

        return getattr(api, name)
    if name == "Diagnostic":
        from .model import Diagnostic

        return Diagnostic
    if name == "Config":
        from .config import Config

        return Config
    raise AttributeError(name)
