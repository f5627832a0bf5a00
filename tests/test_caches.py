"""The per-user caches of a cold start: compiled regular expressions and validated rule packs."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from checker import packs, regex_cache

ROOT = Path(__file__).resolve().parent.parent
SEED = sorted((ROOT / "fixtures" / "seeds").glob("004_*.txt"))[0]


@pytest.fixture
def cache_folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("FZCHECK_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_stored_patterns_come_back_equal_to_what_re_compiles(cache_folder: Path, monkeypatch):
    monkeypatch.setattr(regex_cache, "_known", set())
    monkeypatch.setattr(regex_cache, "_entries", [])
    patterns = [r"(?<=[\u4e00-\u9fff])[ \u3000](?P<after>[0-9]+)", r"[,;:?!](?:(?<=[一-龥].)|(?=[ \t]*[一-龥]))", r"(?i)abc|d(e)f"]
    compiled = [re.compile(p) for p in patterns]
    regex_cache.save()
    stored = cache_folder / Path(regex_cache._path()).name
    re.purge()
    regex_cache._known.clear()
    regex_cache.preload()
    for pattern, original in zip(patterns, compiled):
        again = re.compile(pattern)  # from re's cache, filled by preload
        assert again is not original and again == original
        assert again.groupindex == original.groupindex and again.groups == original.groups
        assert [m.span() for m in again.finditer("汉 12 abc, 汉")] == [m.span() for m in original.finditer("汉 12 abc, 汉")]
    assert stored.stat().st_size > 0


def test_a_damaged_regex_cache_is_ignored(cache_folder: Path, monkeypatch):
    monkeypatch.setattr(regex_cache, "_known", set())
    monkeypatch.setattr(regex_cache, "_entries", [])
    stored = cache_folder / Path(regex_cache._path()).name
    stored.write_bytes(marshal.dumps([["x", 0, 32, [1, 2, 3], 0, {}, []]]))
    regex_cache.preload()  # the engine refuses the code: nothing is preloaded, nothing raised
    assert regex_cache._known == set()
    stored.write_bytes(b"not marshal data")
    regex_cache.preload()
    assert regex_cache._known == set()
    assert re.compile("x").match("x")


def test_a_pack_set_is_validated_once_then_loaded_from_the_cache(cache_folder: Path, tmp_path: Path, monkeypatch):
    county = tmp_path / "county.toml"
    county.write_text('[[rule]]\ncode = "FZ105"\nenabled = false\n', encoding="utf-8")
    first = packs.load_ruleset((county,))
    assert len(list(cache_folder.glob("packs-*.pickle"))) == 1
    monkeypatch.setattr(packs, "_build_rule", lambda *a: pytest.fail("validated again"))
    again = packs.load_ruleset((county,))
    assert again.rules == first.rules and again.roles == first.roles and again.lookalikes == first.lookalikes
    assert again.rules["FZ105"].enabled is False


def test_a_changed_pack_is_validated_again(cache_folder: Path, tmp_path: Path):
    county = tmp_path / "county.toml"
    county.write_text('[[rule]]\ncode = "FZ105"\nenabled = false\n', encoding="utf-8")
    assert packs.load_ruleset((county,)).rules["FZ105"].enabled is False
    county.write_text('[[rule]]\ncode = "FZ105"\nseverity = "info"\n', encoding="utf-8")
    changed = packs.load_ruleset((county,))
    assert changed.rules["FZ105"].enabled is True and changed.rules["FZ105"].severity == "info"
    county.write_text('[[rule]]\ncode = "FZ105"\nseverity = "loud"\n', encoding="utf-8")
    with pytest.raises(packs.ConfigError, match="severity 只能是"):
        packs.load_ruleset((county,))


def test_cold_runs_with_and_without_caches_agree(tmp_path: Path):
    """The console script's output is the same on a first run (caches written), a second (caches
    read) and with caching off."""

    def run(cache: str) -> bytes:
        env = {"FZCHECK_CACHE_DIR": cache, "PATH": "/usr/bin:/bin"}
        out = subprocess.run([sys.executable, "-m", "checker", "check", "--no-config", "-f", "json", str(SEED)], env=env, capture_output=True, check=False)
        assert out.returncode in (0, 1), out.stderr
        return out.stdout

    folder = tmp_path / "cache"
    first, second, none = run(str(folder)), run(str(folder)), run("")
    assert first == second == none
    assert list(folder.glob("regex-cpython-*.marshal")) and list(folder.glob("regex-pkg-*.marshal")) and list(folder.glob("packs-*.pickle"))
    assert list(folder.glob("dataclasses-*.marshal")) and list(folder.glob("outline-shapes-*.marshal"))


def test_stored_dataclass_methods_are_the_code_python_compiles(cache_folder: Path, monkeypatch):
    """code_cache: a dataclass defined through the table behaves as one compiled as usual, and a
    fresh process's table holds code equal to what ``compile`` gives for the same source."""
    import dataclasses

    from checker import code_cache

    monkeypatch.setattr(code_cache, "_codes", {})
    monkeypatch.setattr(code_cache, "_used", set())
    monkeypatch.setattr(code_cache, "_added", False)
    monkeypatch.setattr(dataclasses, "exec", exec, raising=False)
    code_cache.install()
    assert dataclasses.exec is code_cache._exec

    @dataclasses.dataclass(frozen=True)
    class Point:
        x: int
        y: int = 2

    assert Point(1) == Point(1, 2) and repr(Point(1)).endswith(".Point(x=1, y=2)") and hash(Point(1)) == hash(Point(1, 2))
    with pytest.raises(dataclasses.FrozenInstanceError):
        Point(1).x = 3  # type: ignore[misc]
    assert code_cache._added and code_cache._codes
    code_cache.save()
    (stored,) = cache_folder.glob("dataclasses-*.marshal")
    table = marshal.loads(stored.read_bytes())
    assert set(table) == set(code_cache._codes)
    for source, code in table.items():
        assert code == compile(source, "<string>", "exec", dont_inherit=True)


