"""``fzcheck check --fix / --diff``: the file side of fixing (reading, diffing, writing).

The fixing itself is pure (:mod:`checker.fixes`); this module is an edge, like the CLI:
- text files (.txt/.md) are rewritten through :mod:`checker.atomic` (a temporary file in the
  same folder, fsync, ``os.replace``), holding the folder's lock from reading the file to
  writing it, so two runs on one file take turns.  Only the fixed spans change: every other
  byte (encoding quirks, BOM, each line's own ending) is copied from the original
  (:mod:`checker.fixbytes`).  The original is kept as ``<name>.bak`` — or, when that exists,
  ``<name>.1.bak``, ``<name>.2.bak`` …: a backup is never overwritten — unless ``backup`` is false;
- a symbolic link is kept: the file it points to is fixed;
- a read-only file, a file in a read-only folder, a file of another user, or a fix the
  file's encoding cannot hold is not written: the file gets an FZ960 finding saying why;
- Word files are never touched: the fixed copy is written beside them as ``<stem>.fixed.docx``;
- standard input is never written: the fixed text goes to standard output;
- other formats (PDF, .doc) cannot be written back: their fixes are reported, not applied.
"""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from .atomic import WriteRefused, folder_lock, keep_backup, real_target, write_atomic, write_problem
from .fixbytes import CannotSplice, EditLog, Unencodable, splice
from .fixes import FixOutcome, fix_document, rebuild_text, select_fixes
from .ingest import InputError, read_bytes
from .model import Document, Span

WRITABLE_TEXT = ("text", "markdown")


@dataclass
class FileFix:
    """One file of ``check --fix`` / ``--diff``: what remains to report, the diff, where the fixed file went."""
    path: str
    result: object  # the Result to render: remaining findings (or the input failure)
    outcome: FixOutcome | None = None
    diff: str = ""
    written: str = ""  # where the fixed file was written ("" when nothing was written)
    note: str = ""  # why nothing was written, in Chinese
    fixed_text: str | None = None  # for standard input: the fixed text, in its newline style
    notes: list[str] = field(default_factory=list)
    refused: bool = False  # there were fixes (or fixes were asked for) but nothing could be written
    backup: str = ""  # where the original was kept


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


def fix_text_bytes(data: bytes, doc: Document, check, unsafe: bool = False):
    """(fixed bytes, outcome) for a text file read from ``data``: only the fixed spans differ
    from ``data``.  Raises :class:`~checker.fixbytes.Unencodable` when a fix cannot be saved
    in the file's encoding (or :class:`~checker.fixbytes.CannotSplice`)."""
    log = EditLog(doc.text)

    def rebuild(current: Document, edits):
        log.add(current.text, edits)
        return rebuild_text(current, edits)

    outcome = fix_document(doc, check, rebuild, unsafe=unsafe)
    if not outcome.changed:
        return data, outcome
    return splice(data, doc.text, log.changes, doc.encoding, doc.bom), outcome


def not_written(result, detail: str, config, offset: int = 0):
    """``result`` with an FZ960 finding: the fix was not written, and why."""
    from .api import _input_diagnostic, ruleset_for
    from .engine import postprocess

    found = _input_diagnostic(ruleset_for(config), "FZ960", detail)
    found = replace(found, span=Span(offset, offset))
    return replace(result, diagnostics=postprocess([*result.diagnostics, found], config))


def fix_file(path: str, config, with_roles: bool, unsafe: bool, write: bool, backup: bool) -> FileFix:
    """Fix one file (``-``: standard input).  With ``write`` false nothing is written (``--diff``)."""
    if path == "-" or not write:
        return _fix_file(path, config, with_roles, unsafe, write, backup)
    try:
        target = real_target(path)
    except WriteRefused:
        target = Path(path)  # a dangling link or a loop: reading it says so
    with folder_lock(target.parent if str(target.parent) else Path(".")):
        return _fix_file(path, config, with_roles, unsafe, write, backup)


