"""Check many files, in worker processes when there are several, and yield each file's rendered
output in input order as soon as it and every file before it are done.

Workers render their file themselves (``formats.piece``): what crosses between processes is the
file's output text and a compact record, never its document or outline, so the main process holds
one file's pieces at a time however many files there are.  The first file is checked in the main
process before the workers start: it fills every lazily built table (compiled regexes, the
segmenter), which the workers then inherit where processes are forked.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

from .api import check_bytes, check_codes, check_path, config_for, crash_result, ruleset_for
from .errors import ConfigError
from .formats import piece as rendered
from .links import SkippedLink, skipped_link_result


def available_cores() -> int:
    """The CPUs this process may run on (its affinity mask where the platform has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class Job:
    """What every file of a run shares: the command line's configuration and the output format."""

    def __init__(self, base, discover: bool, fmt: str, ctx, with_roles: bool, cache=None, wire=None) -> None:
        self.base, self.discover, self.fmt, self.ctx, self.with_roles = base, discover, fmt, ctx, with_roles
        self.cache = cache  # checker/result_cache.ResultCache, or None
        self.wire = wire  # (encoding, errors): a worker sends its pieces' text encoded so (run.SafeText.wire)
        self._configs: dict[str, object] = {}  # folder → the configuration of its files, codes checked

    def config(self, path: str):
        """The configuration of ``path`` (found upwards from its folder, with the command line's over it),
        its codes checked: worked out once per folder.  A symbolic link is looked up from its target,
        as ``config_for`` does, each time."""
        folder = os.path.dirname(path)
        config = self._configs.get(folder)
        if config is not None and not os.path.islink(path):
            return config
        config = config_for(path, self.base, self.discover)
        check_codes(config, self.base)
        if not os.path.islink(path):
            self._configs[folder] = config
        return config

    def piece(self, path: str):
        """(text, record) of one file; a configuration error comes back as its message."""
        key = None
        try:
            if isinstance(path, SkippedLink):  # a link out of the searched folder: never read
                config = config_for(Path(path).parent, self.base, self.discover)
                result = skipped_link_result(path, config)
            elif path == "-":
                config = config_for(Path.cwd(), self.base, self.discover)
                check_codes(config, self.base)
                result = check_bytes(sys.stdin.buffer.read(), "<stdin>", config, self.with_roles)
            else:
                config = self.config(path)
                found = self.cache.key_and_bytes(path, config, ruleset_for(config).key) if self.cache is not None else None
                if found is None:
                    result = check_path(path, config, self.with_roles, discover=False)
                else:
                    key, data = found
                    kept = self.cache.get(key)
                    if kept is not None:
                        return kept
                    result = check_bytes(data, path, config, self.with_roles)  # the bytes the key was made of
            rules = ruleset_for(config).rules if self.fmt == "sarif" else None
            try:
                one = rendered(self.fmt, result, self.ctx, config.fail_on, rules)
            except Exception as exc:  # noqa: BLE001 — a file the formatter cannot write is one FZ903, not an abort
                name = result.path.encode("utf-8", "replace").decode("utf-8")  # the name itself may be at fault
                return rendered(self.fmt, crash_result(name, exc, config, "输出结果时出错"), self.ctx, config.fail_on, rules)
            finally:
                if result.outline is not None:
                    result.outline.unlink()  # the report is freed now, not by the cyclic collector
            if key is not None:
                self.cache.put(key, one)
            return one
        except ConfigError as exc:
            return ConfigError(str(exc))


_JOB: Job | None = None


def _init_worker(job: Job) -> None:
    import signal
    from multiprocessing.util import Finalize

    from .parse import shape_cache

    global _JOB
    _JOB = job
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle: it stops the pool
    Finalize(None, shape_cache.save, exitpriority=1)  # the parse trees this worker made, kept for later runs


def _work(path: str):
    assert _JOB is not None
    return encoded(_JOB.piece(path), _JOB.wire)


def encoded(one, wire: tuple[str, str] | None):
    """A worker's piece with its text as the bytes the output stream would write for it: encoded once
    here instead of pickled as text, unpickled and encoded again by the main process.  A character the
    encoding lacks is replaced, as run.SafeText.write does."""
    if wire is None or not isinstance(one, tuple):
        return one
    text, record = one
    encoding, errors = wire
    try:
        data = text.encode(encoding, errors)
    except UnicodeEncodeError:
        data = text.encode(encoding, "replace")
    return data, record


def pieces(files: list[str], job: Job, jobs: int = 0) -> Iterator[tuple[str, object]]:
    """Each file's (text, record), in the order of ``files``; ``jobs`` 0 means every available core,
    1 no worker process.  Standard input and a single file are always checked in this process."""
    jobs = jobs or available_cores()
    if jobs <= 1 or len(files) < 3 or "-" in files:
        for path in files:
            yield _raised(job.piece(path))
        return
    yield _raised(job.piece(files[0]))
    yield from _parallel(files[1:], job, min(jobs, len(files) - 1))


def _parallel(files: list[str], job: Job, jobs: int) -> Iterator[tuple[str, object]]:
    import gc
    import multiprocessing

    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    chunksize = max(1, min(8, len(files) // (jobs * 16)))
    gc.freeze()  # the workers never collect what exists now (modules, packs, tables), so its pages stay shared
    try:
        pool = _pool_class()(jobs, initializer=_init_worker, initargs=(job,), context=context)
    finally:
        gc.unfreeze()  # this process collects as before
    with pool:
        for result in pool.imap(_work, files, chunksize):
            yield _raised(result)
        pool.close()
        pool.join()


def _pool_class():
    """multiprocessing's Pool whose worker-minding thread sleeps until a worker ends or the pool changes.

    CPython's thread also wakes whenever a result waits in the result queue and, until the
    result thread has read it, spins (it checks every worker and waits again, at once): a tenth
    of the main process's time and the GIL taken from the thread reading the results.  Worker
    ends and the pool's changes (closed, terminated, every task done) still wake it, as in
    ThreadPool, which waits on the same two.
    """
    from multiprocessing.pool import Pool

    class QuietPool(Pool):
        def _get_sentinels(self):
            return [self._change_notifier._reader]

    return QuietPool


def _raised(result):
    if isinstance(result, ConfigError):
        raise result
    return result