def test_a_damaged_dataclass_cache_is_ignored(cache_folder: Path, monkeypatch):
    import dataclasses

    from checker import code_cache

    monkeypatch.setattr(code_cache, "_codes", {})
    monkeypatch.setattr(dataclasses, "exec", exec, raising=False)
    Path(code_cache._path()).write_bytes(b"not marshal data")
    code_cache.install()
    assert code_cache._codes == {}

    @dataclasses.dataclass
    class Pair:
        a: int

    assert Pair(1) == Pair(1)


def test_a_pattern_marshal_refuses_leaves_no_stray_file(cache_folder: Path, monkeypatch):
    """regex_cache._write: the data is made before the temporary file, so a refusal leaves nothing behind."""
    with pytest.raises(ValueError):
        regex_cache._write(str(cache_folder / "regex-x.marshal"), [object()])
    assert list(cache_folder.iterdir()) == []


def test_a_cache_file_is_replaced_whole_and_a_failed_write_leaves_nothing(cache_folder: Path):
    from checker.cache import cache_file, write_whole

    path = cache_file("x.bin")
    assert path == str(cache_folder / "x.bin")
    assert write_whole(path, b"old") and write_whole(path, b"new")
    assert Path(path).read_bytes() == b"new"
    assert [p.name for p in cache_folder.iterdir()] == ["x.bin"]  # no temporary file left
    assert not write_whole(str(cache_folder / "missing-folder" / "y.bin"), b"data")
    assert not write_whole(str(cache_folder / "x.bin" / "z.bin"), b"data")  # a file where a folder should be
    assert [p.name for p in cache_folder.iterdir()] == ["x.bin"]


def test_no_cache_file_when_caching_is_off(monkeypatch):
    from checker.cache import cache_file

    monkeypatch.setenv("FZCHECK_CACHE_DIR", "")
    assert cache_file("x.bin") is None


def test_a_full_regex_cache_drops_its_oldest_patterns_for_new_ones(cache_folder: Path, monkeypatch):
    old = [rf"old{n}[\u4e00-\u9fff]+" for n in range(3)]
    entries = [regex_cache._entry(p, 0, re.compile(p)) for p in old]
    monkeypatch.setattr(regex_cache, "LIMIT", 3)
    monkeypatch.setattr(regex_cache, "_entries", entries)
    monkeypatch.setattr(regex_cache, "_known", {(p, 0) for p in old} | {(k[1], k[2]) for k in re._cache if k[0] is str})
    fresh = r"fresh[\u4e00-\u9fff]{2,}"
    re.compile(fresh)
    regex_cache.save()
    stored = cache_folder / Path(regex_cache._path()).name
    assert [entry[0] for entry in marshal.loads(stored.read_bytes())] == [old[1], old[2], fresh]


@pytest.fixture
def regex_package(monkeypatch):
    """The `regex` package's caches and regex_cache's record of them, emptied for one test."""
    import regex._main as main

    for name in ("_cache", "_named_args", "_locale_sensitive"):
        monkeypatch.setattr(main, name, {})
    for name in ("_regex_known", "_regex_entries", "_regex_file", "_regex_args", "_regex_engine"):
        monkeypatch.setattr(regex_cache, name, type(getattr(regex_cache, name))())
    return main


def _reloaded(main) -> bool:
    """A new run: the package's cache empty, the stored file read and loaded (whether it was)."""
    main._cache.clear()
    main._named_args.clear()
    main._locale_sensitive.clear()
    regex_cache._forget_stored_regex()
    regex_cache._regex_file[:] = regex_cache._read_regex_file()
    return regex_cache.load_stored_regex()