def _fix_file(path: str, config, with_roles: bool, unsafe: bool, write: bool, backup: bool) -> FileFix:
    from .api import check_document, input_failure

    read = _input_bytes(path, config)
    if isinstance(read, FileFix):
        return read
    name, data = read
    try:
        doc = read_bytes(data, name)
    except InputError as exc:
        return FileFix(path, input_failure(name, exc, config))
    run = _Fixing(path, name, data, doc, config, check_document(doc, config, with_roles))

    def check_once(d: Document):  # fix_document checks the document as read first: that is ``run.first``
        return run.first if d is doc else check_document(d, config, with_roles)

    if write and path != "-" and doc.source in (*WRITABLE_TEXT, "docx") and select_fixes(run.first.diagnostics, unsafe):
        target = real_target(path) if doc.source in WRITABLE_TEXT else fixed_docx_path(Path(path))
        problem = write_problem(target)
        if problem:  # before any fixing: a read-only file or folder is refused at once
            return run.refused(f"{target}: {problem}" if target != Path(path) else problem)
    fixed = run.fixed_bytes(check_once, unsafe)
    if isinstance(fixed, FileFix):
        return fixed
    return run.finish(*fixed, write=write, backup=backup)


def _input_bytes(path: str, config) -> tuple[str, bytes] | FileFix:
    """(name, bytes) of the file to fix (``-``: standard input), or its input failure."""
    from .api import input_failure

    if path == "-":
        return "<stdin>", sys.stdin.buffer.read()
    try:
        return path, Path(path).read_bytes()
    except FileNotFoundError:
        return FileFix(path, input_failure(path, InputError(path, "文件不存在"), config))
    except OSError as exc:
        return FileFix(path, input_failure(path, InputError(path, f"无法读取文件（{exc.strerror or exc}）"), config))


@dataclass
class _Fixing:
    """One file being fixed: its bytes as read, the document and its first check."""

    path: str
    name: str
    data: bytes
    doc: Document
    config: object
    first: object  # the Result of checking the document as read

    def refused(self, detail: str, offset: int = 0) -> FileFix:
        return FileFix(self.path, not_written(self.first, detail, self.config, offset), note=detail, refused=True)

    def fixed_bytes(self, check_once, unsafe: bool) -> tuple[bytes, FixOutcome] | FileFix:
        """(fixed bytes, outcome), or what is said instead when the file cannot be fixed."""
        doc, data = self.doc, self.data
        if doc.source in WRITABLE_TEXT:
            try:
                return fix_text_bytes(data, doc, check_once, unsafe=unsafe)
            except Unencodable as exc:
                return self.refused(
                    f"修复后的文字“{exc.text}”无法按原编码 {exc.encoding} 保存，整个文件未修改；请手工修改或另存为 UTF-8",
                    exc.offset,
                )
            except CannotSplice:
                return self.refused("无法在不改动其余内容的前提下写回（文件内容与检查的文字不一致），未修改")
        if doc.source == "docx":
            try:
                return fix_docx_bytes(data, doc, check_once, unsafe=unsafe)
            except ImportError:
                return FileFix(self.path, self.first, note="此版本还不能修改 Word 文件（缺少 checker.ingest.docx_fix），未写入修复结果")
            except InputError as exc:  # the Word file could not be patched safely: nothing is written
                return FileFix(self.path, self.first, note=f"{exc.message}（未写入修复结果）")
        return FileFix(self.path, self.first, note=f"无法自动修复 {doc.source} 文件（只能修复文本文件和 .docx），请按提示手工修改")

    def finish(self, fixed: bytes, outcome: FixOutcome, write: bool, backup: bool) -> FileFix:
        """The fix's notes, then the fixed text for standard output or the file written."""
        doc = self.doc
        diff = "" if write else unified_diff(self.name, doc.text, outcome.document.text)  # only --diff shows (and pays for) it
        fix = FileFix(self.path, outcome.result, outcome, diff=diff)
        if outcome.blocked:
            blocked = "，".join(f"{code}×{n}" for code, n in sorted(outcome.blocked.items()))
            fix.notes.append(f"{blocked} 的修复落在 Word 自动生成的文字（如自动编号）上，无法写入，请在 Word 中手工修改")
        if not outcome.converged:
            fix.notes.append(f"修复在 {outcome.rounds} 轮后仍未稳定，剩余问题请手工修改")
        if not write or not outcome.changed:
            return fix
        if self.path == "-":
            fix.fixed_text = _as_text(fixed, doc) if doc.source in WRITABLE_TEXT else outcome.document.text
            return fix
        return self.write(fix, fixed, backup)

    def write(self, fix: FileFix, fixed: bytes, backup: bool) -> FileFix:
        """Write the fixed file (a Word file's copy beside it), keeping a backup of a text file when asked."""
        try:
            if self.doc.source == "docx":
                target = write_atomic(fixed_docx_path(Path(self.path)), fixed)
            else:
                target = real_target(self.path)
                if backup:
                    fix.backup = str(keep_backup(target, self.data))
                target = write_atomic(target, fixed)
        except WriteRefused as exc:
            return self.refused(exc.message)
        except OSError as exc:
            return self.refused(f"无法写入（{exc.strerror or exc}），原文件未修改")
        fix.written = str(target)
        return fix


