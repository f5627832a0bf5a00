"""Stage 5: formatters.  Each module has ``render(results, ctx) -> str``; nothing here reads files."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module


@dataclass(frozen=True)
class RenderContext:
    color: bool = False
    show_source: bool = True
    statistics: bool = False


FORMATS = {
    "text": "checker.formats.text",
    "json": "checker.formats.json",
}


def render(name: str, results, ctx: RenderContext) -> str:
    return import_module(FORMATS[name]).render(results, ctx)
