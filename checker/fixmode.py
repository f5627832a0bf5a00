"""``fzcheck check --fix / --diff``: the file side of fixing (reading, diffing, writing).

The fixing itself is pure (:mod:`checker.fixes`); this module is an edge, like the CLI:
- text files (.txt/.md) are rewritten atomically — a temporary file in the same folder,
  then ``os.replace`` — in their own encoding, BOM and newline style; the original is kept
  as ``<name>.bak`` unless ``backup`` is false;
- Word files are never touched: the fixed copy is written beside them as ``<stem>.fixed.docx``;
- standard input is never written: the fixed text goes to standard output;
- other formats (PDF, .doc) cannot be written back: their fixes are reported, not applied.
"""

from __future__ import annotations

import codecs
import difflib
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .fixes import FixOutcome, fix_document, rebuild_text
from .ingest import InputError, read_bytes
from .model import Document

WRITABLE_TEXT = ("text", "markdown")


@dataclass
class FileFix:
    path: str
    result: object  # the Result to render: remaining findings (or the input failure)
    outcome: FixOutcome | None = None
    diff: str = ""
    written: str = ""  # where the fixed file was written ("" when nothing was written)
    note: str = ""  # why nothing was written, in Chinese
    fixed_text: str | None = None  # for standard input: the fixed text, in its newline style
    notes: list[str] = field(default_factory=list)


def encode_text(doc: Document, text: str, original: bytes = b"") -> bytes:
    """``text`` (newlines ``\\n``) encoded like ``doc`` was read: encoding, BOM and newline style."""
    if doc.newline != "\n":
        text = text.replace("\n", doc.newline)
    encoding = doc.encoding
    if encoding == "utf-16":  # keep the original byte order; the codec would pick the machine's
        big = original.startswith(codecs.BOM_UTF16_BE)
        return (codecs.BOM_UTF16_BE if big else codecs.BOM_UTF16_LE) + text.encode("utf-16-be" if big else "utf-16-le")
    if encoding == "utf-32":
        big = original.startswith(codecs.BOM_UTF32_BE)
        return (codecs.BOM_UTF32_BE if big else codecs.BOM_UTF32_LE) + text.encode("utf-32-be" if big else "utf-32-le")
    data = text.encode(encoding)
    if doc.bom and encoding in ("utf-8", "utf8"):
        data = codecs.BOM_UTF8 + data
    return data


def write_atomic(path: Path, data: bytes, backup: bool) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and ``os.replace``;
    keep the old file as ``<name>.bak`` first when ``backup``."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=str(path.parent))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            shutil.copymode(path, tmp)
            if backup:
                shutil.copy2(path, path.with_name(path.name + ".bak"))
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def fixed_docx_path(path: Path) -> Path:
    return path.with_name(path.stem + ".fixed.docx")


def unified_diff(path: str, before: str, after: str) -> str:
    if before == after:
        return ""
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), path, path)
    out = "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
    return out


def _docx_rebuild(state: dict):
    """A rebuild for Word input: apply the edits to the runs of the .docx bytes (formatting kept)
    and read the result again; edits on text Word generates (list numbers) come back as skipped."""
    from .ingest.docx_fix import fix_docx

    def rebuild(doc: Document, edits):
        fixed = fix_docx(state["data"], doc, edits)
        if not fixed.applied:
            return doc, fixed.skipped
        state["data"] = fixed.data
        return read_bytes(fixed.data, doc.path), fixed.skipped

    return rebuild


def fix_docx_bytes(data: bytes, doc: Document, check, unsafe: bool = False):
    """(fixed .docx bytes, outcome): the fixes applied to the runs of the Word file (formatting kept).
    The input bytes are never changed; with nothing to fix the bytes come back as they were."""
    state = {"data": data}
    outcome = fix_document(doc, check, _docx_rebuild(state), unsafe=unsafe)
    return state["data"], outcome