def _as_text(data: bytes, doc: Document) -> str:
    """The fixed bytes of standard input as text for standard output (each line's ending kept)."""
    from .ingest.decode import codec_of

    codec, bom_len = codec_of(doc.encoding, data, doc.bom)
    return data[bom_len:].decode(codec)


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
    kept = f"，原文件保存为 {Path(fix.backup).name}" if fix.backup else ""
    return f"{shown}: {fix.outcome.summary()}{where}{kept}"


@dataclass
class FixRun:
    """Every file of ``check --fix`` / ``--diff``: results to render, messages for standard error, the diff."""
    results: list = field(default_factory=list)
    fail_levels: list = field(default_factory=list)
    messages: list[str] = field(default_factory=list)  # for standard error
    diff: str = ""
    stdin_text: str | None = None  # the fixed standard input, for standard output
    fixes: int = 0  # fixes applied (or, with --diff, that would be applied)
    changed_files: int = 0
    written_files: int = 0
    refused_files: int = 0  # files whose fixes could not be written (FZ960)

    def exit_floor(self) -> int:
        """The least exit code: 2 when no fix could be written at all, 1 when some could not."""
        if not self.refused_files:
            return 0
        return 2 if not self.written_files else 1


def run_fixes(files: list[str], base, discover: bool, with_roles: bool, unsafe: bool, write: bool, backup: bool) -> FixRun:
    """Fix (``write``) or preview every file; the CLI prints what this returns."""
    from .api import config_for
    from .links import SkippedLink, skipped_link_result

    run = FixRun()
    for path in files:
        if path.endswith(".fixed.docx") and path[: -len(".fixed.docx")] + ".docx" in files:
            continue  # our own output beside its original: fixing it would write 报告.fixed.fixed.docx
        config = config_for(Path.cwd() if path == "-" else path, base, discover)
        if isinstance(path, SkippedLink):  # a link the folder search did not follow: never read or written
            fix = FileFix(path, skipped_link_result(path, config))
        else:
            fix = fix_file(path, config, with_roles, unsafe, write, backup)
        run.results.append(fix.result)
        run.fail_levels.append(config.fail_on)
        run.diff += fix.diff
        if fix.outcome is not None and fix.outcome.changed and not fix.refused:
            run.changed_files += 1
            run.fixes += sum(fix.outcome.applied.values())
        run.written_files += bool(fix.written)
        run.refused_files += fix.refused
        line = report_line(fix) if write else (f"{fix.path}: {fix.note}" if fix.note else "")
        if line:
            run.messages.append(line)
        run.messages.extend(f"{fix.path}: {note}" for note in fix.notes)
        if fix.fixed_text is not None:
            run.stdin_text = fix.fixed_text
    return run
