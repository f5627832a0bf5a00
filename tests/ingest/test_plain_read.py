"""ingest/plain.read_plain_utf8 reads the common text file (UTF-8, simplified characters, nothing
odd) with one search instead of the general path's three: whenever it reads a file, it gives exactly
what the general path (ingest.read_text_bytes: decode.decode_bytes then cleanup.build_document)
gives, Document and decoded text; whatever it declines (None) the general path reads."""

from __future__ import annotations

import codecs
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.ingest import InputError, cleanup, plain, read_text_bytes
from checker.ingest.plain import read_plain_utf8
from checker.limits import LimitExceeded

FRAGMENTS = [
    "一、总体情况", "（一）加强领导", "法治政府建设", "。", "，", " ", "\t", "\n", "\n\n", "\r\n", "\r", "# 标题\n",
    "[bookmark: _GoBack]", "[", "{ PAGE }", "\\* MERGEFORMAT", "错误！未找到引用源。", "错", "\u200b", "\ufeff", "\u00ad",
    "們個這為與", "們", "國", "\x00", "\x01", "\x1f", "\x0b\x0c", "\ue000", "\uf8ff", "\ud7ff", "BM", "MZ", "GIF89a",
]  # fmt: skip
RAW_BYTES = [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x80", b"\xc3", b"\xb8\xdf", b"\x00", b"\x89PNG\r\n\x1a\n"]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=40).map("".join)
datas = st.one_of(
    texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
    texts.map(lambda t: codecs.BOM_UTF8 + t.encode("utf-8", "surrogatepass")),
    st.lists(st.one_of(texts.map(lambda t: t.encode("utf-8", "surrogatepass")), st.sampled_from(RAW_BYTES))).map(b"".join),
    texts.map(lambda t: t.encode("gb18030", "replace")),
)


def _outcome(read, data: bytes, path: str = "x.txt"):
    try:
        return read(data, path)
    except (InputError, LimitExceeded) as exc:
        return type(exc), str(exc)


def _same_as_general(data: bytes, path: str = "x.txt") -> None:
    fast = _outcome(read_plain_utf8, data, path)
    if fast is not None:
        assert fast == _outcome(read_text_bytes, data, path)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datas)
def test_what_the_plain_reader_reads_is_what_the_general_path_reads(data):
    _same_as_general(data)


@pytest.mark.parametrize(
    "text",
    [
        "一、总体情况\n们个这为与\n",  # simplified
        "一、總體情況\n們個這為與說時國會\n",  # traditional: read through the table
        "們" * 4 + "\n正文",  # four traditional-only characters: not enough
        "x" * 19996 + "們們們們們",  # the fifth after the 20,000 characters looked at
        "x" * 19990 + "們們們們們",
        "正文\ue000私用区\n",
        "正文\x01控制符\n",
        "a" * 5000 + "\x01",  # a control character past the 4,096 the binary test samples
        "一、情况[bookmark: _GoBack]\r\n（一）领导\r\n",
        "一\r二\r三",
        "x" * 20001 + "\n二、",  # an overlong line
        "\ufeff\ufeff正文",
    ],
)
def test_the_cases_at_each_boundary_read_alike(text):
    for data in (text.encode("utf-8"), codecs.BOM_UTF8 + text.encode("utf-8")):
        _same_as_general(data)


def test_too_many_lines_is_the_same_refusal(monkeypatch):
    monkeypatch.setattr(cleanup, "MAX_LINES", 3)
    monkeypatch.setattr(plain, "MAX_LINES", 3)
    data = "一\n二\n三\n四\n".encode()
    assert _outcome(read_plain_utf8, data) == _outcome(read_text_bytes, data)
    assert _outcome(read_plain_utf8, data)[0] is LimitExceeded


def test_every_corpus_report_takes_the_plain_reader(bench_corpus):
    """The shortcut is what the benchmark corpus (plain UTF-8 reports, some with a byte-order mark) meets."""
    reports = sorted(bench_corpus.glob("r0*.txt"))[:200]
    assert len(reports) == 200
    for report in reports:
        data = report.read_bytes()
        got = read_plain_utf8(data, str(report))
        assert got is not None, report
        assert got == read_text_bytes(data, str(report))


def test_the_three_searches_are_one_character_class_each():
    """plain._MARKS joins the insides of three patterns: each must be exactly one class."""
    parser = getattr(re, "_parser", None)
    if parser is None:  # Python 3.10
        import sre_parse as parser  # noqa: PLC0415
    for pattern in (plain._ODD, plain._PROBE_RE, plain._LEFTOVER_HINT):
        parsed = list(parser.parse(pattern.pattern))
        assert len(parsed) == 1 and str(parsed[0][0]) == "IN", pattern.pattern
