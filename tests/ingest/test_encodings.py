"""Text in every common encoding gives the same findings, lines and columns as the UTF-8 seed."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from checker.api import check_bytes, check_path
from checker.ingest import InputError, read_bytes
from checker.positions import LineIndex

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "fixtures" / "seeds" / "001_e08a30d98d0b93f2.txt"
ENC = ROOT / "fixtures" / "encodings"


def _positions(result) -> list[tuple[str, int, int, int, int]]:
    index = LineIndex(result.document.text)
    return [(d.code, *index.line_col(d.span.start), *index.line_col(d.span.end)) for d in result.diagnostics]


BASE = _positions(check_path(SEED, discover=False))

ENCODED = [
    ("utf8-bom.txt", "utf-8-sig"),
    ("utf16le-bom.txt", "utf-16"),
    ("utf16be-bom.txt", "utf-16"),
    ("utf16le.txt", "utf-16-le"),
    ("gbk.txt", "gbk"),
    ("gbk-crlf.txt", "gbk"),
]


def test_the_seed_has_findings_to_compare():
    assert [p[0] for p in BASE][:3] == ["FZ203", "FZ105", "FZ407"]
    assert ("FZ450", 22, 1, 22, 20) in BASE


@pytest.mark.parametrize("name,encoding", ENCODED, ids=[e[0] for e in ENCODED])
def test_each_encoding_gives_identical_diagnostics(name, encoding):
    result = check_path(ENC / name, discover=False)
    assert result.document.encoding == encoding
    assert result.document.text == SEED.read_text(encoding="utf-8")
    assert _positions(result) == BASE


def test_big5_reads_like_its_utf8_twin():
    big5 = check_path(ENC / "trad.big5.txt", discover=False)
    twin = check_path(ENC / "trad.utf8.txt", discover=False)
    assert big5.document.encoding == "big5"
    assert big5.document.text == twin.document.text
    assert big5.document.text.startswith("2023年度烏蘇市吉爾格勒特鄉法治政府建設工作總結")
    assert _positions(big5) == _positions(twin)


def test_json_names_the_encoding():
    from checker.formats import RenderContext, render

    results = [check_path(ENC / "gbk.txt", discover=False), check_path(ENC / "trad.big5.txt", discover=False)]
    payload = json.loads(render("json", results, RenderContext(color=False, show_source=False, statistics=False)))
    assert [f["encoding"] for f in payload["files"]] == ["gbk", "big5"]


def test_standard_input_in_gbk_is_detected():
    result = check_bytes((ENC / "gbk.txt").read_bytes(), "<stdin>")
    assert result.document.encoding == "gbk"
    assert _positions(result) == BASE


@pytest.mark.parametrize(
    "text,encoding,expected",
    [
        ("法治政府建设年度报告", "gbk", "gbk"),
        ("法治政府建设䶮年度报告", "gb18030", "gb18030"),  # U+4DAE needs GB18030's four-byte form
        ("法治政府建設年度報告", "big5", "big5"),
        ("一、主要举措", "utf-32", "utf-32"),
    ],
)
def test_short_texts(text, encoding, expected):
    data = text.encode(encoding) if encoding != "utf-32" else text.encode("utf-32")
    doc = read_bytes(data, "x.txt")
    assert (doc.text, doc.encoding) == (text, expected)


@pytest.mark.parametrize(
    "data,message",
    [
        (
            b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
            "这不是文本文件（是 PNG 图片），请提供 .txt、.md、.docx 或 .pdf 格式的报告",
        ),
        (
            b"\xff\xd8\xff\xe0" + bytes(200),
            "这不是文本文件（是 JPEG 图片），请提供 .txt、.md、.docx 或 .pdf 格式的报告",
        ),
        (
            b"\x1f\x8b\x08" + bytes(100),
            "这不是文本文件（是 gzip 压缩文件），请提供 .txt、.md、.docx 或 .pdf 格式的报告",
        ),
        (bytes(range(256)) * 4, "这不是文本文件（含有二进制内容），请提供 .txt、.md、.docx 或 .pdf 格式的报告"),
        (
            codecs.BOM_UTF8 + b"\x01\x02\x03\x04\x05\x06" * 50,
            "这不是文本文件（含有二进制内容），请提供 .txt、.md、.docx 或 .pdf 格式的报告",
        ),
    ],
    ids=["png", "jpeg", "gzip", "bytes", "controls-after-bom"],
)
def test_non_text_is_refused(data, message):
    with pytest.raises(InputError) as err:
        read_bytes(data, "x.txt")
    assert err.value.message == message


def test_near_miss_utf8_text_with_a_tab_and_form_feed_is_text():
    doc = read_bytes("一、主要举措\t成效\f\n".encode(), "x.txt")
    assert doc.encoding == "utf-8"
