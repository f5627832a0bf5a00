"""The limits on the work one input may cause: one policy, in one place (docs/limits.md lists it).

A township report is a few thousand to a few tens of thousands of characters, a few
hundred paragraphs, tables one level deep.  Every limit below is far above that and far
below what could hang a batch or exhaust memory.  When an input passes one, the file gets
one FZ904 finding saying which limit and what to do, and the batch goes on; findings are
capped per rule and per file, with one FZ905 finding saying how many more there are.
``fzcheck check``, ``fzcheck review`` and ``fzcheck serve`` apply the same limits.
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass

MB = 1024 * 1024

MAX_INPUT_BYTES = 50 * MB  # one file, as stored
MAX_CHARS = 2_000_000  # characters of text after reading (a report has under 100,000)
MAX_LINES = 100_000  # paragraphs / lines (a report has a few hundred)
MAX_LINE_CHARS = 20_000  # characters of one line that the rules read; the rest of that line is not checked
MAX_NESTING = 50  # tables, text boxes, links and content controls inside each other (Word files)
MAX_LIST_NUMBER = 100_000  # the value of an automatic list number (w:start, w:startOverride)
MAX_ZIP_MEMBERS = 5000  # members of a .docx package
MAX_PART_BYTES = 64 * MB  # one XML part of a .docx, uncompressed
MAX_ZIP_BYTES = 512 * MB  # the whole package as declared, uncompressed
MAX_ZIP_RATIO = 200  # uncompressed / compressed, for parts over 1 MB
MAX_PDF_PAGES = 300
MAX_PDF_STREAM_BYTES = 64 * MB  # one PDF stream, decompressed
MAX_FINDINGS_PER_RULE = 200
MAX_FINDINGS_PER_FILE = 1000
MAX_FINDINGS_COUNTED = 1000  # findings of one rule counted exactly; past that FZ905 says "at least"
CHECK_SECONDS = 8.0  # reading and checking one file, wall time
REQUEST_SECONDS = 60.0  # one request to the web page (all its files), wall time


@dataclass(frozen=True)
class Limit:
    """One limit on the work an input may cause, as users read it."""
    name: str
    value: str
    what: str


def policy() -> list[Limit]:
    """The limits as users read them (``fzcheck check --help``, docs/limits.md)."""
    return [
        Limit("文件大小", f"{MAX_INPUT_BYTES // MB} MB", "超过即不读取"),
        Limit("文字总数", f"{MAX_CHARS:,} 字", "超过即不检查"),
        Limit("段落（行）数", f"{MAX_LINES:,}", "超过即不检查"),
        Limit("每行检查的字数", f"{MAX_LINE_CHARS:,} 字", "更长的行只检查前面部分"),
        Limit("Word 中表格、文本框等的嵌套层数", f"{MAX_NESTING}", "超过即不检查"),
        Limit("Word 自动编号的数值", f"{MAX_LIST_NUMBER:,}", "超过即不检查"),
        Limit(".docx 解压后大小", f"单个部分 {MAX_PART_BYTES // MB} MB，全部 {MAX_ZIP_BYTES // MB} MB，压缩比 {MAX_ZIP_RATIO}", "超过即不读取"),
        Limit("PDF 页数", f"{MAX_PDF_PAGES}", "超过即不读取"),
        Limit("PDF 单个数据流解压后大小", f"{MAX_PDF_STREAM_BYTES // MB} MB", "超过即不读取"),
        Limit("每条规则列出的问题", f"{MAX_FINDINGS_PER_RULE}", "其余合并为一条 FZ905"),
        Limit("每个文件列出的问题", f"{MAX_FINDINGS_PER_FILE}", "其余合并为一条 FZ905"),
        Limit("每个文件的检查时间", f"{CHECK_SECONDS:g} 秒", "超时即停止检查该文件"),
    ]


def policy_text() -> str:
    return "；".join(f"{lim.name} {lim.value}" for lim in policy())


class LimitExceeded(BaseException):
    """An input past one of the limits; ``message`` is Chinese and names the limit.

    A BaseException, so that no reader's (or pdfminer's) ``except Exception`` turns it into
    "file damaged"; :func:`checker.api.check_path` and its siblings catch it.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TimeLimitExceeded(BaseException):
    """Checking one file took longer than its time limit.

    A BaseException, so that no reader's ``except Exception`` turns it into "file damaged".
    """


