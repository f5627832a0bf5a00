"""Ruff-style text: ``path:line:col: CODE [severity] message``, the source line with the
span marked, the hint and the basis; a summary at the end."""

from __future__ import annotations

from ..positions import LineIndex
from .common import SEVERITY_LABELS, LineSink, Totals, display_width, no_extras

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


SHOWN_PER_CODE = 3  # findings of one code shown in full per file, unless --show-all


def grouped(diagnostics, show_all: bool) -> tuple[list, dict[str, int]]:
    """The findings to show in full, and per code how many more are left out (shown as one line).

    The first ``SHOWN_PER_CODE`` findings of each code in a file are kept, in their order; the
    rest are counted.  Only the text output groups: every other format keeps every finding.
    """
    if show_all:
        return list(diagnostics), {}
    seen: dict[str, int] = {}
    shown, hidden = [], {}
    for d in diagnostics:
        seen[d.code] = seen.get(d.code, 0) + 1
        if seen[d.code] <= SHOWN_PER_CODE:
            shown.append(d)
        else:
            hidden[d.code] = hidden.get(d.code, 0) + 1
    return shown, hidden


def chunk(result, ctx) -> str:
    """One file's findings: the location line, the marked source line, the hint and the basis
    (tests/formats/test_text_chunk.py holds it equal to the plain rendering, finding by finding)."""
    if not result.diagnostics:
        return ""
    out: list[str] = []
    paint = _paint if ctx.color else _plain
    doc = result.document
    index = LineIndex.of(doc) if doc is not None else None
    lines = doc.text.split("\n") if doc is not None and ctx.show_source else []
    shown, hidden = grouped(result.diagnostics, getattr(ctx, "show_all", False))
    last_of = {d.code: d for d in shown} if hidden else {}
    path = paint(result.path, _BOLD)
    places = doc.locations if doc is not None else ()
    for d in shown:
        span = d.span
        line, col, end_line, end_col = (1, 1, 1, 1) if index is None else index.span(span.start, span.end)
        where = places[line - 1] if places and 1 <= line <= len(places) else ""  # common.location
        out.append(f"{path}:{line}:{col}: {_code(d.code, d.severity, paint)} [{d.severity}] {d.message}{f' （{where}）' if where else ''}")
        if lines and span.end >= span.start and line <= len(lines):
            out.extend(_source(lines[line - 1], line, col, end_line, end_col, paint, _COLORS[d.severity]))
        if d.hint:
            out.append(f"   = 提示：{d.hint}")
        if d.basis:
            out.append(paint(f"   = 依据：{d.basis}", _DIM))
        out.append("")
        if hidden and d.code in hidden and last_of[d.code] is d:
            out += [f"{result.path}: {d.code} 另有 {hidden[d.code]} 处同类问题（--show-all 显示全部）", ""]
    return "\n".join(out) + "\n"


def _paint(text: str, color: str) -> str:
    return f"{color}{text}{_RESET}"


def _plain(text: str, color: str) -> str:
    return text


def _code(code: str, severity: str, paint) -> str:
    """A finding's code as the location line shows it (coloured by its severity when painting)."""
    return code if paint is _plain else paint(code, _COLORS[severity] + _BOLD)


extras = no_extras


class Sink(LineSink):
    def finish(self) -> None:
        self.out.write(ending(self.totals, self.ctx))


def ending(totals: Totals, ctx) -> str:
    """The statistics (with --statistics) and the one-line summary."""
    out: list[str] = []
    s = totals.summary()
    if ctx.statistics:
        for code, name, severity, n in totals.statistics():
            out.append(f"{n:>5}  {code}  [{severity}]  {name}")
        out.append("")
    total = s["errors"] + s["warnings"] + s["infos"]
    head = f"共检查 {s['files']} 个文件"
    if totals.failed:
        head += f"（{totals.failed} 个无法读取）"
    if total == 0:
        out.append(f"{head}，未发现问题。")
    else:
        out.append(
            f"{head}，发现 {total} 个问题：{SEVERITY_LABELS['error']} {s['errors']}，"
            f"{SEVERITY_LABELS['warning']} {s['warnings']}，{SEVERITY_LABELS['info']} {s['infos']}。"
        )
        if totals.fixable:
            out.append(f"其中 {totals.fixable} 个可用 --fix 自动修复。")
    return "\n".join(out) + "\n"


def _source(src, line, col, end_line, end_col, paint, color):
    if len(src) > 120:  # keep long paragraphs readable: show a window around the span
        start = max(0, col - 1 - 30)
        prefix = "…" if start else ""
        shown = prefix + src[start : start + 100] + ("…" if start + 100 < len(src) else "")
        col_in = col - start + len(prefix)
    else:
        shown, col_in = src, col
    gutter = " " * len(str(line))
    last = end_col if end_line == line else len(src) + 1
    width = max(1, display_width(src[col - 1 : last - 1]) if last > col else 1)
    width = min(width, 100)
    pad = display_width(shown[: col_in - 1])
    return [
        f" {gutter} |",
        f" {line} | {shown}",
        f" {gutter} | {' ' * pad}{paint('^' * width, color)}",
    ]
