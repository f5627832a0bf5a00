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
