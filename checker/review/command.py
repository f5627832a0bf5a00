"""``fzcheck review DIR``: the typer command.  Files, terminals and exit codes live here only;
everything heavy is imported inside the functions, so ``fzcheck check`` does not pay for it.

The command reads its inputs (:func:`_inputs`), runs the review (:func:`_run`), writes the files
asked for (:func:`_write_files`, through ``checker.atomic``), prints the summary and sets the exit
code; every output is rendered by ``checker/formats/``.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, List, Optional

import typer

from .. import options as opt

TITLE = "法治政府建设年度报告审查结果"


def _fail(message: str) -> None:
    typer.echo(f"fzcheck: {message}", err=True)
    raise typer.Exit(2)


def _check_target(path: str) -> None:
    """Refuse a bad output path before the review runs, not after."""
    target = Path(path)
    if target.is_dir():
        _fail(f"{path}: 这是一个文件夹，请给出文件名，如 {Path(path) / '审查结果'}")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        _fail(f"{path}: 文件夹 {parent} 不存在")


def write_atomic(path: str, data: bytes | Iterable[str]) -> None:
    """Write an output file through the one atomic-write helper; a refusal is a usage error."""
    from ..atomic import WriteRefused
    from ..atomic import write_atomic as write

    _check_target(path)
    try:
        write(path, data)
    except WriteRefused as exc:
        _fail(f"{path}: {exc.message}")
    except OSError as exc:
        _fail(f"{path}: 无法写入（{exc.strerror or exc}）")


@dataclass
class _Outputs:
    """The files a review writes: workbook, dashboard and table."""
    xlsx: Optional[str]
    html: Optional[str]
    csv: Optional[str]

    def written(self) -> list[str]:
        return [p for p in (self.xlsx, self.html, self.csv) if p]


def review(
    paths: List[str] = typer.Argument(..., help="报告所在的文件夹（也可以是若干文件）；递归查找 .txt、.md、.docx 等"),
    xlsx: Optional[str] = typer.Option(None, "--xlsx", help="写出审查工作簿（.xlsx）：报告一览、全部问题、规则统计"),
    html: Optional[str] = typer.Option(None, "--html", help="写出可离线打开的审查网页（.html）"),
    csv: Optional[str] = typer.Option(None, "--csv", help="写出每份报告一行的 CSV"),
    format: str = typer.Option("text", "--format", "-f", help="标准输出的格式：text、json"),
    previous: Optional[str] = typer.Option(None, "--previous", help="上一年度报告所在的文件夹：查找照搬上年的段落"),
    jobs: opt.Jobs = 0,
    rules: opt.Rules = None,
    select: opt.Select = None,
    ignore: opt.Ignore = None,
    fail_on: opt.FailOn = None,
    year: opt.Year = None,
    no_config: opt.NoConfig = False,
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="显示进度条（默认：终端上显示）"),
    color: opt.Color = None,
) -> None:
    """审查一个文件夹中的全部报告：逐份检查、跨报告查找雷同段落和他单位名称，输出汇总表、工作簿和网页。"""
    outputs = _Outputs(xlsx, html, csv)
    _check_options(paths, format, jobs, previous, outputs)
    base = _base(select, ignore, rules, year, fail_on)
    files, previous_files = _inputs(paths, previous)
    result, folder_config = _run(paths, files, previous_files, base, not no_config, jobs, progress)
    subtitle = f"{', '.join(paths)}：{len(files)} 份报告" + (f"；对照上一年度 {previous}" if previous else "")
    try:
        _write_files(result, outputs, jobs, subtitle)
        _print(result, format, color, outputs)
    finally:
        result.close()
    raise typer.Exit(_exit_code(result, folder_config.fail_on))


def _check_options(paths: List[str], format: str, jobs: int, previous: Optional[str], outputs: _Outputs) -> None:
    if format not in ("text", "json"):
        _fail(f"不支持的输出格式 “{format}”，可用：text、json")
    if jobs < 0:
        _fail("--jobs 不能是负数")
    for raw in paths:
        if not Path(raw).exists():
            _fail(f"{raw}: 文件夹或文件不存在")
    if previous is not None and not Path(previous).is_dir():
        _fail(f"{previous}: 上一年度的文件夹不存在")
    for target in outputs.written():
        _check_target(target)


def _base(select, ignore, rules, year, fail_on):
    from ..run import UsageError, base_config

    try:
        return base_config(select, ignore, rules, year, fail_on)
    except UsageError as exc:
        _fail(str(exc))


def _inputs(paths: List[str], previous: Optional[str]) -> tuple[list[str], list[str]]:
    """This year's report files and last year's; links out of the folders are said, never read."""
    from ..links import SkippedLink
    from ..run import collect, supported_suffixes

    files = []
    for path in collect(paths):
        if isinstance(path, SkippedLink):
            typer.echo(f"{path}: {path.reason}", err=True)
        else:
            files.append(path)
    if not files:
        _fail("没有找到可审查的报告文件（支持 " + "、".join(supported_suffixes()) + "）")
    previous_files = [f for f in collect([previous]) if not isinstance(f, SkippedLink)] if previous else []
    return files, previous_files


def _run(paths, files, previous_files, base, discover: bool, jobs: int, progress: Optional[bool]):
    """The review of ``files`` under the configuration of the (first) folder, and that configuration."""
    from ..api import config_for
    from ..errors import ConfigError
    from .runner import job_for
    from .runner import review as run_review

    try:
        # only the reviewer's configuration: the folder the review runs in, and the command line; a
        # fzcheck.toml inside the reviewed folders is listed (FZ907), never applied (checker/review/trust.py)
        from ..api import check_codes
        from .trust import foreign_configs

        folder_config = config_for(Path.cwd(), base, discover)
        check_codes(folder_config, base)
        ignored = foreign_configs(paths, folder_config.source)
        job = replace(job_for(folder_config, False), base=folder_config, ignored_configs=ignored)
        show = progress if progress is not None else (sys.stderr.isatty() and sys.stdout.isatty())
        if show:
            return _with_progress(files, job, jobs, previous_files), folder_config
        return run_review(files, job, jobs, previous_files, spool=True), folder_config
    except ConfigError as exc:
        _fail(str(exc))


def _write_files(result, outputs: _Outputs, jobs: int, subtitle: str) -> None:
    """The workbook, the dashboard and the CSV asked for; each reads the reports back from the
    review's spool one at a time and is written as it is made."""
    rules = result.rule_summary() if outputs.xlsx or outputs.html else []
    if outputs.xlsx:
        _write_workbook(result, rules, outputs.xlsx)
    if outputs.html:
        from ..formats.html import iter_review_html
        from ..formats.review import finding_dicts, shared_dict

        reports = ((r.outline, r.diagnostics) for r in result.reports())
        findings = finding_dicts(result.findings)
        pieces = iter_review_html(
            result.rows, reports, rules, findings, TITLE, subtitle,
            parts=result.parts, labels=result.labels, shared=[shared_dict(f) for f in result.shared],
        )
        write_atomic(outputs.html, pieces)
    if outputs.csv:
        from ..formats.csv import render_reports

        write_atomic(outputs.csv, render_reports(result.rows, result.parts).encode("utf-8"))