def fix_file(path: str, config, with_roles: bool, unsafe: bool, write: bool, backup: bool) -> FileFix:
    """Fix one file (``-``: standard input).  With ``write`` false nothing is written (``--diff``)."""
    from .api import check_document, input_failure

    if path == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        name = path
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError:
            return FileFix(path, input_failure(path, InputError(path, "文件不存在"), config))
        except OSError as exc:
            return FileFix(path, input_failure(path, InputError(path, f"无法读取文件（{exc.strerror or exc}）"), config))
    try:
        doc = read_bytes(data, name)
    except InputError as exc:
        return FileFix(path, input_failure(name, exc, config))

    def check(d: Document):
        return check_document(d, config, with_roles)

    if doc.source in WRITABLE_TEXT:
        outcome = fix_document(doc, check, rebuild_text, unsafe=unsafe)
    elif doc.source == "docx":
        try:
            fixed_docx, outcome = fix_docx_bytes(data, doc, check, unsafe=unsafe)
        except ImportError:
            return FileFix(path, check(doc), note="此版本还不能修改 Word 文件（缺少 checker.ingest.docx_fix），未写入修复结果")
        except InputError as exc:  # the Word file could not be patched safely: nothing is written
            return FileFix(path, check(doc), note=f"{exc.message}（未写入修复结果）")
    else:
        return FileFix(path, check(doc), note=f"无法自动修复 {doc.source} 文件（只能修复文本文件和 .docx），请按提示手工修改")
    fix = FileFix(path, outcome.result, outcome, diff=unified_diff(name, doc.text, outcome.document.text))
    if outcome.blocked:
        blocked = "，".join(f"{code}×{n}" for code, n in sorted(outcome.blocked.items()))
        fix.notes.append(f"{blocked} 的修复落在 Word 自动生成的文字（如自动编号）上，无法写入，请在 Word 中手工修改")
    if not outcome.converged:
        fix.notes.append(f"修复在 {outcome.rounds} 轮后仍未稳定，剩余问题请手工修改")
    if not write or not outcome.changed:
        return fix
    if path == "-":
        fix.fixed_text = outcome.document.text.replace("\n", doc.newline) if doc.newline != "\n" else outcome.document.text
        return fix
    target = Path(path)
    try:
        if doc.source == "docx":
            target = fixed_docx_path(target)
            write_atomic(target, fixed_docx, backup=False)
        else:
            write_atomic(target, encode_text(doc, outcome.document.text, data), backup)
    except UnicodeEncodeError as exc:
        fix.note = f"修复后的文字无法按原编码 {doc.encoding} 保存（{exc.reason}），未写入"
        return fix
    except OSError as exc:
        fix.note = f"无法写入 {target}（{exc.strerror or exc}），未修改原文件"
        return fix
    fix.written = str(target)
    return fix


def report_line(fix: FileFix) -> str:
    """One line for the user about what happened to this file."""
    shown = "<stdin>" if fix.path == "-" else fix.path
    if fix.note:
        return f"{shown}: {fix.note}"
    if fix.outcome is None:
        return ""
    if not fix.outcome.changed:
        return ""
    where = f"，已写入 {fix.written}" if fix.written and fix.written != fix.path else ""
    return f"{shown}: {fix.outcome.summary()}{where}"


@dataclass
class FixRun:
    results: list = field(default_factory=list)
    fail_levels: list = field(default_factory=list)
    messages: list[str] = field(default_factory=list)  # for standard error
    diff: str = ""
    stdin_text: str | None = None  # the fixed standard input, for standard output
    fixes: int = 0  # fixes applied (or, with --diff, that would be applied)
    changed_files: int = 0


def run_fixes(files: list[str], base, discover: bool, with_roles: bool, unsafe: bool, write: bool, backup: bool) -> FixRun:
    """Fix (``write``) or preview every file; the CLI prints what this returns."""
    from .api import config_for

    run = FixRun()
    for path in files:
        if path.endswith(".fixed.docx") and path[: -len(".fixed.docx")] + ".docx" in files:
            continue  # our own output beside its original: fixing it would write 报告.fixed.fixed.docx
        config = config_for(Path.cwd() if path == "-" else path, base, discover)
        fix = fix_file(path, config, with_roles, unsafe, write, backup)
        run.results.append(fix.result)
        run.fail_levels.append(config.fail_on)
        run.diff += fix.diff
        if fix.outcome is not None and fix.outcome.changed:
            run.changed_files += 1
            run.fixes += sum(fix.outcome.applied.values())
        line = report_line(fix) if write else (f"{fix.path}: {fix.note}" if fix.note else "")
        if line:
            run.messages.append(line)
        run.messages.extend(f"{fix.path}: {note}" for note in fix.notes)
        if fix.fixed_text is not None:
            run.stdin_text = fix.fixed_text
    return run
