"""Compiled regular expressions kept between runs, in the per-user cache folder.

Python compiles a regular expression in Python code, and a character class over the CJK blocks
(``[\\u4e00-\\u9fff]``, 28,000 code points) costs it several milliseconds: a cold ``fzcheck check``
spent about a fifth of its time compiling the same hundred patterns on every run.  ``preload``
puts the compiled form that earlier runs stored into ``re``'s own cache, so ``re.compile`` finds
it there; ``save`` stores what this run compiled that the file lacked.

The file is keyed by the interpreter (its cache tag and the regex engine's ``MAGIC``) and written
with ``marshal`` (lists, numbers and strings only), which loads it several times faster than JSON
and is built in: a cold start imports no ``json`` for it.  Every
entry is checked when it is stored: the pattern object built from it must equal (same flags,
pattern and engine code) the one ``re`` compiled.  At most ``LIMIT`` patterns are kept, the newest.  Any
problem — no cache folder, an unreadable or foreign file, an interpreter without these
internals — means nothing is preloaded or stored, and ``re`` compiles as usual.

The pack patterns run on the `regex` package (checker/kinds/_regex.py: its searches take a timeout),
which compiles in Python too (≈ 5 ms for the default pack's patterns on every cold start).  Its
compiled form is kept the same way, in a file of its own: what the package's ``_compile`` passes
to its engine (``_regex.compile``), captured by compiling the pattern again when the run ends, so
an entry is that version's own arguments.  The file names the package's files (name, size and
modification time of each) and its engine's ``MAGIC``, and is used only when both match the
installed package.  Then ``load_stored_regex`` loads the engine, a C extension, by itself, without
the package's Python half (a parser and compiler of some 7,000 lines whose import cost a cold
start ~11 % of its instructions), and ``compiled_from_store`` builds a stored pattern with it;
the package is imported only for a pattern the file lacks.  Patterns with named lists or an
inline locale flag are never stored.
"""

from __future__ import annotations

import marshal
import os
import re
import sys

LIMIT = 1000
_known: set[tuple[str, int]] = set()
_entries: list[list] = []
_regex_known: set[tuple[str, int]] = set()
_regex_file: list = []  # [header, entry, ...] as read by preload, for load_stored_regex
_regex_entries: list[list] = []  # the stored entries load_stored_regex took (kept when the file is written again)
_regex_args: dict[tuple[str, int], list] = {}  # (pattern, flags) → the stored arguments of the engine's compile
_regex_engine: list = []  # the engine load_stored_regex loaded, alone


def _path() -> str | None:
    import _sre

    from .cache import cache_file

    return cache_file(f"regex-{sys.implementation.cache_tag}-{_sre.MAGIC}.marshal")


def preload() -> None:
    """Fill ``re``'s cache with the patterns stored by earlier runs."""
    try:
        import _sre

        path = _path()
        if path is None or not isinstance(re._cache, dict):  # type: ignore[attr-defined]
            return
        with open(path, "rb") as fh:
            entries = marshal.loads(fh.read())  # load(fh) would read it object by object
        cache = re._cache  # type: ignore[attr-defined]
        for pattern, flags, final_flags, code, groups, groupindex, indexgroup in entries:
            if (str, pattern, flags) not in cache:
                cache[str, pattern, flags] = _sre.compile(pattern, final_flags, code, groups, groupindex, tuple(indexgroup))
            _known.add((pattern, flags))
        _entries[:] = entries
    except Exception:  # noqa: BLE001 — a cache must never stop a check
        _known.clear()
        _entries.clear()
    _regex_file[:] = _read_regex_file()


def _regex_path() -> str | None:
    from .cache import cache_file

    return cache_file(f"regex-pkg-{sys.implementation.cache_tag}.marshal")


def _read_regex_file() -> list:
    """The stored `regex` package entries (read without importing the package), or nothing."""
    try:
        path = _regex_path()
        if path is None:
            return []
        with open(path, "rb") as fh:
            stored = marshal.loads(fh.read())
        return stored if isinstance(stored, list) and stored else []
    except Exception:  # noqa: BLE001
        return []


def _regex_header(folder: str, engine, files: list | None = None) -> list:
    """What a stored file must name to be used: the package's folder and files as installed (``files``:
    :func:`_package_files` when already read), and its engine's ``MAGIC``.  An upgrade of the package
    changes the files; another copy of the package, the folder."""
    return [folder, _package_files(folder) if files is None else files, int(engine.MAGIC)]


def _package_files(folder: str) -> list:
    """[name, size, modification time] of each Python file and compiled extension of the package."""
    found = []
    for entry in os.scandir(folder):
        if entry.name.endswith(".py") or entry.name.startswith("_regex."):
            stat = entry.stat()
            found.append([entry.name, stat.st_size, stat.st_mtime_ns])
    return sorted(found)


def _package_folder() -> str | None:
    """Where the `regex` package is installed, found without importing it (None: it is not)."""
    from importlib.machinery import PathFinder

    spec = PathFinder.find_spec("regex")
    locations = spec.submodule_search_locations if spec is not None else None
    return os.path.realpath(locations[0]) if locations else None


def _engine_alone(folder: str):
    """The package's engine, the ``regex._regex`` extension, loaded without the package (which, when
    it is imported later, finds it loaded: ``sys.modules``)."""
    loaded = sys.modules.get("regex._regex")
    if loaded is not None:
        return loaded
    from importlib.machinery import EXTENSION_SUFFIXES, ExtensionFileLoader
    from importlib.util import module_from_spec, spec_from_file_location

    for suffix in EXTENSION_SUFFIXES:
        path = os.path.join(folder, "_regex" + suffix)
        if os.path.isfile(path):
            spec = spec_from_file_location("regex._regex", path, loader=ExtensionFileLoader("regex._regex", path))
            module = module_from_spec(spec)  # type: ignore[arg-type]
            spec.loader.exec_module(module)  # type: ignore[union-attr]
            sys.modules["regex._regex"] = module
            return module
    return None