def test_stored_regex_package_patterns_come_back_matching_as_compiled(cache_folder: Path, regex_package):
    import regex

    patterns = [(r"(?<=[\u4e00-\u9fff])[ \u3000](?P<after>[0-9]+)", 0), (r"^第[一二三]条$", regex.MULTILINE), (r"abc|d(e)f", regex.IGNORECASE)]
    compiled = [regex.compile(p, f) for p, f in patterns]
    regex_cache._save_regex()
    (stored,) = cache_folder.glob("regex-pkg-*.marshal")
    assert _reloaded(regex_package)
    assert regex_cache._regex_known == {(p, int(f)) for p, f in patterns}
    text = "汉 12 abc, DEF 汉\n第二条\n第四条"
    for (pattern, flags), original in zip(patterns, compiled):
        again = regex_cache.compiled_from_store(pattern, int(flags))  # built by the engine from the file
        assert again is not None and again is not original
        assert (again.pattern, again.flags, again.groups, again.groupindex) == (original.pattern, original.flags, original.groups, original.groupindex)
        assert [m.span() for m in again.finditer(text)] == [m.span() for m in original.finditer(text)]
        assert [m.groups() for m in again.finditer(text, timeout=1.0)] == [m.groups() for m in original.finditer(text)]
    assert regex_package._cache == {}  # the package compiled none of them again
    assert stored.stat().st_size > 0


def test_only_a_pattern_the_file_lacks_is_compiled_by_the_package(cache_folder: Path, regex_package):
    import regex

    regex.compile(r"[0-9]+年")
    regex_cache._save_regex()
    assert _reloaded(regex_package)
    assert regex_cache.compiled_from_store(r"[0-9]+年", 0).match("2025年")
    assert regex_cache.compiled_from_store(r"[0-9]+月", 0) is None
    regex.compile(r"[0-9]+月")  # what kinds/_regex does for it: the package compiles it, and it is stored
    regex_cache._save_regex()
    assert _reloaded(regex_package)
    assert regex_cache.compiled_from_store(r"[0-9]+月", 0).match("12月")
    assert regex_cache.compiled_from_store(r"[0-9]+年", 0).match("2025年")  # kept when the file was written again


def test_regex_package_patterns_with_named_lists_or_an_inline_locale_are_not_stored(cache_folder: Path, regex_package):
    import regex

    regex.compile(r"\L<words>", words=["甲", "乙"])
    regex.compile(rb"(?L)\w+")
    regex.compile(r"plain")
    regex_cache._save_regex()
    assert _reloaded(regex_package)
    assert regex_cache._regex_known == {("plain", 0)}


def test_a_regex_package_cache_of_other_files_or_damaged_is_ignored(cache_folder: Path, regex_package):
    import regex

    regex.compile(r"[0-9]+日")
    regex_cache._save_regex()
    (stored,) = cache_folder.glob("regex-pkg-*.marshal")
    data = marshal.loads(stored.read_bytes())
    folder, files, magic = data[0]
    upgraded = [[name, size + 1, mtime] for name, size, mtime in files]  # written for other files of the package
    stored.write_bytes(marshal.dumps([[folder, upgraded, magic], *data[1:]]))
    assert not _reloaded(regex_package)
    assert regex_cache._regex_known == set() and regex_cache.compiled_from_store(r"[0-9]+日", 0) is None
    stored.write_bytes(marshal.dumps([[folder, files, magic + 1], *data[1:]]))  # for another engine
    assert not _reloaded(regex_package)
    stored.write_bytes(marshal.dumps([data[0], [r"[0-9]+日", 0, [r"[0-9]+日", 0, [1, 2, 3]]]]))  # code the engine refuses
    assert _reloaded(regex_package)
    assert regex_cache.compiled_from_store(r"[0-9]+日", 0) is None  # dropped: compiled by the package instead
    assert regex_cache._regex_known == set() and regex_cache._regex_entries == []
    stored.write_bytes(b"not marshal data")
    assert not _reloaded(regex_package)
    assert regex_cache._regex_known == set()
    assert regex.compile(r"[0-9]+日").match("12日")


_RUN_WITH_STORE = """
import sys
from checker import regex_cache
regex_cache.preload()
from checker.kinds import _regex
print("alone", _regex._STORED, "regex._main" in sys.modules)
known = _regex._engine_compile("[0-9]+年")
new = _regex._engine_compile(sys.argv[1])
import regex
print("shared", regex._main._regex is sys.modules["regex._regex"], type(known) is type(new))
print("match", bool(known.match("2025年")), bool(new.match("12月3日")))
regex_cache.save()
"""