def time_message(seconds: float = CHECK_SECONDS) -> str:
    return f"检查时间超过 {seconds:g} 秒，已停止检查此文件；请确认它是一份正常的报告，或把它交给维护人员"


# -- time -------------------------------------------------------------------------------

_local = threading.local()


def remaining() -> float | None:
    """Seconds left for the file being checked in this thread, or None when no limit is set."""
    deadline = getattr(_local, "deadline", None)
    if deadline is None:
        return None
    return deadline - time.monotonic()


def check_time() -> None:
    """Raise TimeLimitExceeded when the current file's time is up (called between units of work)."""
    left = remaining()
    if left is not None and left <= 0:
        raise TimeLimitExceeded(time_message(getattr(_local, "seconds", CHECK_SECONDS)))


def _alarm(signum, frame) -> None:
    raise TimeLimitExceeded(time_message(getattr(_local, "seconds", CHECK_SECONDS)))


try:  # signal.signal without the enum conversions of its Python wrapper (9 of a check's 16 us per file)
    from _signal import signal as _set_handler
except ImportError:  # pragma: no cover — another implementation
    _set_handler = signal.signal


@contextmanager
def time_limit(seconds: float = CHECK_SECONDS):
    """Bound the work inside to ``seconds``.

    Cooperative everywhere (``check_time`` between rules and paragraphs; the rule packs'
    regular expressions get the remaining time as their own timeout); in the main thread
    also a SIGALRM watchdog, which interrupts any Python code, a reader's included, and the
    `regex` engine's matching (it checks for signals as it goes), so that while it is armed
    the patterns need no timeout of their own (``watchdog_armed``).
    A nested limit never extends the outer one.
    """
    outer = getattr(_local, "deadline", None)
    previous_seconds = getattr(_local, "seconds", CHECK_SECONDS)
    outer_watchdog = getattr(_local, "watchdog", False)
    deadline, shown = time.monotonic() + seconds, seconds
    if outer is not None and outer < deadline:  # the outer limit comes first: it is the one to name
        deadline, shown = outer, previous_seconds
    _local.deadline, _local.seconds = deadline, shown
    use_signal = (
        outer is None
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )
    old_handler = None
    if use_signal:
        try:
            old_handler = _set_handler(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, seconds)
        except ValueError:  # not the main interpreter
            use_signal = False
    _local.watchdog = use_signal or (outer_watchdog and deadline == outer)  # the alarm rings at this deadline
    try:
        yield
    finally:
        if use_signal:
            signal.setitimer(signal.ITIMER_REAL, 0)
            _set_handler(signal.SIGALRM, old_handler)
        _local.deadline = outer
        _local.seconds = previous_seconds
        _local.watchdog = outer_watchdog


def watchdog_armed() -> bool:
    """Whether SIGALRM interrupts this thread's work at the current deadline (time_limit)."""
    return getattr(_local, "watchdog", False)


@contextmanager
def paused():
    """Stop the clock while an external converter runs under its own timeout (LibreOffice, OCR)."""
    deadline = getattr(_local, "deadline", None)
    if deadline is None:
        yield
        return
    left = max(deadline - time.monotonic(), 0.001)
    ticking = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] > 0
    )
    if ticking:
        signal.setitimer(signal.ITIMER_REAL, 0)
    _local.deadline = None
    watchdog, _local.watchdog = getattr(_local, "watchdog", False), False
    try:
        yield
    finally:
        _local.watchdog = watchdog
        _local.deadline = time.monotonic() + left
        if ticking:
            signal.setitimer(signal.ITIMER_REAL, left)
