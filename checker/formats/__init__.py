"""Stage 5: formatters.  Nothing here reads files.

Every format renders a run as a stream: ``piece(name, result, ctx, fail_on)`` turns one checked file
into its text and a compact :class:`~checker.formats.common.FileRecord` (the part that may run in a
worker process), and the format's ``Sink`` writes pieces as they arrive, in input order, then its
ending (the summary).  A run therefore holds one file's full result at a time, whatever the number
of files.  ``render(name, results, ctx)`` is the same path for results already in memory.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from importlib import import_module


@dataclass(frozen=True)
class RenderContext:
    """How the output formats render a run: colour, source lines, statistics, the rules' help."""
    color: bool = False
    show_source: bool = True
    statistics: bool = False
    show_all: bool = False  # text: every finding, not only the first SHOWN_PER_CODE of a code per file
    rules: object = None  # code → packs.Rule of the run (SARIF rule help); None: the default packs


FORMATS = {
    "text": "checker.formats.text",
    "json": "checker.formats.json",
    "jsonl": "checker.formats.jsonl",
    "sarif": "checker.formats.sarif",
    "junit": "checker.formats.junit",
    "github": "checker.formats.github",
}


_LOADED: dict[str, object] = {}


def _module(name: str):
    """The module of format ``name``, imported on first use (one look-up per file after that)."""
    module = _LOADED.get(name)
    if module is None:
        module = _LOADED[name] = import_module(FORMATS[name])
    return module


def piece(name: str, result, ctx: RenderContext, fail_on: str = "error", rules=None, utf8: bool = False):
    """(text, record) of one file: its rendered output and what the ending needs to know about it.
    ``utf8``: the output as its UTF-8 bytes where the format writes them directly (json.chunk_bytes:
    cheaper than encoding the text), else as text (also when UTF-8 cannot hold it)."""
    record_of = _RECORD_OF[0] or _record_of()
    result = displayable(result)
    module = _module(name)
    text = None
    if utf8 and hasattr(module, "chunk_bytes"):
        try:
            text = module.chunk_bytes(result, ctx)
        except UnicodeEncodeError:  # the text goes to the writer, which replaces what it cannot write
            pass
    if text is None:
        text = module.chunk(result, ctx)
    return text, record_of(result, fail_on, module.extras(result, ctx, rules))


_RECORD_OF: list = [None]  # common.record_of once imported: an import statement in piece() costs ~2 us per file


def _record_of():
    from .common import record_of

    _RECORD_OF[0] = record_of
    return record_of


def displayable(result):
    """The result with a file name every output can write: a name that is not valid UTF-8 (kept by
    Python as surrogate escapes) shows its odd bytes as \\xff escapes instead of stopping the run."""
    try:
        result.path.encode("utf-8")
    except UnicodeEncodeError:
        import copy
        import os

        result = copy.copy(result)
        result.path = os.fsencode(result.path).decode("utf-8", "backslashreplace")
    return result


def takes_bytes(name: str) -> bool:
    """Whether format ``name``'s writer passes each piece's text to the stream as it is, so that a
    piece may come as the bytes the stream would write (checker/batch.encoded)."""
    return getattr(_module(name).Sink, "TAKES_BYTES", False)


def sink(name: str, out, ctx: RenderContext):
    """The writer of format ``name`` to the text stream ``out``: ``add(piece)`` … ``finish()``."""
    return _module(name).Sink(out, ctx)


def render(name: str, results, ctx: RenderContext, rules=None) -> str:
    """The whole output for ``results`` in memory (``rules``: code → Rule of the loaded RuleSet, for SARIF)."""
    out = io.StringIO()
    writer = sink(name, out, ctx)
    for result in results:
        writer.add(piece(name, result, ctx, rules=rules))
    writer.finish()
    return out.getvalue()
