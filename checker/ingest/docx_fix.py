"""Apply text fixes to a .docx without touching its formatting.

``apply_edits_docx(data, doc, edits)`` takes the original .docx bytes, the
Document that :func:`checker.ingest.docx.read_docx` made from them and edits
as produced by safe fixes (character offsets into ``doc.text``), and returns
the bytes of a new .docx in which only the text inside ``<w:t>`` elements has
changed: runs, their properties (bold, colour, fonts), paragraphs, numbering,
images and every other part are kept byte for byte.

How: the reader is run again with a source map (which ``<w:t>`` of which XML
part, at which offset, each character of ``doc.text`` came from); an edit is
split over the ``<w:t>`` elements it covers (its replacement goes into the
first, the rest of the covered text is deleted); the XML is patched in place
at the byte ranges expat reports for those elements, so namespace prefixes,
``mc:Ignorable`` and unknown markup survive (a parse-and-serialise round trip
would rename prefixes and break Word's markup compatibility).  The result is
read back and checked against the expected text.

Edits that touch text Word generates (list numbers, tabs, the line breaks
between paragraphs) cannot be applied to runs: they are skipped and returned
in ``DocxFix.skipped`` so that the caller can report them.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from xml.parsers import expat
from xml.sax.saxutils import escape

from ..model import Document, Edit
from .docx import Extraction, extract, to_document
from .errors import InputError


@dataclass
class DocxFix:
    """A Word package with fixes written into it, and the edits applied and skipped."""
    data: bytes
    applied: list[Edit] = field(default_factory=list)
    skipped: list[Edit] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Segment:
    """A stretch of the document's text and the ``w:t`` element (and offset in it) it came from."""
    start: int  # offset in doc.text
    end: int
    part: str  # "" for generated text
    t_index: int
    t_offset: int


def apply_edits_docx(data: bytes, doc: Document, edits: list[Edit]) -> bytes:
    """The .docx bytes with ``edits`` applied to its runs; edits on generated text are left out."""
    return fix_docx(data, doc, edits).data


def fix_docx(data: bytes, doc: Document, edits: list[Edit]) -> DocxFix:
    ext = extract(data, doc.path, with_map=True)
    fresh = to_document(ext, doc.path)
    if fresh.text != doc.text:
        raise InputError(doc.path, "文档内容与检查时不一致（可能已被修改），请重新检查后再修复")
    segments = _segments(ext, doc.text)
    per_part: dict[str, dict[int, list[tuple[int, int, str]]]] = {}
    result = DocxFix(data)
    taken_until = -1
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        pieces = _cover(segments, edit)
        if pieces is None or edit.start < taken_until or (edit.start == taken_until and edit.start == edit.end):
            result.skipped.append(edit)
            continue
        taken_until = edit.end
        for k, (seg, lo, hi) in enumerate(pieces):
            per_part.setdefault(seg.part, {}).setdefault(seg.t_index, []).append(
                (seg.t_offset + lo - seg.start, seg.t_offset + hi - seg.start, edit.replacement if k == 0 else "")
            )
        result.applied.append(edit)
    if not result.applied:
        return result
    new_parts = {
        part: _patch_part(_read_member(data, part), ext.t_texts[part], t_edits, ext.w, doc.path)
        for part, t_edits in per_part.items()
    }
    result.data = _rezip(data, new_parts)
    expected = _apply_text(doc.text, result.applied)
    check = to_document(extract(result.data, doc.path), doc.path)
    if check.text != expected:  # a bug here must never hand the user a silently wrong file
        raise InputError(doc.path, "修复后的文档校验未通过，已放弃写入；请手动修改")
    return result


def _segments(ext: Extraction, text: str) -> list[_Segment]:
    out: list[_Segment] = []
    pos = 0
    first = True
    for para in ext.paragraphs:
        for pieces in para.lines:
            if not first:
                out.append(_Segment(pos, pos + 1, "", -1, 0))  # the newline between lines
                pos += 1
            first = False
            for piece in pieces:
                n = len(piece.text)
                out.append(
                    _Segment(pos, pos + n, piece.part if piece.t_index >= 0 else "", piece.t_index, piece.t_offset)
                )
                pos += n
    if pos == len(text) + 1:  # build_document dropped a leading U+FEFF: shift everything left by one
        shifted = []
        for s in out:
            if s.end <= 1:
                continue
            if s.start == 0:
                shifted.append(_Segment(0, s.end - 1, s.part, s.t_index, s.t_offset + 1))
            else:
                shifted.append(_Segment(s.start - 1, s.end - 1, s.part, s.t_index, s.t_offset))
        out = shifted
    return out


