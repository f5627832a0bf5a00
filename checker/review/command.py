"""``fzcheck review DIR``: the typer command.  Files, terminals and exit codes live here only;
everything heavy is imported inside the function, so ``fzcheck check`` does not pay for it."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Iterable, List, Optional

import typer


def _fail(message: str) -> None:
    typer.echo(f"fzcheck: {message}", err=True)
    raise typer.Exit(2)


def write_atomic(path: str, data: bytes | Iterable[str]) -> None:
    """Write ``data`` (bytes, or str pieces written as UTF-8 one by one) to ``path`` through a
    temporary file, so a reader never sees half a file."""
    target = Path(path)
    if target.is_dir():
        _fail(f"{path}: 这是一个文件夹，请给出文件名，如 {Path(path) / '审查结果'}")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        _fail(f"{path}: 文件夹 {parent} 不存在")
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=".fzcheck-", dir=parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, (bytes, bytearray)):
                fh.write(data)
            else:
                for piece in data:
                    fh.write(piece.encode("utf-8"))
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        _fail(f"{path}: 无法写入（{exc.strerror or exc}）")


def _check_target(path: str) -> None:
    """Refuse a bad output path before the review runs, not after."""
    target = Path(path)
    if target.is_dir():
        _fail(f"{path}: 这是一个文件夹，请给出文件名，如 {Path(path) / '审查结果'}")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        _fail(f"{path}: 文件夹 {parent} 不存在")


def review(
    paths: List[str] = typer.Argument(..., help="报告所在的文件夹（也可以是若干文件）；递归查找 .txt、.md、.docx 等"),
    xlsx: Optional[str] = typer.Option(None, "--xlsx", help="写出审查工作簿（.xlsx）：报告一览、全部问题、规则统计"),
    html: Optional[str] = typer.Option(None, "--html", help="写出可离线打开的审查网页（.html）"),
    csv: Optional[str] = typer.Option(None, "--csv", help="写出每份报告一行的 CSV"),
    format: str = typer.Option("text", "--format", "-f", help="标准输出的格式：text、json"),
    previous: Optional[str] = typer.Option(None, "--previous", help="上一年度报告所在的文件夹：查找照搬上年的段落"),
    jobs: int = typer.Option(0, "--jobs", "-j", help="并行进程数（默认：CPU 核数；1 表示不并行）"),
    rules: Optional[List[str]] = typer.Option(None, "--rules", help="追加或覆盖规则包（TOML 文件或文件夹），可多次使用"),
    select: Optional[List[str]] = typer.Option(None, "--select", help="只启用这些规则代码或前缀，如 FZ1,FZ7"),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="忽略这些规则代码或前缀"),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="达到此级别即返回 1：error、warning、info、never"),
    year: Optional[int] = typer.Option(None, "--year", help="报告年度（默认从各报告标题识别）"),
    no_config: bool = typer.Option(False, "--no-config", help="不读取 fzcheck.toml / pyproject.toml"),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="显示进度条（默认：终端上显示）"),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="彩色输出（默认：终端上开启）"),
) -> None:
    """审查一个文件夹中的全部报告：逐份检查、跨报告查找雷同段落和他单位名称，输出汇总表、工作簿和网页。"""
    from ..errors import ConfigError
    from ..model import SEVERITY_RANK
    from ..run import UsageError, base_config, collect, supported_suffixes

    if format not in ("text", "json"):
        _fail(f"不支持的输出格式 “{format}”，可用：text、json")
    if jobs < 0:
        _fail("--jobs 不能是负数")
    for raw in paths:
        if not Path(raw).exists():
            _fail(f"{raw}: 文件夹或文件不存在")
    if previous is not None and not Path(previous).is_dir():
        _fail(f"{previous}: 上一年度的文件夹不存在")
    for target in (xlsx, html, csv):
        if target:
            _check_target(target)
    try:
        base = base_config(select, ignore, rules, year, fail_on)
    except UsageError as exc:
        _fail(str(exc))
    from ..run import SkippedLink

    files = []
    for path in collect(paths):  # links out of the reviewed folders are never read: said, not reviewed
        if isinstance(path, SkippedLink):
            typer.echo(f"{path}: {path.reason}", err=True)
        else:
            files.append(path)
    if not files:
        _fail("没有找到可审查的报告文件（支持 " + "、".join(supported_suffixes()) + "）")
    previous_files = [f for f in collect([previous]) if not isinstance(f, SkippedLink)] if previous else []

    from ..api import config_for
    from .runner import job_for
    from .runner import review as run_review

    try:
        folder_config = config_for(Path(paths[0]), base, not no_config)
        job = replace(job_for(folder_config, not no_config), base=base)
        show = progress if progress is not None else (sys.stderr.isatty() and sys.stdout.isatty())
        if show:
            result = _with_progress(files, job, jobs, previous_files)
        else:
            result = run_review(files, job, jobs, previous_files)
    except ConfigError as exc:
        _fail(str(exc))

    outlines = {r.file: r.outline for r in result.records}
    rule_summary = result.rule_summary()
    workbook = None
    if xlsx:
        from ..formats.xlsx import build_workbook

        if jobs == 1:
            write_atomic(xlsx, build_workbook(result.rows, result.diagnostics, rule_summary, parts=result.parts))
        else:  # the workbook is the slowest writer: build it on the other core while this one writes the rest
            from concurrent.futures import ProcessPoolExecutor

            side = ProcessPoolExecutor(max_workers=1)
            workbook = side.submit(build_workbook, result.rows, result.diagnostics, rule_summary, parts=result.parts)
    if html:
        from ..formats.html import iter_html
        from ..formats.review import finding_dict, shared_dict

        title = "法治政府建设年度报告审查结果"
        subtitle = f"{', '.join(paths)}：{len(files)} 份报告" + (f"；对照上一年度 {previous}" if previous else "")
        pieces = iter_html(
            result.rows, result.diagnostics, rule_summary, outlines,
            [finding_dict(f) for f in result.findings], title, subtitle, parts=result.parts,
            shared=[shared_dict(f) for f in result.shared],
        )
        write_atomic(html, pieces)
    if csv:
        from ..formats.csv import render_reports

        write_atomic(csv, render_reports(result.rows, result.parts).encode("utf-8"))
    if workbook is not None:
        write_atomic(xlsx, workbook.result())
        side.shutdown()

    from ..formats.review import render_text, write_json

    if format == "json":
        write_json(result, sys.stdout)
    else:
        use_color = color if color is not None else (sys.stdout.isatty() and "NO_COLOR" not in os.environ)
        sys.stdout.write(render_text(result, color=use_color))
        written = [p for p in (xlsx, html, csv) if p]
        if written:
            sys.stdout.write("已写出：" + "、".join(written) + "\n")

    rows = result.rows
    if rows and all(r["status"] == "unreadable" for r in rows):
        raise typer.Exit(2)
    level = folder_config.fail_on  # the command line's --fail-on, else the folder's fzcheck.toml
    if level != "never":
        threshold = SEVERITY_RANK[level]
        if any(SEVERITY_RANK[d.severity] >= threshold for d in result.diagnostics):
            raise typer.Exit(1)


def _with_progress(files, job, jobs, previous_files):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .runner import review as run_review

    columns = (TextColumn("审查中"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    console = Console(stderr=True)
    with Progress(*columns, console=console, transient=True, redirect_stdout=False, redirect_stderr=False) as bar:
        task = bar.add_task("review", total=len(files))
        return run_review(files, job, jobs, previous_files, on_record=lambda _r: bar.advance(task))
