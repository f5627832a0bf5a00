"""apply_edits_docx: safe fixes written back into the runs of a .docx, formatting untouched."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from checker.api import check_bytes, check_path
from checker.ingest import read_bytes, read_path
from checker.ingest.docx_fix import apply_edits_docx, fix_docx
from checker.model import Edit

ROOT = Path(__file__).resolve().parents[2]
FIXABLE = ROOT / "fixtures" / "docx" / "fixable.docx"


def _xml(data: bytes, part: str = "word/document.xml") -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(part).decode("utf-8")


def _safe_edits(result) -> list[Edit]:
    return [e for d in result.diagnostics if d.fix and d.fix.applicability == "safe" for e in d.fix.edits]


def test_leftover_split_over_two_formatted_runs_is_removed_and_formats_kept():
    data = FIXABLE.read_bytes()
    result = check_path(FIXABLE, discover=False)
    leftover = next(d for d in result.diagnostics if d.code == "FZ450")
    fixed = apply_edits_docx(data, result.document, list(leftover.fix.edits))
    doc = read_bytes(fixed, "fixed.docx")
    assert doc.lines[1].text == "现将有关情况报告如下："
    xml = _xml(fixed)
    # both runs and their properties are still there, now empty
    assert '<w:r><w:rPr><w:b/><w:color w:val="FF0000"/></w:rPr><w:t></w:t></w:r>' in xml
    assert '<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve"></w:t></w:r>' in xml
    assert "FZ450" not in {d.code for d in check_bytes(fixed, "fixed.docx").diagnostics}


def test_half_width_brackets_replaced_inside_a_coloured_run():
    data = FIXABLE.read_bytes()
    doc = read_path(FIXABLE)
    i = doc.text.index("(含撤回)")
    fixed = apply_edits_docx(data, doc, [Edit(i, i + 1, "（"), Edit(i + 4, i + 5, "）")])
    assert read_bytes(fixed, "f.docx").lines[3].text == "全年办理行政复议案件（含撤回）9件。"
    assert '<w:r><w:rPr><w:color w:val="0000FF"/></w:rPr><w:t>（含撤回）</w:t></w:r>' in _xml(fixed)


def test_everything_but_the_edited_text_is_byte_identical():
    data = FIXABLE.read_bytes()
    doc = read_path(FIXABLE)
    i = doc.text.index("(含撤回)")
    fixed = apply_edits_docx(data, doc, [Edit(i, i + 1, "（")])
    before, after = _xml(data), _xml(fixed)
    assert after == before.replace("<w:t>(含撤回)</w:t>", "<w:t>（含撤回)</w:t>")
    with zipfile.ZipFile(io.BytesIO(data)) as a, zipfile.ZipFile(io.BytesIO(fixed)) as b:
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            if name != "word/document.xml":
                assert a.read(name) == b.read(name), name


def test_edits_on_word_numbers_are_skipped_and_reported():
    data = FIXABLE.read_bytes()
    doc = read_path(FIXABLE)
    j = doc.text.index("一、主要举措")  # "一、" is drawn by Word's list numbering
    k = doc.text.index("9件")
    fix = fix_docx(data, doc, [Edit(j, j + 2, "一."), Edit(k, k + 1, "九")])
    assert fix.skipped == [Edit(j, j + 2, "一.")]
    assert fix.applied == [Edit(k, k + 1, "九")]
    assert read_bytes(fix.data, "f.docx").lines[2].text == "一、主要举措和成效"


def test_near_miss_an_edit_across_two_paragraphs_is_skipped():
    data = FIXABLE.read_bytes()
    doc = read_path(FIXABLE)
    end_of_title = doc.text.index("\n")
    fix = fix_docx(data, doc, [Edit(end_of_title - 1, end_of_title + 1, "")])
    assert fix.applied == [] and fix.data == data


def test_seed_fixes_settle_on_the_docx():
    """All safe fixes of a seed applied to its .docx give the same text as applied to the .txt."""
    path = ROOT / "fixtures" / "docx" / "seed_001.docx"
    data = path.read_bytes()
    result = check_path(path, discover=False)
    edits = _safe_edits(result)
    assert edits
    fix = fix_docx(data, result.document, edits)
    assert fix.skipped == []
    text = result.document.text
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: e.start] + e.replacement + text[e.end :]
    assert read_bytes(fix.data, "f.docx").text == text
    assert re.search(r"\[bookmark", _xml(fix.data)) is None
