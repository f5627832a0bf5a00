"""formats/json.chunk_bytes writes a piece from parts kept encoded (a rule's fixed text, openings, numbers):
for any findings and files it is ``chunk(result).encode("utf-8")``, and raises where that raises."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.api import check_text
from checker.config import Config
from checker.formats.json import chunk, chunk_bytes
from checker.model import Diagnostic, Edit, Fix, Span
from tests.formats.test_json_chunk_properties import BASE, TEXT, findings  # the same report and findings


@settings(max_examples=300, deadline=None)
@given(st.lists(findings(), max_size=5), st.sampled_from(["plain", "placed", "error", "no outline"]))
def test_chunk_bytes_is_the_chunk_encoded(found, how):
    result = dataclasses.replace(BASE, diagnostics=found)
    if how == "placed":  # a Word file's places (第N段), fewer than its lines
        result.document = dataclasses.replace(BASE.document, locations=("第1段", "第2%s段", "第3段"))
    elif how == "error":
        result.error = "无法读取“文件”"
    elif how == "no outline":
        result.outline = None
    assert chunk_bytes(result, None) == chunk(result, None).encode("utf-8")


def test_a_report_with_sections_and_findings_is_the_chunk_encoded():
    result = check_text(TEXT * 3 + "会议指出，一是加强领导。二是完善制度\n", Config(), path="报告.txt", with_roles=True)
    assert result.diagnostics and result.outline.walk()
    assert chunk_bytes(result, None) == chunk(result, None).encode("utf-8")


def test_odd_values_are_written_as_the_chunk_writes_them():
    usual = Diagnostic("FZ101", "名", "error", "消息", Span(0, 2), "提示", "依据", Fix((Edit(0, 1, "改"),), "safe", "题"))
    odd = [
        dataclasses.replace(usual, message=["m"]),  # not a str
        dataclasses.replace(usual, hint=["h"]),  # rule text that cannot be a key
        dataclasses.replace(usual, fix=Fix((Edit(0, 1, 3),), "safe", "t")),  # content not a str
        dataclasses.replace(usual, fix=Fix((Edit(0, 1, "x"),), "safe", ["t"])),  # a fix title that cannot be a key
        dataclasses.replace(usual, fix=Fix((), "safe", "t")),  # no edit
    ]
    for d in odd:
        result = dataclasses.replace(BASE, diagnostics=[usual, d, usual])
        assert chunk_bytes(result, None) == chunk(result, None).encode("utf-8")


@pytest.mark.parametrize("field", ["name", "message", "hint"])
def test_text_that_cannot_be_utf_8_raises_as_encoding_the_chunk_does(field):
    bad = dataclasses.replace(Diagnostic("FZ101", "名", "error", "消息", Span(0, 2)), **{field: "坏\udcff"})
    result = dataclasses.replace(BASE, diagnostics=[bad])
    with pytest.raises(UnicodeEncodeError):
        chunk(result, None).encode("utf-8")
    with pytest.raises(UnicodeEncodeError):
        chunk_bytes(result, None)
