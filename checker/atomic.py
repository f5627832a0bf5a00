"""Writing a user's file so that a reader never sees half of it, and nothing is lost.

One helper for every file fzcheck writes (``check --fix``, ``review --xlsx/--html/--csv``):

- the new bytes go to a temporary file in the target's own folder, are flushed to disk
  (``fsync``), and then replace the target in one step (``os.replace``), so the target is
  either the old file or the new one, never a mixture;
- on Linux the temporary file is created without a name (``O_TMPFILE``) and only gets one
  (``.fzcheck-….tmp``) for the instant before the replace: a run killed while writing leaves
  nothing behind.  Where that is not supported the temporary file is named from the start;
  either way, names starting with ``.fzcheck-`` in a folder are removed by the next run that
  writes there (under the folder's lock, so never a file another run is still writing);
- an existing target keeps its permission bits and its owner and group; a new file gets
  the user's umask (``0666 & ~umask``), like any file an editor creates;
- a symbolic link is not replaced: the file it points to is written (see :func:`real_target`);
- a backup is never written over: the first is ``<name>.bak``, later ones
  ``<name>.1.bak``, ``<name>.2.bak`` … (:func:`keep_backup`);
- :func:`folder_lock` takes an exclusive lock (``flock``) on the folder, so two fzcheck runs
  writing in one folder take turns; ``check --fix`` holds it from reading a file to writing it.

Nothing here prints or exits: problems come back as :class:`WriteRefused` with a Chinese message.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

TEMP_PREFIX = ".fzcheck-"
_TEMP_NAME = re.compile(r"^\.fzcheck-[0-9a-f]{6,}(\..*)?$")  # ours: never a user's file


class WriteRefused(Exception):
    """The file cannot (or must not) be written; ``message`` says why, in Chinese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def real_target(path: str | os.PathLike) -> Path:
    """The file a write to ``path`` must change: ``path`` itself, or the file a symbolic link
    (or a chain of them) points to, so the link stays a link.  A loop or a dangling link is refused."""
    p = Path(path)
    if not p.is_symlink():
        return p
    try:
        target = Path(os.path.realpath(p, strict=True))
    except (OSError, RuntimeError):
        raise WriteRefused("是一个指向不存在的文件或形成循环的符号链接，未修改") from None
    return target


def write_problem(path: str | os.PathLike) -> str | None:
    """Why ``path`` (an existing file or a new one) must not be written, in Chinese; None when it may.

    A file without any write permission bit is read-only even for the administrator (root
    could write it, but the owner marked it as not to be changed); so is a folder without one."""
    p = Path(path)
    folder = p.parent
    try:
        st = p.stat()
    except FileNotFoundError:
        st = None
    except OSError as exc:
        return f"无法读取文件信息（{exc.strerror or exc}）"
    if st is not None:
        if not stat.S_ISREG(st.st_mode):
            return "不是普通文件，未修改"
        if not st.st_mode & 0o222 or not os.access(p, os.W_OK):
            return "文件是只读的，未修改；如确需修复，请先取消只读属性"
        if hasattr(os, "geteuid") and os.geteuid() != 0 and st.st_uid != os.geteuid():
            return "文件属于其他用户，改写会改变它的所有者，未修改；请由文件所有者运行 --fix"
    try:
        fst = folder.stat()
    except OSError as exc:
        return f"无法访问所在文件夹（{exc.strerror or exc}）"
    if not fst.st_mode & 0o222 or not os.access(folder, os.W_OK | os.X_OK):
        return f"所在文件夹 {folder} 是只读的，无法安全写入，未修改"
    return None


# --- the folder lock -------------------------------------------------------------------------

_held: dict[str, int] = {}  # folder → count, for this process (the lock is re-entrant here)
_held_fds: dict[str, int] = {}
_held_guard = threading.RLock()
_cleaned: set[str] = set()


@contextlib.contextmanager
def folder_lock(folder: str | os.PathLike) -> Iterator[None]:
    """An exclusive lock on ``folder`` for as long as the block runs (re-entrant in one process).

    The lock is ``flock`` on the folder itself: no lock file is created, and a run that is
    killed releases it.  On first taking it in a run, temporary files left in the folder by an
    interrupted run (``.fzcheck-…``) are removed."""
    key = os.path.realpath(folder)
    with _held_guard:
        if _held.get(key):
            _held[key] += 1
            fd = None
        else:
            fd = _lock_fd(key)
            _held[key] = 1
            _held_fds[key] = fd
            if key not in _cleaned:
                _cleaned.add(key)
                remove_leftovers(key)
    try:
        yield
    finally:
        with _held_guard:
            _held[key] -= 1
            if not _held[key]:
                del _held[key]
                fd = _held_fds.pop(key)
                _unlock_fd(fd)


def _lock_fd(folder: str) -> int:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return -1  # cannot open the folder (Windows, permissions): write without the lock
    try:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX)
    except (ImportError, OSError):
        pass  # a file system without flock: the atomic replace still protects the file
    return fd


def _unlock_fd(fd: int) -> None:
    if fd >= 0:
        os.close(fd)  # closing releases the flock


