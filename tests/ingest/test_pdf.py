"""PDF with a text layer: paragraphs rebuilt in reading order, page locations; scans and broken files refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.api import check_path
from checker.ingest import read_path

ROOT = Path(__file__).resolve().parents[2]
PDF = ROOT / "fixtures" / "pdf"
SEEDS = ROOT / "fixtures" / "seeds"
CORE = {"FZ101", "FZ102", "FZ103", "FZ104", "FZ105", "FZ106", "FZ107", "FZ201", "FZ202", "FZ203"}

pdfminer = pytest.importorskip("pdfminer", reason="the [pdf] extra is not installed")


@pytest.mark.parametrize(
    "pdf,seed",
    [("seed_001.pdf", "001_e08a30d98d0b93f2.txt"), ("seed_004.libreoffice.pdf", "004_4cb5d7ebd9b6d720.txt")],
)
def test_pdf_paragraphs_are_the_reports_paragraphs(pdf, seed):
    doc = read_path(PDF / pdf)
    txt = read_path(SEEDS / seed)
    assert [line.text for line in doc.lines] == [line.text.strip() for line in txt.lines if line.text.strip()]
    assert doc.source == "pdf" and doc.encoding == "pdf"


def test_pdf_outline_and_core_findings_match_the_text():
    pdf = check_path(PDF / "seed_001.pdf", discover=False)
    txt = check_path(SEEDS / "001_e08a30d98d0b93f2.txt", discover=False)
    assert [(s.level, s.marker, s.heading) for s in pdf.outline.walk()] == [
        (s.level, s.marker, s.heading) for s in txt.outline.walk()
    ]
    assert [d.code for d in pdf.diagnostics if d.code in CORE] == [d.code for d in txt.diagnostics if d.code in CORE]


def test_pdf_locations_are_pages():
    doc = read_path(PDF / "seed_001.pdf")
    assert doc.locations[0] == "第1页"
    where = {line.text: loc for line, loc in zip(doc.lines, doc.locations)}
    assert where["二、主要做法和存在问题"] == "第3页"
    assert where["三、2024年重点工作"] == "第4页"
    # a paragraph that runs over a page break is one line, located where it starts
    i = next(k for k, line in enumerate(doc.lines) if line.text.startswith("一是详细制定了党委中心组学法制度"))
    assert doc.locations[i] == "第1页" and doc.lines[i].text.endswith("增强领导干部依法行政的意识和能力。")


def test_running_footer_and_page_numbers_are_dropped():
    doc = read_path(PDF / "seed_004.libreoffice.pdf")
    assert "页脚文字不应读入" not in doc.text
    assert "- 1 -" not in read_path(PDF / "seed_001.pdf").text
    assert doc.lines[0].text == "措美县哲古镇2024年法治政府建设年度报告"  # no space left between 镇 and 2024


def test_scanned_pdf_without_ocr_is_refused_saying_what_to_install(monkeypatch):
    from checker.ingest import ocr

    monkeypatch.setattr(ocr, "missing", lambda: ocr.INSTALL)
    result = check_path(PDF / "scanned.pdf", discover=False)
    assert (
        result.error
        == "PDF 共 2 页，都是扫描图像（不含文字层），读取它" + ocr.INSTALL + "；或提供报告的 .docx 或文字版 PDF"
    )
    assert [d.code for d in result.diagnostics] == ["FZ901"]


def test_password_and_truncated_pdf_are_refused():
    assert (
        check_path(PDF / "password.pdf", discover=False).error
        == "PDF 设置了打开密码（已加密），无法读取；请提供未加密的 PDF 或报告的 .docx 文件"
    )
    assert (
        check_path(PDF / "truncated.pdf", discover=False).error
        == "PDF 文件已损坏或格式无法识别；请重新导出 PDF，或提供报告的 .docx 文件"
    )