def _cover(segments: list[_Segment], edit: Edit) -> list[tuple[_Segment, int, int]] | None:
    """The editable segments covering the edit, with the covered range of each; None if any generated text is touched."""
    if edit.start == edit.end:  # an insertion: into the run it touches, preferring the one it starts
        touching = [s for s in segments if s.part and s.start <= edit.start <= s.end and s.end > s.start]
        if not touching:
            return None
        seg = next((s for s in touching if s.start == edit.start), touching[0])
        return [(seg, edit.start, edit.start)]
    out = []
    covered = edit.start
    for seg in segments:
        if seg.end <= edit.start or seg.start >= edit.end or seg.end == seg.start:
            continue
        if not seg.part:
            return None
        lo, hi = max(seg.start, edit.start), min(seg.end, edit.end)
        if lo != covered:
            return None
        out.append((seg, lo, hi))
        covered = hi
    return out if covered == edit.end else None


def _read_member(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name)


_DECL_ENCODING = re.compile(rb"^<\?xml[^>]*encoding=[\"']([A-Za-z0-9_.-]+)[\"']")


def _patch_part(
    xml: bytes, t_texts: list[str], t_edits: dict[int, list[tuple[int, int, str]]], w: str, path: str
) -> bytes:
    declared = _DECL_ENCODING.match(xml)
    if xml[:2] in (b"\xff\xfe", b"\xfe\xff") or (declared and declared.group(1).lower() not in (b"utf-8", b"utf8")):
        raise InputError(path, "文档内部不是 UTF-8 编码，暂不支持自动修复；请手动修改")
    ranges = _t_ranges(xml, w)
    if len(ranges) != len(t_texts):
        raise InputError(path, "文档结构无法对应，暂不支持自动修复；请手动修改")
    splices: list[tuple[int, int, bytes]] = []
    for index, edits in t_edits.items():
        tag_start, content_start, content_end = ranges[index]
        new_text = t_texts[index]
        for lo, hi, repl in sorted(edits, reverse=True):
            new_text = new_text[:lo] + repl + new_text[hi:]
        splices.append((content_start, content_end, escape(new_text).encode("utf-8")))
        start_tag = xml[tag_start:content_start]
        if new_text != new_text.strip() and b"xml:space" not in start_tag:
            splices.append((content_start - 1, content_start - 1, b' xml:space="preserve"'))
    out = xml
    for lo, hi, repl in sorted(splices, key=lambda s: (s[0], s[1]), reverse=True):
        out = out[:lo] + repl + out[hi:]
    return out


def _t_ranges(xml: bytes, w: str) -> list[tuple[int, int, int]]:
    """(start of tag, start of content, end of content) of every ``w:t`` in document order, as byte offsets."""
    parser = expat.ParserCreate(namespace_separator="}")
    wanted = w + "}t"
    found: list[list[int]] = []
    stack: list[int | None] = []

    def start(name: str, _attrs) -> None:
        if name == wanted:
            found.append([parser.CurrentByteIndex, -1, -1])
            stack.append(len(found) - 1)
        else:
            stack.append(None)

    def end(_name: str) -> None:
        index = stack.pop()
        if index is not None:
            found[index][2] = parser.CurrentByteIndex

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.Parse(xml, True)
    out = []
    for tag_start, _unused, end_at in found:
        content_start = _end_of_start_tag(xml, tag_start) + 1
        if xml[content_start - 2 : content_start - 1] == b"/":  # <w:t/>: no content to edit
            out.append((tag_start, content_start, content_start))
        else:
            out.append((tag_start, content_start, end_at))
    return out


def _end_of_start_tag(xml: bytes, at: int) -> int:
    quote = 0
    for i in range(at, len(xml)):
        c = xml[i]
        if quote:
            if c == quote:
                quote = 0
        elif c in (0x22, 0x27):
            quote = c
        elif c == 0x3E:  # >
            return i
    raise ValueError("unterminated tag")


def _rezip(data: bytes, new_parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            content = new_parts.get(info.filename)
            if content is None:
                content = src.read(info)
            dst.writestr(info, content, compress_type=info.compress_type)
    return buf.getvalue()


def _apply_text(text: str, edits: list[Edit]) -> str:
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text
