"""The ``fzcheck`` console script.

``fzcheck check …`` is what a pre-commit hook and an editor run over and over, so it starts fast:
a command line this module fully understands is parsed here, without importing typer (≈ 45 ms),
the regular expressions and dataclass methods compiled by earlier runs are taken from the per-user
cache (``checker/regex_cache.py``, ``checker/code_cache.py``: ≈ 30 ms) and so are the outline
grammar's parse trees (``checker/parse/shape_cache.py``: no lark for a known sequence, ≈ 20 ms), and once the output is
written and flushed the process leaves with ``os._exit`` instead of tearing the interpreter down
(≈ 30 ms), the exit code kept.  Anything else — another command,
``--help``, an option or value this parser does not know — goes to the typer application in
``checker/cli.py``, which stays the reference: a test holds the two to the same options.
"""

from __future__ import annotations

import os
import sys

# check's options, as the typer command in checker/cli.py declares them
VALUE_OPTIONS = {
    "--format": "format",
    "-f": "format",
    "--rules": "rules",
    "--select": "select",
    "--ignore": "ignore",
    "--fail-on": "fail_on",
    "--year": "year",
    "--previous": "previous",
    "--jobs": "jobs",
    "-j": "jobs",
}
LIST_OPTIONS = {"rules", "select", "ignore"}
INT_OPTIONS = {"year", "jobs"}
FLAG_OPTIONS = {
    "--statistics": ("statistics", True),
    "--exit-zero": ("exit_zero", True),
    "--no-config": ("no_config", True),
    "--isolated": ("no_config", True),
    "--no-source": ("no_source", True),
    "--show-all": ("show_all", True),
    "--color": ("color", True),
    "--no-color": ("color", False),
    "--fix": ("fix", True),
    "--diff": ("diff", True),
    "--unsafe-fixes": ("unsafe_fixes", True),
    "--no-backup": ("no_backup", True),
    "--follow-links": ("follow_links", True),
    "--no-cache": ("no_cache", True),
}


def parse_check(argv: list[str]) -> dict | None:
    """The options of ``check ARGS…`` as keyword arguments of CheckOptions, or None when the typer
    command should parse them (help, unknown options, malformed values, no paths)."""
    values: dict = {"paths": []}
    k, only_paths = 0, False
    while k < len(argv):
        token = argv[k]
        k += 1
        if only_paths or token == "-" or not token.startswith("-"):
            values["paths"].append(token)
            continue
        if token == "--":
            only_paths = True
            continue
        name, eq, attached = token.partition("=") if token.startswith("--") else (token, "", "")
        if name in FLAG_OPTIONS and not eq:
            field, value = FLAG_OPTIONS[name]
            values[field] = value
            continue
        if name not in VALUE_OPTIONS:
            return None
        if eq:
            value = attached
        elif k < len(argv) and not argv[k].startswith("-"):
            value = argv[k]
            k += 1
        else:
            return None
        field = VALUE_OPTIONS[name]
        if field in INT_OPTIONS:
            try:
                value = int(value)
            except ValueError:
                return None
        if field in LIST_OPTIONS:
            values.setdefault(field, []).append(value)
        else:
            values[field] = value
    return values if values["paths"] else None


def main() -> None:
    argv = sys.argv[1:]
    fast = parse_check(argv[1:]) if argv[:1] == ["check"] else None
    if fast is None:
        from .cli import main as typer_main

        typer_main()
        return
    import gc

    gc.disable()  # start-up makes only objects that live to the end: run.start_up_over turns it on again
    from . import code_cache, regex_cache

    code_cache.install()  # before the imports below define their dataclasses
    regex_cache.preload()  # before the imports below compile their module-level patterns
    from .parse import shape_cache
    from .run import EXIT_OK, EXIT_USAGE, CheckOptions, UsageError, run_check

    try:
        code = run_check(CheckOptions(**fast))
        regex_cache.save()
        code_cache.save()
        shape_cache.save()
    except UsageError as exc:
        print(f"fzcheck: {exc}", file=sys.stderr)
        code = EXIT_USAGE
    except KeyboardInterrupt:
        print("fzcheck: 已中断", file=sys.stderr)
        code = 130
    except BrokenPipeError:
        code = EXIT_OK
    except Exception as exc:  # noqa: BLE001 — never a traceback for the user
        print(f"fzcheck: 内部错误（{type(exc).__name__}: {exc}），请把命令和文件反馈给维护者", file=sys.stderr)
        code = EXIT_USAGE
    leave(code)


def leave(code: int) -> None:
    """Flush what was written and end the process at once: nothing is left to clean up after a
    check (files are written and closed, worker pools joined), so tearing the interpreter down
    would only cost time."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, OSError, ValueError):
            pass
    os._exit(code)
