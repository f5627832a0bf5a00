"""``fzcheck check`` without its argument parser: the options as data and the run itself.

Both the typer command (``checker/cli.py``) and the console script's fast path
(``checker/console.py``) build :class:`CheckOptions` and call :func:`run_check`, so there is one
behaviour whichever parsed the command line.  Files are checked in worker processes when there
are several (``--jobs``) and each file's output is written as soon as it and the files before it
are done; the run keeps a compact record per file, never its full result.
"""

from __future__ import annotations

import codecs
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError
from .links import SkippedLink, skipped_link_result  # noqa: F401  (re-exported: the commands' and the tests')

FAIL_ON = ("error", "warning", "info", "never")
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake on the command line or in the configuration: the message, exit code 2."""


@dataclass
class CheckOptions:
    """The options of ``fzcheck check``, as the command line gives them."""
    paths: list[str]
    format: str = "text"
    rules: list[str] = field(default_factory=list)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str | None = None
    year: int | None = None
    statistics: bool = False
    exit_zero: bool = False
    no_config: bool = False
    no_source: bool = False
    show_all: bool = False
    color: bool | None = None
    fix: bool = False
    diff: bool = False
    unsafe_fixes: bool = False
    no_backup: bool = False
    jobs: int = 0
    previous: str | None = None  # last year's report of the same unit (one file checked)
    follow_links: bool = False
    no_cache: bool = False  # check every file again instead of reusing kept results (checker/result_cache.py)


def codes(values) -> tuple[str, ...]:
    out: list[str] = []
    for value in values or []:
        out.extend(v.strip().upper() for v in value.split(",") if v.strip())
    return tuple(out)


def supported_suffixes() -> tuple[str, ...]:
    from .ingest import SUPPORTED_SUFFIXES

    return SUPPORTED_SUFFIXES


def collect(paths, follow_links: bool = False) -> list[str]:
    """Files to check: files as given, folders searched recursively for report files.

    A search never leaves the folder it was given: symbolic links inside it are not followed
    (each is listed as a :class:`SkippedLink`); with ``follow_links`` links whose target lies
    inside the folder are followed (each folder once, so a loop ends), links out of it never."""
    suffixes = supported_suffixes()
    files: list[str] = []
    for raw in paths:
        if raw == "-":
            files.append("-")
            continue
        p = Path(raw)
        if p.is_dir():
            files.extend(sorted(_search(raw, suffixes, follow_links), key=str))
        else:
            files.append(raw)
    return files


def _search(root: str, suffixes: tuple[str, ...], follow_links: bool) -> list[str]:
    search = _Search(root, suffixes, follow_links)
    search.walk(root, root)
    return search.found


class _Search:
    """The files of a folder with one of ``suffixes``, in the order found: hidden entries and Word's
    ~$ lock files left out, each folder walked once, symbolic links kept as what they are (a
    ``SkippedLink`` unless followed inside the folder with ``follow_links``)."""

    def __init__(self, root: str, suffixes: tuple[str, ...], follow_links: bool) -> None:
        self.root_real = os.path.realpath(root)
        self.suffixes = suffixes
        self.follow_links = follow_links
        self.seen = {self.root_real}
        self.found: list = []

    def wanted(self, name: str) -> bool:
        return os.path.splitext(name)[1].lower() in self.suffixes and not name.startswith("~$")

    def walk(self, folder: str, shown: str) -> None:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = os.path.join(shown, entry.name)
            try:
                if entry.is_symlink():
                    self.link(entry, path)
                elif entry.is_dir(follow_symlinks=False):
                    real = os.path.realpath(entry.path)
                    if real not in self.seen:
                        self.seen.add(real)
                        self.walk(entry.path, path)
                elif entry.is_file(follow_symlinks=False) and self.wanted(entry.name):
                    self.found.append(path)
            except OSError:
                continue

    def link(self, entry, path: str) -> None:
        target = os.path.realpath(entry.path)
        is_dir = os.path.isdir(target)
        if not is_dir and not self.wanted(entry.name):
            return  # not something the search would check anyway
        root_real = self.root_real
        inside = target == root_real or target.startswith(root_real.rstrip(os.sep) + os.sep)
        if not inside:
            self.found.append(SkippedLink(path, f"是指向所查文件夹以外（{target}）的符号链接，未跟随"))
        elif not self.follow_links:
            self.found.append(SkippedLink(path, f"是符号链接（指向 {target}），未跟随；如需检查，请加 --follow-links"))
        elif is_dir:
            if target not in self.seen:
                self.seen.add(target)
                self.walk(target, path)
        elif os.path.isfile(target):
            self.found.append(path)


def base_config(select, ignore, rules, year, fail_on):
    from .config import Config

    if fail_on is not None and fail_on not in FAIL_ON:
        raise UsageError(f"--fail-on 只能是 {'、'.join(FAIL_ON)}")
    return Config(
        select=codes(select),
        ignore=codes(ignore),
        packs=tuple(Path(r).resolve() for r in rules or []),
        year=year,
        fail_on=fail_on or "error",
        fail_on_given=fail_on is not None,
    )


def run_check(o: CheckOptions) -> int:
    """Check, write the chosen format to standard output as files finish; the exit code."""
    from .formats import FORMATS, piece, sink

    if o.format not in FORMATS:
        raise UsageError(f"不支持的输出格式 “{o.format}”，可用：{'、'.join(FORMATS)}")
    if o.jobs < 0:
        raise UsageError("--jobs 不能是负数")
    base = _checked_base(o)
    files = collect(o.paths, o.follow_links)
    if not files:
        raise UsageError("没有找到可检查的报告文件（支持 " + "、".join(supported_suffixes()) + "）")
    start_up_over()
    out = SafeText(sys.stdout)
    readable = failing = False  # what the exit code needs: every file unreadable? a finding at --fail-on?
    least = EXIT_OK  # a fix that could not be written is never an exit 0, even with --exit-zero
    try:
        if o.fix or o.diff:  # checker/fixmode.py: fix to a fixed point, then report what remains
            from .fixmode import run_fixes

            run = run_fixes(
                files, base, not o.no_config, o.format != "text", o.unsafe_fixes, write=not o.diff, backup=not o.no_backup
            )
            # what was fixed: before the text report, or on stderr when stdout carries JSON, a diff or fixed text
            to_stderr = o.diff or o.format != "text" or run.stdin_text is not None
            for message in run.messages:
                print(message, file=sys.stderr if to_stderr else sys.stdout)
            if o.diff:
                sys.stdout.write(run.diff)
                print(f"可自动修复 {run.fixes} 处（{run.changed_files} 个文件）；未写入任何文件。", file=sys.stderr)
                return EXIT_FINDINGS if run.diff and not o.exit_zero else EXIT_OK
            least = run.exit_floor()
            if run.stdin_text is not None:  # standard input is never written: the fixed text goes to stdout
                sys.stdout.write(run.stdin_text)
                out = SafeText(sys.stderr)
            ctx = _context(o, out)
            pieces = (piece(o.format, r, ctx, level) for r, level in zip(run.results, run.fail_levels))
        elif o.previous:  # one report against its own report of last year (checker/review/previous.py)
            ctx = _context(o, out)
            pieces = _against_previous(o, files, base, ctx)
        else:
            from .batch import pieces as checked

            ctx = _context(o, out)
            pieces = checked(files, _job(o, base, ctx, several=len(files) > 1, out=out), o.jobs)
        writer = sink(o.format, out, ctx)
        for one in pieces:
            writer.add(one)
            readable = readable or not one[1].error
            failing = failing or one[1].failing
        writer.finish()
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    return max(exit_code(readable, failing, o.exit_zero), least)


def start_up_over() -> None:
    """Start-up is done (modules imported, packs loaded, files found).  The console script holds the
    cyclic collector off while it starts (``console.main``): every object made so far lives to the
    end, so the collector would only walk them, again and again (about 6 ms of a cold check).  They
    are frozen — never walked again — and the collector is on for what the files make.  A caller
    that left the collector on is not affected."""
    import gc

    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _job(o: CheckOptions, base, ctx, several: bool, out: SafeText | None = None):
    """What every file of a plain check shares, with the results kept by earlier runs unless --no-cache.
    One file is checked directly: stamping the code to look it up costs about as much as checking it.
    Workers send their pieces as the bytes ``out`` writes when its format's writer takes them."""
    from .batch import Job
    from .formats import takes_bytes

    with_roles = o.format != "text"
    cache = None
    if several and not o.no_cache:
        from .result_cache import ResultCache

        cache = ResultCache.open(o.format, ctx, with_roles)
    wire = out.wire() if out is not None and takes_bytes(o.format) else None
    return Job(base, not o.no_config, o.format, ctx, with_roles, cache, wire)


