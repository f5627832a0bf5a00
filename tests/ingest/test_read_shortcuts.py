"""The shortcuts ingest.read_bytes takes before reading a text: an empty file told by its first byte
when it can be (data.strip() copied only for a file that starts with a space), and markup (RTF, a web
page) looked for only when the first byte is one such a file can start with.  Both never decide
otherwise than the full tests."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.ingest import _MARKUP_FIRST, InputError, _is_rtf_or_html, read_bytes
from checker.ingest.errors import EMPTY

PIECES = [b"{\\rtf1", b"<html>", b"<!DOCTYPE html>", b"MIME-Version:", b"mime-version:", b"\xef\xbb\xbf", b"\xbb", b"\xbf",
          b" ", b"\t", b"\r\n", b"\n", b"x", "正文".encode(), b"{", b"<", b"m", b"\x00"]  # fmt: skip
datas = st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map(b"".join) | st.binary(min_size=1, max_size=12)


@settings(max_examples=500, deadline=None)
@given(datas)
def test_markup_starts_with_one_of_the_first_bytes(data):
    if _is_rtf_or_html(data):
        assert data[0] in _MARKUP_FIRST


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([b" ", b"\t", b"\r\n", b"\n", b"\x0b", b"\x0c", "　".encode(), b"x", "正".encode()]), max_size=5))
def test_a_file_is_empty_when_strip_leaves_nothing(pieces):
    data = b"".join(pieces)
    try:
        read_bytes(data, "a.txt")
    except InputError as exc:
        assert (exc.code == EMPTY) == (not data.strip())
    else:
        assert data.strip()