def _write_workbook(result, rules: list[dict], path: str) -> None:
    """The workbook saved to a temporary file (openpyxl streams each sheet there), then copied into place."""
    import tempfile

    from ..formats.xlsx import write_workbook

    _check_target(path)
    with tempfile.TemporaryFile(prefix="fzcheck-xlsx-") as tmp:
        write_workbook(tmp, result.rows, result.iter_diagnostics(), rules, parts=result.parts)
        tmp.seek(0)
        write_atomic(path, iter(lambda: tmp.read(1 << 20), b""))


def _print(result, format: str, color: Optional[bool], outputs: _Outputs) -> None:
    from ..formats.review import iter_text, write_json

    if format == "json":
        write_json(result, sys.stdout)
        return
    use_color = color if color is not None else (sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    sys.stdout.writelines(iter_text(result, color=use_color))
    if outputs.written():
        sys.stdout.write("已写出：" + "、".join(outputs.written()) + "\n")


def _exit_code(result, fail_on: str) -> int:
    """2 when no report could be read; 1 when a finding reaches ``fail_on`` (the command line's
    --fail-on, else the folder's fzcheck.toml); else 0."""
    from ..model import SEVERITY_RANK

    rows = result.rows
    if rows and all(r["status"] == "unreadable" for r in rows):
        return 2
    if fail_on == "never":
        return 0
    threshold = SEVERITY_RANK[fail_on]
    # a row counts its report's diagnostics, the cross-report ones told there included
    counted = {"error": "errors", "warning": "warnings", "info": "infos"}
    return 1 if any(r[counted[s]] for r in rows for s, rank in SEVERITY_RANK.items() if rank >= threshold) else 0


def _with_progress(files, job, jobs, previous_files):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .runner import review as run_review

    columns = (TextColumn("审查中"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    console = Console(stderr=True)
    with Progress(*columns, console=console, transient=True, redirect_stdout=False, redirect_stderr=False) as bar:
        task = bar.add_task("review", total=len(files))
        return run_review(files, job, jobs, previous_files, on_record=lambda _r: bar.advance(task), spool=True)