def remove_leftovers(folder: str | os.PathLike) -> list[str]:
    """Remove temporary files an interrupted fzcheck left in ``folder``; return their names.
    Call it only while holding the folder's lock (a running writer holds it while its file exists)."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if _TEMP_NAME.match(entry.name):
            try:
                if entry.is_file(follow_symlinks=False):
                    os.unlink(entry.path)
                    removed.append(entry.name)
            except OSError:
                pass
    return removed


# --- writing ---------------------------------------------------------------------------------


def _chunks(data: bytes | Iterable[bytes | str]) -> Iterator[bytes]:
    if isinstance(data, (bytes, bytearray, memoryview)):
        yield bytes(data)
        return
    for piece in data:
        yield piece.encode("utf-8") if isinstance(piece, str) else bytes(piece)


def _write_all(fd: int, data: bytes | Iterable[bytes | str]) -> None:
    for chunk in _chunks(data):
        view = memoryview(chunk)
        while view:
            n = os.write(fd, view)
            view = view[n:]


def _temp_name(folder: Path, name: str) -> Path:
    return folder / f"{TEMP_PREFIX}{secrets.token_hex(4)}.{name}.tmp"


def _open_unnamed(folder: Path) -> int | None:
    """A file in ``folder`` without a name (Linux ``O_TMPFILE``), or None where unsupported."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag:
        return None
    try:
        return os.open(folder, flag | os.O_RDWR, 0o666)  # the umask applies, as for any new file
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            return None
        raise


def _give_name(fd: int, folder: Path, name: str) -> Path:
    """Link the unnamed file ``fd`` into ``folder`` under a fresh temporary name."""
    # linkat(…, AT_SYMLINK_FOLLOW) on /proc/self/fd/N; Python uses linkat only when a dir fd is given
    fds = os.open("/proc/self/fd", os.O_RDONLY | os.O_DIRECTORY)
    try:
        for _ in range(10):
            tmp = _temp_name(folder, name)
            try:
                os.link(str(fd), tmp, src_dir_fd=fds, follow_symlinks=True)
                return tmp
            except FileExistsError:
                continue
    finally:
        os.close(fds)
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def _keep_identity(fd: int, st: os.stat_result | None) -> None:
    """Give the new file the old one's owner, group and permission bits (owner first: chown clears set-id bits)."""
    if st is None:
        return
    if hasattr(os, "fchown") and (st.st_uid, st.st_gid) != _owner(fd):
        try:
            os.fchown(fd, st.st_uid, st.st_gid)
        except PermissionError:
            try:
                os.fchown(fd, -1, st.st_gid)  # the group, at least, when we belong to it
            except PermissionError:
                pass
    os.fchmod(fd, stat.S_IMODE(st.st_mode))


def _owner(fd: int) -> tuple[int, int]:
    st = os.fstat(fd)
    return st.st_uid, st.st_gid


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_temp(folder: Path, name: str, data, st: os.stat_result | None) -> Path:
    """The data in a named temporary file in ``folder``, on disk, with the old file's identity."""
    fd = _open_unnamed(folder)
    if fd is not None:
        try:
            _write_all(fd, data)
            _keep_identity(fd, st)
            os.fsync(fd)
            try:
                return _give_name(fd, folder, name)
            except OSError:  # no /proc, or linking refused: copy what was written into a named file
                os.lseek(fd, 0, os.SEEK_SET)
                return _write_named(folder, name, iter(lambda: os.read(fd, 1 << 20), b""), st)
        finally:
            os.close(fd)
    return _write_named(folder, name, data, st)


def _write_named(folder: Path, name: str, data, st: os.stat_result | None) -> Path:
    for _ in range(10):
        tmp = _temp_name(folder, name)
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
            break
        except FileExistsError:
            continue
    else:
        raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))
    try:
        _write_all(fd, data)
        _keep_identity(fd, st)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    os.close(fd)
    return tmp


def write_atomic(path: str | os.PathLike, data: bytes | Iterable[bytes | str]) -> Path:
    """Replace (or create) ``path`` with ``data`` — bytes, or pieces (str pieces as UTF-8) — atomically.

    A symbolic link is followed and its target written (the link stays).  Returns the path of
    the file written.  Raises :class:`WriteRefused` for a read-only file or folder and
    ``OSError`` for other failures; the target is unchanged then, and no temporary file is left."""
    target = real_target(path)
    problem = write_problem(target)
    if problem:
        raise WriteRefused(problem)
    return _put(target, data, lambda: target)


def _put(beside: Path, data, name: Callable[[], Path]) -> Path:
    """Under the folder's lock: ``data`` in a temporary file beside ``beside`` (with its identity),
    renamed to ``name()`` (chosen under the lock), the folder synced.  No temporary file is left
    when it fails."""
    folder = beside.parent if str(beside.parent) else Path(".")
    with folder_lock(folder):
        try:
            st = beside.stat()
        except FileNotFoundError:
            st = None
        tmp = _write_temp(folder, beside.name, data, st)
        try:
            target = name()
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        _fsync_folder(folder)
    return target


def backup_path(path: str | os.PathLike) -> Path:
    """The first free backup name for ``path``: ``<name>.bak``, then ``<name>.1.bak``, ``<name>.2.bak`` …"""
    p = Path(path)
    candidate = p.with_name(p.name + ".bak")
    n = 0
    while os.path.lexists(candidate):
        n += 1
        candidate = p.with_name(f"{p.name}.{n}.bak")
    return candidate


def keep_backup(path: str | os.PathLike, original: bytes) -> Path:
    """Save ``original`` (the bytes as they were read) beside ``path`` under a backup name no
    earlier backup has; never writes over a backup.  Call it holding the folder's lock."""
    p = Path(path)
    return _put(p, original, lambda: backup_path(p))  # free under the lock: no other fzcheck run can take the name
