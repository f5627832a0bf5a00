"""The methods of dataclasses, compiled once and kept between runs in the per-user cache folder.

``@dataclass`` writes the source of each class's ``__init__``, ``__repr__``, ``__eq__``, ``__hash__``
and (frozen) ``__setattr__``/``__delattr__`` and compiles it when the class is defined: a cold
``fzcheck check`` defines about eighty dataclasses (the model, the rule kinds' parameters, the
formats) and spent a fifth of its time compiling those few hundred small functions again, each run.
``install`` gives the ``dataclasses`` module an ``exec`` that takes the compiled code from a table
keyed by the exact source text (filled from the file earlier runs stored) and compiles only what is
missing, exactly as the built-in ``exec`` would (same file name, no inherited compiler flags); the
functions are then built from that code as before.  ``save`` stores the table when this run added
to it.

The file is keyed by the interpreter's bytecode magic number and optimisation level, and written
with ``marshal``, as Python's own ``.pyc`` files are; it lives beside the other caches of
``checker/cache.py`` (the per-user folder, never a shared one).  Any problem — no cache folder, a
damaged or foreign file — means nothing is taken from it and every method is compiled as usual.
"""

from __future__ import annotations

import builtins
import marshal
import sys

LIMIT = 3000  # entries kept: past this, a run stores only what it used itself
_codes: dict[str, object] = {}
_used: set[str] = set()
_added = False


def _path() -> str | None:
    from importlib._bootstrap_external import MAGIC_NUMBER  # type: ignore[attr-defined]  # loaded at start-up

    from .cache import cache_file

    return cache_file(f"dataclasses-{sys.implementation.cache_tag}-{MAGIC_NUMBER.hex()}-O{sys.flags.optimize}.marshal")


def install() -> None:
    """Load the stored table and route the ``dataclasses`` module's ``exec`` through it."""
    try:
        dataclasses = _dataclasses_without_inspect()

        path = _path()
        if path is None:
            return
        try:
            with open(path, "rb") as fh:
                stored = marshal.loads(fh.read())  # marshal.load(fh) would read it object by object
        except (OSError, EOFError, ValueError, TypeError):
            stored = None
        if isinstance(stored, dict):
            _codes.update((k, v) for k, v in stored.items() if type(k) is str and type(v) is _CODE)
        dataclasses.exec = _exec  # type: ignore[attr-defined]  # found before the built-in by the module's code
    except Exception:  # noqa: BLE001 — a cache must never stop a check
        return


_CODE = type(install.__code__)


def _dataclasses_without_inspect():
    """The ``dataclasses`` module, imported without importing ``inspect`` (with ``ast`` and ``dis``,
    about a fifteenth of a cold check's instructions) until it is used.  Python 3.11's dataclasses
    use it only to write a docstring for a class that has none (every class of fzcheck has one:
    tests/test_caches.py holds a cold check to never importing it); a Python whose dataclasses use
    it for every class imports it at the first class, as before.  The stand-in is seen by the
    ``dataclasses`` module only: it leaves ``sys.modules`` as soon as that is imported."""
    if "dataclasses" in sys.modules or "inspect" in sys.modules:
        import dataclasses

        return dataclasses
    stand_in = sys.modules["inspect"] = _Deferred("inspect")
    try:
        import dataclasses
    finally:
        if sys.modules.get("inspect") is stand_in:
            del sys.modules["inspect"]
    return dataclasses


class _Deferred(type(sys)):  # a module
    """Stands for a module not imported yet: the first attribute read imports it."""

    def __getattr__(self, name: str):
        import importlib

        return getattr(importlib.import_module(self.__name__), name)


def _exec(source, globals=None, locals=None):
    """``exec`` for the dataclasses module: a source text's code compiled once, then taken from the table."""
    global _added
    if type(source) is str:
        code = _codes.get(source)
        if code is None:
            code = _codes[source] = compile(source, "<string>", "exec", dont_inherit=True)
            _added = True
        _used.add(source)
        source = code
    return builtins.exec(source, globals, locals)


def save() -> None:
    """Store the table if this run compiled anything the stored one lacked."""
    if not _added:
        return
    try:
        path = _path()
        if path is None:
            return
        kept = _codes if len(_codes) <= LIMIT else {k: _codes[k] for k in _used}
        _write(path, marshal.dumps(kept))
    except Exception:  # noqa: BLE001
        return


def _write(path: str, data: bytes) -> None:
    from .cache import write_whole

    write_whole(path, data, ".dataclasses-")
