"""batch's workers: the main process and its workers take chunks of files in turn, the output keeps the
input order, a worker that dies costs no file, workers stop with the output; what crosses the pipe."""

from __future__ import annotations

import os
import sys
import time

import pytest

from checker.batch import _parallel

forked_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked only on Linux")


class _PidJob:
    """A stand-in for batch.Job: a file's piece says which process checked it, after ``pause`` seconds;
    a worker checking ``fatal`` dies on the spot (as one killed by the system would)."""

    wire = None

    def __init__(self, parent: int, pause: float = 0.0, fatal: str = "", log: str = "") -> None:
        self.parent, self.pause, self.fatal, self.log = parent, pause, fatal, log

    def piece(self, path: str):
        if path == self.fatal and os.getpid() != self.parent:
            os._exit(9)
        time.sleep(self.pause)
        if self.log:
            with open(self.log, "a", encoding="utf-8") as fh:
                fh.write(path + "\n")
        return str(os.getpid()), path


def test_the_main_process_checks_files_beside_its_workers_and_the_output_keeps_input_order():
    files = [f"f{n}" for n in range(60)]
    out = list(_parallel(files, _PidJob(os.getpid(), pause=0.004), 2))
    assert [path for _, path in out] == files
    pids = {pid for pid, _ in out}
    assert str(os.getpid()) in pids and len(pids) == 2  # this process and its one worker
    assert not [p for p in __import__("multiprocessing").active_children() if p.is_alive()]


@forked_only
def test_a_workers_pipe_holds_several_chunks():
    """batch._widen: a worker can send a megabyte of pieces before the main process reads any (the
    default 64 KiB is less than one chunk of JSON), so it does not wait while the main process checks."""
    import fcntl
    import multiprocessing

    from checker.batch import _widen

    reader, writer = multiprocessing.get_context("fork").Pipe(duplex=False)
    get_size = getattr(fcntl, "F_GETPIPE_SZ", 1032)
    try:
        assert fcntl.fcntl(writer.fileno(), get_size) < 1 << 20
        _widen(writer)
        assert fcntl.fcntl(writer.fileno(), get_size) >= 1 << 20
    finally:
        reader.close()
        writer.close()


@forked_only
def test_the_chunks_of_a_worker_that_dies_are_checked_by_the_main_process():
    files = [f"f{n}" for n in range(80)]
    out = list(_parallel(files, _PidJob(os.getpid(), pause=0.002, fatal="f41"), 2))
    assert [path for _, path in out] == files
    assert dict((path, pid) for pid, path in out)["f41"] == str(os.getpid())


def test_workers_are_stopped_when_the_output_stops_early(tmp_path):
    import multiprocessing

    log = tmp_path / "checked"
    run = _parallel([f"f{n}" for n in range(400)], _PidJob(os.getpid(), pause=0.002, log=str(log)), 3)
    assert [path for _, path in (next(run), next(run))] == ["f0", "f1"]
    run.close()
    assert not [p for p in multiprocessing.active_children() if p.is_alive()]
    checked = len(log.read_text(encoding="utf-8").splitlines())
    time.sleep(0.1)
    assert len(log.read_text(encoding="utf-8").splitlines()) == checked < 300  # stopped, not left to finish


def test_a_file_record_crosses_the_pipe_whole():
    """formats.common.FileRecord pickles as its fields in order (its __reduce__): every field, any values."""
    import pickle
    from dataclasses import fields

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from checker.formats.common import FileRecord

    triples = st.tuples(st.text(max_size=5), st.text(max_size=5), st.sampled_from(["error", "warning", "info"]))
    records = st.builds(
        FileRecord,
        path=st.text(max_size=8),
        error=st.text(max_size=8),
        diagnostics=st.lists(triples, max_size=4).map(tuple),
        fixable=st.integers(0, 9),
        failing=st.booleans(),
        extras=st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    )

    @settings(max_examples=200, deadline=None)
    @given(records)
    def round_trip(record):
        again = pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
        assert again == record and all(getattr(again, f.name) == getattr(record, f.name) for f in fields(FileRecord))

    round_trip()
    assert len(FileRecord("p").__reduce__()[1]) == len(fields(FileRecord))


def test_totals_count_a_record_as_one_finding_at_a_time_would():
    """formats.common.Totals.add counts a record's findings with Counter.update: the same counts and the
    same (name, severity) per code — the last one of a code — as adding them one by one."""
    from collections import Counter

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from checker.formats.common import FileRecord, Totals

    triples = st.tuples(st.sampled_from(["FZ1", "FZ2", "FZ3"]), st.sampled_from(["a", "b"]), st.sampled_from(["error", "info"]))

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.lists(triples, max_size=5).map(tuple), max_size=4))
    def counted(records):
        totals = Totals()
        severities, codes, meta = Counter(), Counter(), {}
        for found in records:
            totals.add(FileRecord("p", diagnostics=found))
            for code, name, severity in found:
                severities[severity] += 1
                codes[code] += 1
                meta[code] = (name, severity)
        assert (totals.severities, totals.codes, totals.meta, totals.files) == (severities, codes, meta, len(records))
        assert totals.summary()["errors"] == severities["error"]

    counted()


class _FreezeJob:
    """A stand-in for batch.Job whose every file's piece is how many objects the process that checked
    it holds frozen: (its pid, the count), path."""

    wire = None

    def piece(self, path: str):
        import gc

        time.sleep(0.003)
        return str(os.getpid()), str(gc.get_freeze_count()), path


@forked_only
def test_workers_start_with_the_parents_objects_frozen_and_the_parent_does_not_keep_them_so():
    import gc

    assert gc.get_freeze_count() == 0
    out = list(_parallel([f"f{n}" for n in range(40)], _FreezeJob(), 2))
    assert [path for _, _, path in out] == [f"f{n}" for n in range(40)]
    by_worker = [int(count) for pid, count, _ in out if pid != str(os.getpid())]
    assert by_worker and all(count > 1000 for count in by_worker)
    assert all(count == "0" for pid, count, _ in out if pid == str(os.getpid()))
    assert gc.get_freeze_count() == 0


def _cyclic_garbage_after(make) -> int:
    """How many objects only the cyclic collector would free once ``make()``'s result is dropped."""
    import gc

    gc.collect()
    gc.disable()
    try:
        make()
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        count = len(gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    return count


def test_a_checked_file_is_freed_by_reference_counting():
    """Job.piece unlinks the outline once the output is made: nothing of the report waits for the cyclic
    collector, where an outline left linked leaves its sections, items and lists behind."""
    from pathlib import Path

    from checker.api import check_path
    from checker.batch import Job
    from checker.config import Config
    from checker.formats import RenderContext

    seed = sorted((Path(__file__).resolve().parent.parent / "fixtures" / "seeds").glob("001_*.txt"))[0]  # parts with sub-parts
    job = Job(Config(), False, "json", RenderContext(), True)
    job.piece(str(seed))  # tables and caches made before counting
    assert _cyclic_garbage_after(lambda: job.piece(str(seed))) == 0
    assert _cyclic_garbage_after(lambda: check_path(str(seed), Config(), True, discover=False)) > 50
