"""Stage 5: formatters.  Each module has ``render(results, ctx) -> str``; nothing here reads files."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module


@dataclass(frozen=True)
class RenderContext:
    color: bool = False
    show_source: bool = True
    statistics: bool = False
    rules: object = None  # code → packs.Rule of the run (SARIF rule help); None: the default packs


FORMATS = {
    "text": "checker.formats.text",
    "json": "checker.formats.json",
    "sarif": "checker.formats.sarif",
    "junit": "checker.formats.junit",
    "github": "checker.formats.github",
}


def render(name: str, results, ctx: RenderContext) -> str:
    return import_module(FORMATS[name]).render(results, ctx)
