"""The command line (typer): check / outline / rules / review / serve.  Files, terminals and exit
codes live here only.  The console script enters through ``checker/console.py``, which runs a
plain ``fzcheck check …`` without importing typer; this module is the reference for every option."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from . import options as opt
from .errors import ConfigError
from .limits import policy_text
from .run import EXIT_OK, EXIT_USAGE, CheckOptions, UsageError, collect, run_check, supported_suffixes  # noqa: F401  (the review command's, and the tests')

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    help="fzcheck：法治政府建设年度报告合规检查工具。",
    context_settings={"help_option_names": ["-h", "--help"]},
)

def _fail(message: str) -> None:
    typer.echo(f"fzcheck: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


def _base_config(select, ignore, rules, year, fail_on):
    from .run import base_config

    try:
        return base_config(select, ignore, rules, year, fail_on)
    except UsageError as exc:
        _fail(str(exc))


def _check_one(path: str, base, discover: bool, with_roles: bool):
    from .api import check_bytes, check_codes, check_path, config_for

    if path == "-":
        config = config_for(Path.cwd(), base, discover)
        check_codes(config, base)
        return check_bytes(sys.stdin.buffer.read(), "<stdin>", config, with_roles), config
    config = config_for(path, base, discover)
    check_codes(config, base)
    return check_path(path, config, with_roles, discover=False), config


@app.command(epilog=f"检查上限（详见 docs/limits.md；超出的文件单独列为 FZ904/FZ905/FZ906，其余文件照常检查）：{policy_text()}。")
def check(
    paths: List[str] = typer.Argument(..., help="报告文件或文件夹；文件夹按扩展名递归查找；- 表示标准输入"),
    format: str = typer.Option("text", "--format", "-f", help="输出格式：text、json、jsonl（每个文件一行）、sarif、junit、github"),
    rules: opt.Rules = None,
    select: opt.Select = None,
    ignore: opt.Ignore = None,
    fail_on: opt.FailOn = None,
    year: opt.Year = None,
    jobs: opt.Jobs = 0,
    statistics: bool = typer.Option(False, "--statistics", help="按规则统计问题数量"),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="有问题也返回 0（仍在输入错误时返回 2）"),
    no_config: bool = typer.Option(
        False, "--isolated", "--no-config", help="不查找、不读取任何 fzcheck.toml / pyproject.toml（只用命令行选项）"
    ),
    no_source: bool = typer.Option(False, "--no-source", help="文本输出中不显示原文行"),
    show_all: bool = typer.Option(False, "--show-all", help="文本输出中显示全部问题（默认每个文件同一规则只详细显示前 3 处）"),
    color: opt.Color = None,
    fix: bool = typer.Option(False, "--fix", help="自动修复标为安全的问题并写回文件（.docx 另存为 *.fixed.docx），再报告其余问题"),
    diff: bool = typer.Option(False, "--diff", help="只显示 --fix 将做的修改（统一差异格式），不写任何文件"),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="同时应用只作建议的修复（请先用 --diff 查看）"),
    no_backup: bool = typer.Option(False, "--no-backup", help="--fix 时不保留原文件的 .bak 备份"),
    follow_links: opt.FollowLinks = False,
    no_cache: bool = typer.Option(False, "--no-cache", help="不使用上次检查保存的结果，每个文件都重新检查"),
    previous: Optional[str] = typer.Option(None, "--previous", help="本单位上一年度的报告：对照上年安排看落实、找出照搬上年的不足"),
) -> None:
    """检查报告，列出缺少的部分和不规范之处。"""
    options = CheckOptions(
        paths=list(paths), format=format, rules=list(rules or []), select=list(select or []),
        ignore=list(ignore or []), fail_on=fail_on, year=year, statistics=statistics, exit_zero=exit_zero,
        no_config=no_config, no_source=no_source, show_all=show_all, color=color, fix=fix, diff=diff,
        unsafe_fixes=unsafe_fixes, no_backup=no_backup, jobs=jobs, follow_links=follow_links, previous=previous,
        no_cache=no_cache,
    )  # fmt: skip
    try:
        code = run_check(options)
    except UsageError as exc:
        _fail(str(exc))
    raise typer.Exit(code)


@app.command()
def outline(
    path: str = typer.Argument(..., help="报告文件；- 表示标准输入"),
    format: str = typer.Option("text", "--format", "-f", help="输出格式：text、json"),
    rules: opt.Rules = None,
    year: opt.Year = None,
    no_config: opt.NoConfig = False,
) -> None:
    """显示检查器看到的报告结构：标题、年度、单位、各级标题及其所属部分。"""
    from .api import ruleset_for
    from .formats.outline import render_json, render_text
    from .parts import role_labels

    if format not in ("text", "json"):
        _fail(f"不支持的输出格式 “{format}”，可用：text、json")
    base = _base_config(None, None, rules, year, None)
    try:
        result, config = _check_one(path, base, not no_config, with_roles=True)
    except ConfigError as exc:
        _fail(str(exc))
    if result.error:
        _fail(f"{result.path}: {result.error}")
    sys.stdout.write(render_json(result) if format == "json" else render_text(result, role_labels(ruleset_for(config))))


@app.command("rules")
def rules_command(
    code: Optional[str] = typer.Argument(None, help="规则代码或名称，如 FZ104 或 missing-first-responsible"),
    rules: opt.Rules = None,
    format: str = typer.Option("text", "--format", "-f", help="输出格式：text、json"),
) -> None:
    """列出全部规则；给出代码时说明该规则检查什么、为什么、怎样修改。"""
    import json

    from .catalog import explain_text, list_text, rule_dict
    from .packs import load_ruleset

    try:
        ruleset = load_ruleset(tuple(Path(r).resolve() for r in rules or []))
    except ConfigError as exc:
        _fail(str(exc))
    if code is None:
        if format == "json":
            data = [rule_dict(r) for r in sorted(ruleset.rules.values(), key=lambda r: r.code)]
            sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write(list_text(ruleset))
        return
    wanted = code.strip()
    rule = ruleset.rules.get(wanted.upper()) or next((r for r in ruleset.rules.values() if r.name == wanted), None)
    if rule is None:
        import difflib

        names = [*ruleset.rules, *(r.name for r in ruleset.rules.values())]
        query = wanted.upper()
        if query.startswith("FZ"):  # letters typed for look-alike digits: FZ1O4 is FZ104
            query = "FZ" + query[2:].translate(str.maketrans("OILZS", "01125"))
        close = difflib.get_close_matches(query if query.startswith("FZ") else wanted, names, n=1)
        _fail(f"没有规则 “{code}”" + (f"，是否要找 {close[0]}？" if close else "；用 fzcheck rules 查看全部规则"))
    if format == "json":
        sys.stdout.write(json.dumps(rule_dict(rule), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(explain_text(rule))


app.command("serve")(__import__("checker.web.command", fromlist=["serve"]).serve)  # web stack imported inside


app.command("review")(__import__("checker.review.command", fromlist=["review"]).review)  # heavy parts imported inside


def main() -> None:  # console-script entry point: never a traceback for the user
    try:
        app(standalone_mode=True)
    except KeyboardInterrupt:
        typer.echo("fzcheck: 已中断", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(EXIT_OK)
    except Exception as exc:  # noqa: BLE001
        typer.echo(f"fzcheck: 内部错误（{type(exc).__name__}: {exc}），请把命令和文件反馈给维护者", err=True)
        sys.exit(EXIT_USAGE)


if __name__ == "__main__":
    main()