def test_a_pattern_not_stored_brings_in_the_package_which_shares_the_engine_loaded_alone(tmp_path: Path):
    """A run whose stored patterns were built by the engine alone imports the package for a new one:
    the package takes that same engine (one copy of the extension, one Pattern type), and what it
    compiled is stored for the next run, which again needs no package."""
    env = {**os.environ, "FZCHECK_CACHE_DIR": str(tmp_path)}

    def run(pattern: str) -> list[str]:
        out = subprocess.run([sys.executable, "-c", _RUN_WITH_STORE, pattern], env=env, capture_output=True, text=True, check=True)
        return out.stdout.split("\n")[:3]

    assert run("[0-9]+年")[0] == "alone False True"  # nothing stored yet: the package is imported, compiles, stores
    assert run("[0-9]+月[0-9]+日") == ["alone True False", "shared True True", "match True True"]
    assert run("[0-9]+月[0-9]+日")[0] == "alone True False"
    stored = marshal.loads(next(tmp_path.glob("regex-pkg-*.marshal")).read_bytes())
    assert {entry[0] for entry in stored[1:]} >= {"[0-9]+年", "[0-9]+月[0-9]+日"}


def test_a_cold_check_builds_the_pack_patterns_without_the_regex_package(tmp_path: Path):
    """With the patterns stored by an earlier run, a check (a fix's replacement template expanded
    too) never imports the package's Python half: its engine is loaded alone."""
    report = tmp_path / "r.txt"
    report.write_text("加大对各村(社区)普法工作力度。\n", encoding="utf-8")
    args = ["check", "--no-cache", "--format", "json", str(report)]
    first = _imported(args, tmp_path)
    assert "checker.kinds.pattern" in first and not {"regex", "regex._main", "regex._regex_core"} & first
    env = {**os.environ, "FZCHECK_CACHE_DIR": str(tmp_path / "cache")}
    run = [sys.executable, "-c", "import sys; sys.argv[0] = 'fzcheck'; from checker.console import main; main()", *args]
    stored = subprocess.run(run, env=env, capture_output=True, text=True, check=False)
    fresh = subprocess.run(run, env={**env, "FZCHECK_CACHE_DIR": str(tmp_path / "other")}, capture_output=True, text=True, check=False)
    assert "（社区）" in stored.stdout and "FZ402" in stored.stdout
    assert stored.stdout.replace(str(tmp_path / "cache"), "") == fresh.stdout.replace(str(tmp_path / "other"), "")


def test_every_dataclass_of_the_checker_has_a_docstring():
    """Python 3.10 and 3.11 write a docstring for a dataclass without one with ``inspect.signature``:
    one such class on the way of a check imports ``inspect`` (code_cache._dataclasses_without_inspect)."""
    import ast

    missing = []
    for path in sorted((ROOT / "checker").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any("dataclass" in ast.unparse(d) for d in node.decorator_list):
                if ast.get_docstring(node) is None:
                    missing.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert missing == []


def _imported(args: list[str], tmp_path: Path) -> set[str]:
    """The modules a fresh ``fzcheck`` imports for ``args`` (``-X importtime``), its caches filled first."""
    env = {**os.environ, "FZCHECK_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [sys.executable, "-X", "importtime", "-c", "import sys; sys.argv[0] = 'fzcheck'; from checker.console import main; main()", *args]
    subprocess.run(command, env=env, capture_output=True, check=False)  # fills the caches
    out = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert out.returncode in (0, 1), out.stderr[-2000:]
    return {line.rsplit("|", 1)[1].strip() for line in out.stderr.splitlines() if line.startswith("import time:") and "|" in line}


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="Python 3.12's dataclasses read every class's annotations with inspect")
def test_a_cold_check_never_imports_inspect(tmp_path: Path):
    one = _imported(["check", "--no-cache", str(SEED)], tmp_path)
    assert "dataclasses" in one and "checker.model" in one  # what was measured is a check
    assert not {"inspect", "ast", "dis"} & one
    several = _imported(["check", "--no-cache", "--format", "json", str(SEED.parent)], tmp_path)
    assert "checker.batch" in several and not {"inspect", "ast", "dis"} & several


def test_a_dataclass_without_a_docstring_still_gets_the_usual_one():
    """The stand-in for ``inspect`` imports the real module the first time it is read."""
    script = (
        "import sys\n"
        "from checker import code_cache\n"
        "code_cache.install()\n"
        "assert 'inspect' not in sys.modules, 'imported at once'\n"
        "from dataclasses import dataclass, field\n"
        "@dataclass(frozen=True)\n"
        "class Plain:\n"
        "    x: int\n"
        "    y: tuple = field(default=())\n"
        "print(Plain.__doc__)\n"
        "import inspect\n"
        "print(type(inspect).__name__, inspect.signature is not None)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "FZCHECK_CACHE_DIR"}
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["Plain(x: int, y: tuple = ())", "module True"]
