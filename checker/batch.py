"""Check many files, in worker processes when there are several, and yield each file's rendered
output in input order as soon as it and every file before it are done.

With ``--jobs N`` the main process and N - 1 workers take chunks of files in turn: the main process
checks files as well as writing the output, so N processes share N cores.  Workers render their
files themselves (``formats.piece``): what crosses between processes is a file's output text and a
compact record, never its document or outline, so the main process holds only the few chunks that
are done ahead of their turn, however many files there are.  The first file is checked in the main
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
                    if kept is not None:  # bytes kept by a run writing UTF-8 are text again for another stream
                        return kept if self.wire is not None or type(kept[0]) is not bytes else (kept[0].decode("utf-8"), kept[1])
                    result = check_bytes(data, path, config, self.with_roles)  # the bytes the key was made of
            rules = ruleset_for(config).rules if self.fmt == "sarif" else None
            try:
                one = rendered(self.fmt, result, self.ctx, config.fail_on, rules, utf8=self.wire is not None)
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


def _worker(job: Job, files: list[str], size: int, chunks: int, taken, sending) -> None:
    """A worker process: takes the next of the ``chunks`` chunks of ``files`` until none is left,
    and sends each chunk's pieces, encoded for the output stream, with the chunk's number."""
    import signal

    from .parse import shape_cache

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle: it stops the workers
    while (number := _take(taken)) < chunks:
        sending.send((number, _checked_chunk(job, files, number, size)))
    sending.close()
    shape_cache.save()  # the parse trees this worker made, kept for later runs


def _checked_chunk(job: Job, files: list[str], number: int, size: int) -> list:
    """The pieces of chunk ``number`` (files ``number * size`` onwards), encoded for the output stream."""
    return [encoded(job.piece(path), job.wire) for path in files[number * size : (number + 1) * size]]


def _take(taken) -> int:
    """The number of the next chunk no process has taken, counted in memory the processes share."""
    with taken.get_lock():
        number = taken.value
        taken.value = number + 1
    return number


def encoded(one, wire: tuple[str, str] | None):
    """A worker's piece with its text as the bytes the output stream would write for it: encoded once
    here instead of pickled as text, unpickled and encoded again by the main process.  A character the
    encoding lacks is replaced, as run.SafeText.write does."""
    if wire is None or not isinstance(one, tuple):
        return one
    text, record = one
    if type(text) is bytes:  # rendered as UTF-8 bytes already (formats.piece, utf8)
        return one
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
    """``jobs - 1`` worker processes and this one take chunks of ``files`` in turn from a shared
    counter: the main process checks files too instead of only waiting for results, and the chunks
    it checks are neither pickled nor sent.  Between its chunks it reads what the workers sent and
    yields every piece whose turn has come.  A chunk taken by a worker that died is checked here."""
    import gc
    import multiprocessing

    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    size = max(1, min(8, len(files) // (jobs * 16)))
    chunks = -(-len(files) // size)  # rounded up
    taken = context.Value("q", 0)
    workers, receiving = [], []
    frozen = gc.get_freeze_count()  # start-up's objects, frozen by run.start_up_over for this process
    gc.freeze()  # the workers never collect what exists now (modules, packs, tables), so its pages stay shared
    try:
        for _ in range(jobs - 1):
            reader, writer = context.Pipe(duplex=False)
            _widen(writer)
            worker = context.Process(target=_worker, args=(job, files, size, chunks, taken, writer), daemon=True)
            worker.start()
            writer.close()  # the worker's alone: its end is seen when the worker closes it
            workers.append(worker)
            receiving.append(reader)
    finally:
        if not frozen:
            gc.unfreeze()  # this process collects as before
    done: dict[int, list] = {}
    turn = 0
    try:
        while (number := _take(taken)) < chunks:
            done[number] = _checked_chunk(job, files, number, size)
            _receive(receiving, done, block=False)
            while turn in done:
                yield from map(_raised, done.pop(turn))
                turn += 1
        while turn < chunks:
            if turn not in done:
                if receiving:
                    _receive(receiving, done, block=True)
                    continue
                done[turn] = _checked_chunk(job, files, turn, size)  # its worker died before sending it
            yield from map(_raised, done.pop(turn))
            turn += 1
    finally:
        for worker in workers:
            if worker.is_alive() and turn < chunks:  # stopped early: an error, Ctrl-C, the output closed
                worker.terminate()
            worker.join()
        for reader in receiving:
            reader.close()


def _receive(receiving: list, done: dict[int, list], block: bool) -> None:
    """Every chunk the workers have sent so far into ``done`` (waiting for one when ``block``); a
    worker whose end is closed is dropped from ``receiving``."""
    from multiprocessing.connection import wait

    for reader in wait(receiving, None if block else 0):
        try:
            while True:
                number, pieces = reader.recv()
                done[number] = pieces
                if not reader.poll():
                    break
        except (EOFError, OSError):
            receiving.remove(reader)
            reader.close()


def _widen(writer) -> None:
    """Let a worker's pipe hold several chunks (Linux: 1 MiB where allowed, against 64 KiB), so a
    worker does not wait while the main process checks a chunk of its own."""
    if not sys.platform.startswith("linux"):
        return
    import fcntl

    try:
        fcntl.fcntl(writer.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)
    except (OSError, ValueError):
        pass


def _raised(result):
    if isinstance(result, ConfigError):
        raise result
    return result
