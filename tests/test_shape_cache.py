"""checker/parse/shape_cache.py: the outline grammar's parse trees kept between runs."""

from __future__ import annotations

import marshal
import subprocess
import sys
from pathlib import Path

import pytest

from checker.ingest import read_path
from checker.model import Document
from checker.parse import outline, shape_cache
from checker.parse.classify import classify

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))


@pytest.fixture
def fresh(tmp_path, monkeypatch) -> Path:
    """An empty cache folder and a process that has parsed nothing yet."""
    monkeypatch.setenv("FZCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(outline, "_SHAPES", {})
    monkeypatch.setattr(shape_cache, "_stored", None)
    monkeypatch.setattr(shape_cache, "_added", {})
    return tmp_path


def forget_this_process(monkeypatch) -> None:
    """As a new process: nothing parsed, nothing read from the file yet."""
    monkeypatch.setattr(outline, "_SHAPES", {})
    monkeypatch.setattr(shape_cache, "_stored", None)


def no_lark(monkeypatch) -> None:
    def refuse():
        raise AssertionError("lark was asked to parse a sequence the cache holds")

    monkeypatch.setattr(outline, "_parser", refuse)


def outline_of(doc: Document):
    return outline.parse_document(doc)  # an Outline compares its sections, items and lines


def types_of(doc: Document) -> tuple[str, ...]:
    kinds, headings = classify(doc.lines, doc.style_levels)
    return tuple(t.type for t in outline.Tokens(kinds, headings).tokens)


def test_a_stored_tree_is_used_without_lark_and_gives_the_same_outline(fresh: Path, monkeypatch):
    docs = [read_path(p) for p in SEEDS]
    first = [outline_of(d) for d in docs]
    shape_cache.save()
    (stored,) = fresh.glob("outline-shapes-*.marshal")
    assert set(marshal.loads(stored.read_bytes())) == {" ".join(types_of(d)) for d in docs}
    forget_this_process(monkeypatch)
    no_lark(monkeypatch)
    assert [outline_of(d) for d in docs] == first


def test_an_unsound_stored_tree_is_refused_and_lark_parses(fresh: Path, monkeypatch):
    doc = read_path(SEEDS[0])
    expected = outline_of(doc)
    types = types_of(doc)
    shape_cache.save()
    (stored,) = fresh.glob("outline-shapes-*.marshal")
    count = len(types)
    key = shape_cache.key_of(types)
    unsound = [tuple(range(count - 1)), tuple(reversed(range(count))), (tuple(range(count)), count), ("x",) * count]
    entries = [marshal.dumps(bad) for bad in unsound]
    entries += [tuple(range(count)), b"not marshal", marshal.dumps(tuple(range(count)))[:-1]]  # not bytes; damaged
    for entry in entries:
        stored.write_bytes(marshal.dumps({key: entry}))
        forget_this_process(monkeypatch)
        assert shape_cache.stored_shape(types) is None
        assert outline_of(doc) == expected


def test_a_damaged_or_foreign_file_is_ignored(fresh: Path, monkeypatch):
    doc = read_path(SEEDS[1])
    expected = outline_of(doc)
    shape_cache.save()
    (stored,) = fresh.glob("outline-shapes-*.marshal")
    for data in [b"not marshal", marshal.dumps([1, 2, 3]), marshal.dumps({"key": (0,)}), b""]:
        stored.write_bytes(data)
        forget_this_process(monkeypatch)
        assert outline_of(doc) == expected


def test_each_token_once_in_order():
    assert shape_cache.holds_each_token_once((0, (1, 2, (3,)), 4), 5)
    assert shape_cache.holds_each_token_once((), 0)
    assert not shape_cache.holds_each_token_once((0, (2, 1)), 3)  # out of order
    assert not shape_cache.holds_each_token_once((0, (1, 1)), 3)  # one twice, one missing
    assert not shape_cache.holds_each_token_once((0, 1, 2), 2)  # one too many
    assert not shape_cache.holds_each_token_once((0, [1]), 2)  # not a tuple
    assert not shape_cache.holds_each_token_once((0, "1"), 2)
    deep: tuple = (0,)
    for _ in range(12):
        deep = (deep,)
    assert not shape_cache.holds_each_token_once(deep, 1)  # deeper than the grammar nests


def test_saves_add_to_what_is_stored(fresh: Path, monkeypatch):
    shape_cache.remember(("BODY",), (0,))
    shape_cache.save()
    shape_cache.remember(("TITLE", "BODY"), ((0,), 1))
    shape_cache.save()
    (stored,) = fresh.glob("outline-shapes-*.marshal")
    assert marshal.loads(stored.read_bytes()) == {"BODY": marshal.dumps((0,)), "TITLE BODY": marshal.dumps(((0,), 1))}
    assert shape_cache._added == {}
    forget_this_process(monkeypatch)
    assert shape_cache.stored_shape(("TITLE", "BODY")) == ((0,), 1)
    assert shape_cache.stored_shape(("BODY", "TITLE")) is None


def test_no_file_when_caching_is_off(monkeypatch, tmp_path):
    monkeypatch.setenv("FZCHECK_CACHE_DIR", "")
    monkeypatch.setattr(shape_cache, "_stored", None)
    monkeypatch.setattr(shape_cache, "_added", {})
    shape_cache.remember(("BODY",), (0,))
    shape_cache.save()
    assert shape_cache.stored_shape(("BODY",)) is None


def test_workers_of_a_batch_store_the_trees_they_parsed(tmp_path: Path):
    """Every sequence met by `check --jobs 2` over a folder ends in the file, whichever process parsed it."""
    folder = tmp_path / "reports"
    folder.mkdir()
    heads = ["一、", "二、", "三、", "四、", "五、"]
    for n in range(8):
        parts = [f"{heads[k]}第{k}部分\n正文内容。\n" + ("（一）小节\n内容。\n" if (n >> k) & 1 else "") for k in range(1 + n % 5)]
        (folder / f"r{n}.txt").write_text("某镇2025年法治政府建设年度报告\n\n" + "".join(parts), encoding="utf-8")
    cache = tmp_path / "cache"
    env = {"FZCHECK_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-m", "checker", "check", "--no-config", "--jobs", "2", str(folder)], env=env, capture_output=True, check=False)
    assert out.returncode in (0, 1), out.stderr
    (stored,) = cache.glob("outline-shapes-*.marshal")
    expected = {shape_cache.key_of(types_of(read_path(p))) for p in sorted(folder.glob("*.txt"))}
    assert len(expected) > 3
    assert set(marshal.loads(stored.read_bytes())) == expected
