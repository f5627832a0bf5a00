"""checker/atomic.py: the one helper that writes users' files (check --fix, review's outputs)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time

import pytest

from checker import atomic
from checker.atomic import WriteRefused, backup_path, folder_lock, keep_backup, remove_leftovers, write_atomic


def _umask() -> int:
    old = os.umask(0)
    os.umask(old)
    return old


def test_replaces_content_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "报告.txt"
    target.write_bytes(b"old")
    assert write_atomic(target, b"new") == target
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报告.txt"]


def test_writes_pieces_as_utf8(tmp_path):
    target = tmp_path / "out.csv"
    write_atomic(target, ["甲,", b"b", "乙\n"])
    assert target.read_bytes() == "甲,b乙\n".encode()


def test_keeps_mode_of_existing_file(tmp_path):
    target = tmp_path / "a.txt"
    target.write_bytes(b"x")
    target.chmod(0o640)
    write_atomic(target, b"y")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002])
def test_new_file_gets_the_umask(tmp_path, mask):
    old = os.umask(mask)
    try:
        write_atomic(tmp_path / "new.docx", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.docx").stat().st_mode) == 0o666 & ~mask


def _needs_root() -> None:
    """CI runs as root, so these cases never skip there (a skip under CI is a failure: tests/conftest.py)."""
    if os.geteuid() != 0:
        pytest.skip("only root can give a file to another user to set up this case")


def test_keeps_owner_and_group_of_existing_file(tmp_path):
    _needs_root()
    target = tmp_path / "a.txt"
    target.write_bytes(b"x")
    os.chown(target, 65534, 65534)
    target.chmod(0o664)
    write_atomic(target, b"y")
    st = target.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (65534, 65534, 0o664)


def test_symlink_target_written_and_link_kept(tmp_path):
    real = tmp_path / "real.txt"
    real.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to("real.txt")
    assert write_atomic(link, b"new") == real
    assert link.is_symlink() and os.readlink(link) == "real.txt"
    assert real.read_bytes() == b"new"


def test_symlink_loop_and_dangling_link_refused(tmp_path):
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    (tmp_path / "c").symlink_to("missing")
    for name in ("a", "c"):
        with pytest.raises(WriteRefused, match="符号链接"):
            write_atomic(tmp_path / name, b"x")
    assert not (tmp_path / "missing").exists()


def test_read_only_file_refused_even_for_root(tmp_path):
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    target.chmod(0o444)
    with pytest.raises(WriteRefused, match="只读"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"


def test_read_only_folder_refused_even_for_root(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"old")
    folder.chmod(0o555)
    try:
        with pytest.raises(WriteRefused, match="文件夹.*只读"):
            write_atomic(folder / "a.txt", b"new")
        assert (folder / "a.txt").read_bytes() == b"old"
    finally:
        folder.chmod(0o755)


def test_backups_are_numbered_never_overwritten(tmp_path):
    target = tmp_path / "a.txt"
    target.write_bytes(b"v1")
    assert keep_backup(target, b"v1").name == "a.txt.bak"
    assert keep_backup(target, b"v2").name == "a.txt.1.bak"
    assert keep_backup(target, b"v3").name == "a.txt.2.bak"
    assert (tmp_path / "a.txt.bak").read_bytes() == b"v1"
    assert (tmp_path / "a.txt.1.bak").read_bytes() == b"v2"
    assert backup_path(target).name == "a.txt.3.bak"


def test_leftovers_removed_only_if_ours(tmp_path):
    ours = tmp_path / ".fzcheck-0a1b2c3d.报告.txt.tmp"
    old_review = tmp_path / ".fzcheck-0a1b2c3d"
    user = tmp_path / ".报告.txt.tmp"
    other = tmp_path / ".fzcheck-notes"
    for p in (ours, old_review, user, other):
        p.write_bytes(b"x")
    assert sorted(remove_leftovers(tmp_path)) == sorted([ours.name, old_review.name])
    assert user.exists() and other.exists()


def test_first_write_in_a_folder_removes_leftovers(tmp_path):
    stale = tmp_path / ".fzcheck-deadbeef.a.txt.tmp"
    stale.write_bytes(b"partial")
    atomic._cleaned.discard(os.path.realpath(tmp_path))
    write_atomic(tmp_path / "a.txt", b"x")
    assert not stale.exists()


def test_failed_write_leaves_target_and_no_temporary(tmp_path):
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")

    def pieces():
        yield b"half"
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        write_atomic(target, pieces())
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_without_unnamed_temporary_files_too(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic, "_open_unnamed", lambda folder: None)
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new" and stat.S_IMODE(target.stat().st_mode) == 0o600
    write_atomic(tmp_path / "b.txt", b"x")
    assert stat.S_IMODE((tmp_path / "b.txt").stat().st_mode) == 0o666 & ~_umask()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


_HOLD = """
import sys, time
from checker.atomic import folder_lock
with folder_lock(sys.argv[1]):
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_folder_lock_serialises_processes(tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", _HOLD, str(tmp_path), "1.0"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        with folder_lock(tmp_path):
            waited = time.monotonic() - started
        assert waited > 0.5  # it waited for the other process to let go
    finally:
        holder.wait(10)


def test_folder_lock_is_reentrant_in_one_process(tmp_path):
    done = threading.Event()

    def inner():
        with folder_lock(tmp_path), folder_lock(tmp_path):
            done.set()

    inner()
    assert done.is_set()
    with folder_lock(tmp_path):
        write_atomic(tmp_path / "a.txt", b"x")  # takes the same lock again without waiting for itself
    assert (tmp_path / "a.txt").read_bytes() == b"x"


def test_kill_while_writing_leaves_nothing(tmp_path):
    """A writer killed (SIGKILL) in the middle of a large write leaves the old file and no temporary."""
    target = tmp_path / "big.txt"
    target.write_bytes(b"old")
    script = (
        "import sys\nfrom checker.atomic import write_atomic\n"
        "def pieces():\n"
        "    print('writing', flush=True)\n"
        "    while True:\n"
        "        yield b'x' * 65536\n"
        "write_atomic(sys.argv[1], pieces())\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script, str(target)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "writing"
    time.sleep(0.2)
    proc.kill()
    proc.wait(10)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt"]


def test_other_users_file_is_not_taken_over(other_user):
    """As a user without rights to the file (nobody, when the tests run as root as in CI)."""
    _needs_root()
    other_user.add("theirs.txt", b"old", 0o644, owner="owner")  # not writable by the runner
    other_user.add("shared.txt", b"old", 0o666, owner="owner")  # writable, but replacing it would change its owner
    other_user.add("mine.txt", b"old", 0o644, owner="runner")
    result = other_user.python(
        "from checker.atomic import write_atomic, WriteRefused\n"
        "for name in ('theirs.txt', 'shared.txt', 'mine.txt'):\n"
        "    try:\n        write_atomic(name, b'new'); print(name, 'written')\n"
        "    except WriteRefused as e:\n        print(name, e.message)\n"
    )
    assert result.stdout.splitlines() == [
        "theirs.txt 文件是只读的，未修改；如确需修复，请先取消只读属性",
        "shared.txt 文件属于其他用户，改写会改变它的所有者，未修改；请由文件所有者运行 --fix",
        "mine.txt written",
    ], result.stderr
    folder = other_user.folder
    assert [(folder / n).read_bytes() for n in ("theirs.txt", "shared.txt", "mine.txt")] == [b"old", b"old", b"new"]
    assert (folder / "theirs.txt").stat().st_uid == 0 and (folder / "mine.txt").stat().st_uid == 65534


def test_unnamed_file_that_cannot_be_linked_is_copied(tmp_path, monkeypatch):
    def refuse(fd, folder, name):
        raise PermissionError(1, "no /proc")

    monkeypatch.setattr(atomic, "_give_name", refuse)
    target = tmp_path / "a.txt"
    write_atomic(target, [b"x" * 3_000_000, "尾"])
    assert target.read_bytes() == b"x" * 3_000_000 + "尾".encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
