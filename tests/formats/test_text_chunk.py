"""formats/text.chunk (the positions of both ends found in one search, the painter chosen once per
file, a file without findings left at once) gives the plain rendering's text, byte for byte: the
plain one is kept here as it was written before."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from checker.formats import RenderContext
from checker.formats.common import location, positions
from checker.formats.text import _BOLD, _COLORS, _DIM, _RESET, _source, chunk, grouped
from checker.positions import LineIndex

ROOT = Path(__file__).resolve().parents[2]
FILES = [
    *sorted((ROOT / "fixtures" / "seeds").glob("*.txt")),
    ROOT / "fixtures" / "docx" / "features.docx",  # locations (第N段)
    ROOT / "fixtures" / "docx" / "fixable.docx",
    ROOT / "fixtures" / "broken" / "corrupt.docx",  # unreadable: no document
    ROOT / "fixtures" / "broken" / "image.txt",
]
CONTEXTS = [
    RenderContext(color=color, show_source=source, show_all=show_all)
    for color in (False, True)
    for source in (True, False)
    for show_all in (False, True)
]


def plain_chunk(result, ctx) -> str:
    """The text of one file as formats/text.chunk wrote it before it was made faster."""
    out: list[str] = []
    paint = (lambda s, c: f"{c}{s}{_RESET}") if ctx.color else (lambda s, c: s)
    doc = result.document
    index = LineIndex(doc.text) if doc is not None else None
    lines = doc.text.split("\n") if doc is not None and ctx.show_source and result.diagnostics else []
    shown, hidden = grouped(result.diagnostics, getattr(ctx, "show_all", False))
    last_of = {d.code: d for d in shown}
    for d in shown:
        line, col, end_line, end_col = positions(doc, index, d)
        where = location(doc, line)
        where = f" （{where}）" if where else ""
        out.append(
            f"{paint(result.path, _BOLD)}:{line}:{col}: {paint(d.code, _COLORS[d.severity] + _BOLD)} "
            f"[{d.severity}] {d.message}{where}"
        )
        if ctx.show_source and doc is not None and d.span.end >= d.span.start and line <= len(lines):
            out.extend(_source(lines[line - 1], line, col, end_line, end_col, paint, _COLORS[d.severity]))
        if d.hint:
            out.append(f"   = 提示：{d.hint}")
        if d.basis:
            out.append(paint(f"   = 依据：{d.basis}", _DIM))
        out.append("")
        if d.code in hidden and last_of[d.code] is d:
            out += [f"{result.path}: {d.code} 另有 {hidden[d.code]} 处同类问题（--show-all 显示全部）", ""]
    return "\n".join(out) + "\n" if out else ""


def _checked(path):
    from checker.api import check_path
    from checker.config import Config

    return check_path(path, Config(), with_roles=True, discover=False)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_chunk_is_the_plain_rendering(path):
    result = _checked(path)
    for ctx in CONTEXTS:
        assert chunk(result, ctx) == plain_chunk(result, ctx)


def test_chunk_of_the_benchmark_reports(bench_corpus):
    for path in sorted(bench_corpus.glob("*.txt"))[::25]:
        result = _checked(path)
        for ctx in CONTEXTS[:2]:
            assert chunk(result, ctx) == plain_chunk(result, ctx)


def test_odd_spans_and_places():
    """Spans past the text, reversed spans, locations shorter than the lines and a long line."""
    from checker.api import check_text
    from checker.config import Config

    text = "某镇2024年法治政府建设情况报告\n\n一、工作,措施\n" + "长" * 300 + ",句。\n二、\n（一）1,2\n"
    result = check_text(text, Config(), path="a.txt", with_roles=True)
    first = result.diagnostics[0]
    result.diagnostics += [
        dataclasses.replace(first, span=dataclasses.replace(first.span, start=len(text) + 5, end=len(text) + 9)),
        dataclasses.replace(first, span=dataclasses.replace(first.span, start=9, end=4)),
        dataclasses.replace(first, span=dataclasses.replace(first.span, start=-3, end=2)),
    ]
    result.document = dataclasses.replace(result.document, locations=("第1段", "第2段", "第3段"))
    for ctx in CONTEXTS:
        assert chunk(result, ctx) == plain_chunk(result, ctx)
    result.diagnostics = []
    assert chunk(result, CONTEXTS[0]) == plain_chunk(result, CONTEXTS[0]) == ""