def _against_previous(o: CheckOptions, files: list[str], base, ctx):
    """The one piece of ``check THIS --previous LAST``: this year's report with the findings against last year's."""
    from .formats import piece
    from .review.previous import PreviousError, check_with_previous

    if len(files) != 1 or files[0] == "-":
        raise UsageError("--previous 只能与一份报告文件一起使用：fzcheck check 今年的报告 --previous 上年的报告")
    if not Path(o.previous).is_file():
        raise UsageError(f"{o.previous}: 上一年度的报告不存在")
    try:
        result, level = check_with_previous(files[0], o.previous, base, not o.no_config)
    except PreviousError as exc:
        raise UsageError(str(exc)) from None
    return iter([piece(o.format, result, ctx, level)])


def _checked_base(o: CheckOptions):
    """The command line's configuration; a typo in --select is an error before any file is read."""
    from .api import check_codes

    base = base_config(o.select, o.ignore, o.rules, o.year, o.fail_on)
    try:
        check_codes(base, base)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    return base


class SafeText:
    """A text stream that writes what its encoding cannot (a file name that is not valid UTF-8, a
    character a GBK console lacks) as replacement characters instead of aborting the run."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str | bytes) -> int:
        if type(text) is bytes:  # a piece a worker encoded as this stream would (see ``wire``)
            self._stream.flush()
            return self._stream.buffer.write(text)
        try:
            return self._stream.write(text)
        except UnicodeEncodeError:
            encoding = getattr(self._stream, "encoding", None) or "utf-8"
            data = text.encode(encoding, errors="replace")
            buffer = getattr(self._stream, "buffer", None)
            if buffer is None:
                return self._stream.write(data.decode(encoding, errors="replace"))
            self._stream.flush()
            buffer.write(data)
            buffer.flush()
            return len(text)

    def wire(self) -> tuple[str, str] | None:
        """(encoding, errors) in which a worker may encode its pieces so that writing the bytes to the
        stream's buffer gives what writing the text would (``write`` above, its fallback included):
        a UTF-8 stream over a buffer, no newline translation, not a terminal (whose output is line
        buffered).  None: pieces stay text."""
        stream = self._stream
        encoding = getattr(stream, "encoding", None)
        if getattr(stream, "buffer", None) is None or not encoding or os.linesep != "\n" or stream.isatty():
            return None
        try:
            utf8 = codecs.lookup(encoding).name == "utf-8"
        except LookupError:
            return None
        return (encoding, getattr(stream, "errors", None) or "strict") if utf8 else None

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _context(o: CheckOptions, out):
    from .formats import RenderContext

    use_color = o.color if o.color is not None else (o.format == "text" and out.isatty() and "NO_COLOR" not in os.environ)
    return RenderContext(color=use_color, show_source=not o.no_source, statistics=o.statistics, show_all=o.show_all)


def exit_code(readable: bool, failing: bool, exit_zero: bool) -> int:
    """2 when no file could be read, else 1 when a file has a finding at or above its --fail-on."""
    if not readable:
        return EXIT_USAGE
    if exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if failing else EXIT_OK
