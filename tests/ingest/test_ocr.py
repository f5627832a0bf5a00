"""Scanned PDFs read by OCR ([ocr] extra + tesseract chi_sim): text, accuracy, verdicts, locations, refusals.

The fixtures (fixtures/pdf/scans/, made by fixtures/pdf/make_scans.py) are the five seed reports printed to
200 dpi page images with a red seal over the last lines and a slight rotation, so the expected text is known.
CI installs tesseract (.ci/run): there a missing OCR fails these tests instead of skipping them.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path

import pytest

from checker.api import check_path
from checker.ingest import InputError, ocr, read_path

ROOT = Path(__file__).resolve().parents[2]
SCANS = ROOT / "fixtures" / "pdf" / "scans"
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("00[0-4]_*.txt"))


@pytest.fixture
def tesseract():
    missing = ocr.missing()
    if missing:
        pytest.skip(missing)  # under CI, tests/conftest.py reports this as a failure


needs_ocr = pytest.mark.usefixtures("tesseract")


@cache
def scanned(n: int):
    return check_path(SCANS / f"seed_{n:03d}.scan.pdf", discover=False)


def _measure():
    """The accuracy and verdict measures of benchmarks/ocr_accuracy.py: one definition for the figures in
    docs/input-formats.md and for these assertions."""
    spec = importlib.util.spec_from_file_location("fz_bench_ocr", ROOT / "benchmarks" / "ocr_accuracy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_bench = _measure()
character_accuracy, verdicts = _bench.character_accuracy, _bench.verdicts


@pytest.mark.parametrize("n", range(5))
def test_scanned_seed_is_read_with_97_percent_of_characters_right(n):
    result = scanned(n)
    assert result.document.encoding == "pdf-ocr"
    assert character_accuracy(SEEDS[n].read_text(encoding="utf-8"), result.document.text) >= 0.97


@needs_ocr
@pytest.mark.parametrize("n", range(5))
def test_scanned_seed_is_judged_like_its_text(n):
    text = check_path(SEEDS[n], discover=False)
    result = scanned(n)
    assert [(s.level, s.value) for s in result.outline.walk()] == [(s.level, s.value) for s in text.outline.walk()]
    assert verdicts(result) == verdicts(text)


@needs_ocr
def test_recognised_findings_say_page_line_and_recognition():
    from checker.formats.common import location

    result = scanned(4)
    doc = result.document
    assert doc.locations[0] == "第1页第1行，文字识别"
    heading = next(i for i, ln in enumerate(doc.lines) if ln.text.startswith("二、"))
    assert re.fullmatch(r"第[2-5]页第\d+行，文字识别", doc.locations[heading])
    assert all(location(doc, n).endswith("，文字识别") for n in range(1, len(doc.lines) + 1))


@needs_ocr
def test_red_seal_is_masked_and_black_text_under_it_kept():
    from PIL import Image, ImageChops, ImageDraw

    page = Image.new("RGB", (400, 100), "white")
    ImageDraw.Draw(page).rectangle((10, 10, 60, 60), fill=(0, 0, 0))
    seal = Image.new("RGB", (400, 100), "white")
    ImageDraw.Draw(seal).ellipse((40, 5, 140, 95), outline=(215, 40, 40), width=8)
    grey = ocr.without_seal(ImageChops.multiply(page, seal))  # ink over ink, as printed
    assert grey.getpixel((100, 8)) == 255  # the red ring is gone
    assert grey.getpixel((45, 40)) < 60  # black under the ring stays black


def test_skew_is_measured_on_rows_of_text():
    from PIL import Image, ImageDraw

    page = Image.new("L", (800, 800), 255)
    draw = ImageDraw.Draw(page)
    for y in range(100, 700, 40):
        draw.rectangle((100, y, 700, y + 12), fill=0)
    assert ocr.skew_angle(page.rotate(-1.2, fillcolor=255)) == pytest.approx(1.2, abs=0.15)
    assert ocr.skew_angle(page) == 0


def test_recognised_text_is_cleaned():
    assert ocr.clean_line(["2023", "年", "吉尔", "格", "勒", "特", "乡", ",", "坚持"]) == "2023年吉尔格勒特乡，坚持"
    assert ocr.clean_line(["〈2021", "一", "2025", "年", ")"]) == "（2021—2025年）"
    assert ocr.clean_line(['"知法', '"', "水平", "."]) == "“知法”水平。"
    assert ocr.clean_line(["Version", "2.5", "ok"]) == "Version 2.5 ok"  # no Chinese: left alone
    assert ocr.clean_line(["增长", "2.5", "%"]) == "增长2.5%"


@pytest.mark.parametrize(
    "raw,repaired",
    [("(-)强化", "（一）强化"), ("〈三〉加强", "（三）加强"), ("-、2023年", "一、2023年"), ("二丶加强", "二、加强")],
)
def test_broken_heading_markers_are_repaired(raw, repaired):
    assert ocr.repair_marker(raw) == repaired


@pytest.mark.parametrize("text", ["一是党政主要负责人", "二、加强", "十分重视", "一.加强", "三是"])
def test_near_miss_markers_are_left_as_written(text):
    assert ocr.repair_marker(text) == text


def test_without_ocr_a_scanned_pdf_is_one_clear_fz901(monkeypatch):
    monkeypatch.setattr(ocr, "missing", lambda: ocr.INSTALL)
    result = check_path(SCANS / "seed_000.scan.pdf", discover=False)
    assert [d.code for d in result.diagnostics] == ["FZ901"]
    assert result.error == (
        "PDF 共 4 页，都是扫描图像（不含文字层），读取它需要安装文字识别组件：pip install 'fzcheck[ocr]'，"
        "并安装 tesseract-ocr 与简体中文模型（Debian/Ubuntu：apt-get install tesseract-ocr tesseract-ocr-chi-sim）；"
        "或提供报告的 .docx 或文字版 PDF"
    )


def test_without_ocr_a_text_pdf_with_a_scanned_page_reads_its_text_layer(monkeypatch):
    monkeypatch.setattr(ocr, "missing", lambda: ocr.INSTALL)
    doc = read_path(ROOT / "fixtures" / "pdf" / "seed_001.pdf")
    assert doc.encoding == "pdf"


@needs_ocr
def test_a_page_that_takes_too_long_is_a_clear_refusal(monkeypatch):
    monkeypatch.setattr(ocr, "PAGE_TIMEOUT", 0.01)
    with pytest.raises(InputError) as err:
        read_path(SCANS / "seed_000.scan.pdf")
    assert err.value.message == "第1页文字识别超时（超过 0.01 秒）；请提供报告的 .docx 或文字版 PDF"


@needs_ocr
def test_a_scan_of_drawings_only_has_nothing_to_check():
    result = check_path(ROOT / "fixtures" / "pdf" / "scanned.pdf", discover=False)
    assert (
        result.error
        == "PDF 共 2 页，文字识别后仍没有可检查的文字（可能只有图片），无法检查；请提供报告的 .docx 或文字版 PDF"
    )
    assert [d.code for d in result.diagnostics] == ["FZ902"]


def test_work_is_bounded_by_pages_and_pixels(monkeypatch):
    monkeypatch.setattr(ocr, "MAX_PAGES", 3)
    with pytest.raises(InputError) as err:
        ocr.recognise((SCANS / "seed_000.scan.pdf").read_bytes(), [1, 2, 3, 4], "扫描.pdf")
    assert (
        err.value.message == "PDF 有 4 页扫描图像，超过文字识别的上限 3 页；请只提供报告本身，或提供 .docx 或文字版 PDF"
    )
    assert ocr.render_scale(595, 842) == pytest.approx(200 / 72)  # A4 at 200 dpi
    huge = ocr.render_scale(14400, 14400)  # 200 × 200 inches
    assert (14400 * huge) ** 2 == pytest.approx(ocr.MAX_PIXELS)
