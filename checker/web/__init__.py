"""The local web page (``fzcheck serve``): a Starlette app over the same library call as the CLI.

This package is importable without the ``[web]`` extra: ``command`` checks for the
web stack inside the ``serve`` command, and :func:`create_app` imports Starlette
only when called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from starlette.applications import Starlette

    from ..config import Config

__all__ = ["create_app"]


def create_app(config: Config | None = None, **options) -> Starlette:
    """Build the ASGI app; see :func:`checker.web.app.create_app` for the options."""
    from .app import create_app as _create_app

    return _create_app(config, **options)
