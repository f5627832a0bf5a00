"""batch's worker pool: its worker-minding thread waits only for worker ends and pool changes (not for
results, on which CPython's spins until they are read), and a run still ends with every result in order."""

from __future__ import annotations

import multiprocessing

from checker.batch import _pool_class


def _square(n: int) -> int:
    return n * n


def test_the_pool_minds_workers_without_waking_for_results():
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    with _pool_class()(2, context=context) as pool:
        assert pool._outqueue._reader not in pool._get_sentinels()
        assert list(pool.imap(_square, range(50), 4)) == [n * n for n in range(50)]
        pool.close()
        pool.join()


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
    """A stand-in for batch.Job whose every file's piece is how many objects the worker holds frozen."""

    wire = None

    def piece(self, path: str):
        import gc

        return str(gc.get_freeze_count()), path


def test_workers_start_with_the_parents_objects_frozen_and_the_parent_does_not_keep_them_so():
    import gc
    import sys

    import pytest

    from checker.batch import _parallel

    if not sys.platform.startswith("linux"):
        pytest.skip("workers are forked only on Linux")  # elsewhere they start afresh: nothing to inherit
    assert gc.get_freeze_count() == 0
    out = list(_parallel([f"f{n}" for n in range(12)], _FreezeJob(), 2))
    assert [path for _, path in out] == [f"f{n}" for n in range(12)]
    assert all(int(count) > 1000 for count, _ in out)
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