def load_stored_regex() -> bool:
    """Make the `regex` package patterns stored by earlier runs ready to build (``compiled_from_store``)
    with the package's engine loaded alone; False, with nothing loaded, when the file was written for
    other files of the package, or there is none."""
    try:
        if not _regex_file:
            return False
        folder = _package_folder()
        header = _regex_file[0]
        if folder is None or not isinstance(header, list):
            return False
        files = _package_files(folder)
        if header[:2] != [folder, files]:  # written for other files: the engine is not even loaded
            return False
        engine = _engine_alone(folder)
        if engine is None or header != _regex_header(folder, engine, files):
            return False
        for pattern, flags, args in _regex_file[1:]:
            _regex_args[pattern, flags] = args
            _regex_known.add((pattern, flags))
        _regex_entries[:] = _regex_file[1:]
        _regex_engine[:] = [engine]
        return True
    except Exception:  # noqa: BLE001 — a cache must never stop a check
        _forget_stored_regex()
        return False
    finally:
        _regex_file.clear()


def _forget_stored_regex() -> None:
    _regex_args.clear()
    _regex_known.clear()
    _regex_entries.clear()
    _regex_engine.clear()


def compiled_from_store(pattern: str, flags: int):
    """``pattern`` compiled with ``flags`` by the engine from its stored arguments, or None when none
    are stored (or the engine refuses them: the entry is dropped, and the package's own compile of
    the pattern is stored in its place when the run ends)."""
    args = _regex_args.get((pattern, flags))
    if args is None:
        return None
    try:
        return _regex_engine[0].compile(*args)
    except Exception:  # noqa: BLE001 — a damaged entry: compiled by the package instead
        del _regex_args[pattern, flags]
        _regex_known.discard((pattern, flags))
        _regex_entries[:] = [e for e in _regex_entries if (e[0], e[1]) != (pattern, flags)]
        return None


def save() -> None:
    """Store the patterns compiled in this run that the file does not hold yet.  A full file drops
    its oldest entries for them (patterns of earlier versions go first), so an upgrade never leaves
    the cache full of patterns no run compiles any more."""
    _save_re()
    _save_regex()


def _save_re() -> None:
    try:
        cache = re._cache  # type: ignore[attr-defined]
        if not isinstance(cache, dict):
            return
        new = [(key[1], key[2], compiled) for key, compiled in list(cache.items()) if key[0] is str and (key[1], key[2]) not in _known]
        if not new:
            return
        path = _path()
        if path is None:
            return
        added = [entry for entry in (_entry(p, f, c) for p, f, c in new[:LIMIT]) if entry is not None]
        if added:
            _write(path, (list(_entries) + added)[-LIMIT:])
    except Exception:  # noqa: BLE001
        return


def _save_regex() -> None:
    """Store the `regex` package patterns this run compiled that the file lacks (when it was imported)."""
    try:
        main = sys.modules.get("regex._main")
        if main is None:
            return
        version = main.DEFAULT_VERSION
        new = [
            (key[0], key[2])
            for key in list(main._cache)
            if key[1] is str and not key[3] and key[4] == version and key[5] is None and (key[0], key[2]) not in _regex_known
        ]
        path = _regex_path()
        if not new or path is None:
            return
        added = [entry for entry in (_regex_entry(main, p, f) for p, f in new[:LIMIT]) if entry is not None]
        if added:
            _write(path, [_regex_header(os.path.realpath(os.path.dirname(main.__file__)), main._regex), *(list(_regex_entries) + added)[-LIMIT:]])
    except Exception:  # noqa: BLE001
        return


def _regex_entry(main, pattern: str, flags: int) -> list | None:
    """[pattern, flags, the arguments the package's ``_compile`` gives its engine for them], taken by
    compiling the pattern again (not into the cache) with the engine's ``compile`` recorded; None for
    a pattern that uses named lists or an inline locale flag."""
    engine = main._regex
    calls: list[tuple] = []

    class Recorded:  # the engine module, its compile recorded
        def __getattr__(self, name):
            return getattr(engine, name)

        def compile(self, *args):
            calls.append(args)
            return engine.compile(*args)

    main._regex = Recorded()
    try:
        main._compile(pattern, flags, False, {}, False)
    finally:
        main._regex = engine
    if len(calls) != 1 or main._locale_sensitive.get((str, pattern)) is not False:
        return None
    args = calls[0]
    if len(args) < 7 or args[0] != pattern or args[5] or args[6]:  # named lists: kept out
        return None
    entry = [pattern, int(flags), [args[0], int(args[1]), *args[2:]]]  # the flags as a plain int (an enum member)
    try:
        marshal.dumps(entry)
    except ValueError:  # a value marshal cannot store
        return None
    return entry


def _entry(pattern: str, flags: int, compiled: re.Pattern) -> list | None:
    """What ``re._compiler.compile`` passes to the engine, if rebuilding from it gives ``compiled``."""
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # plain ints (opcodes are an int subclass)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    entry = [pattern, int(flags), int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, indexgroup]
    rebuilt = _sre.compile(pattern, entry[2], code, entry[4], groupindex, tuple(indexgroup))
    if rebuilt != compiled or rebuilt.groupindex != compiled.groupindex or rebuilt.groups != compiled.groups:
        return None
    return entry


def _write(path: str, entries: list) -> None:
    from .cache import write_whole

    write_whole(path, marshal.dumps(entries), ".regex-")  # made before the file: a value marshal refuses leaves none
