"""Scanned PDF pages → text lines by optical character recognition (OCR).

Optional: ``pip install 'fzcheck[ocr]'`` (pypdfium2 renders a page, Pillow and
NumPy clean the image) plus Debian's ``tesseract-ocr`` and
``tesseract-ocr-chi-sim`` (the recogniser and its Simplified Chinese model).
:mod:`checker.ingest.pdf` calls :func:`recognise` for the pages that carry no
text layer, whenever these are installed; without them a scanned PDF is one
FZ901 that says what to install.

Per page: render at ``DPI``; remove the red seal with a red-channel mask (a
pixel clearly redder than it is green or blue turns white; black text under
the seal stays black); straighten the page (the angle, within ±3°, at which
the rows of text give the sharpest horizontal profile); recognise with
tesseract (one process per page, one thread, a time limit); keep tesseract's
lines with their boxes, converted to PDF points, so the PDF reader joins them
into paragraphs exactly as it joins a text layer's lines.  Recognised text is
cleaned: no spaces between Chinese characters, full-width punctuation in
Chinese text, ``一、``/``（一）`` markers repaired where the recogniser broke them.

Pages are recognised one after another in the calling process: a batch is
parallel across files (``fzcheck review``), never inside one.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass

from .errors import InputError

DPI = 200
MAX_PIXELS = 16_000_000  # per rendered page (A4 at 200 dpi is 3.9 million): a huge page is rendered coarser
MAX_PAGES = 50  # scanned pages recognised in one file (a report has fewer than 20): each takes seconds
PAGE_TIMEOUT = 120  # seconds of tesseract per page
MAX_SKEW = 3.0  # degrees
MIN_CONFIDENCE = 60  # tesseract's mean word confidence (0–100) for a line to be kept
LANG = "chi_sim"
INSTALL = (
    "需要安装文字识别组件：pip install 'fzcheck[ocr]'，并安装 tesseract-ocr 与简体中文模型"
    "（Debian/Ubuntu：apt-get install tesseract-ocr tesseract-ocr-chi-sim）"
)
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】—…·"


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One recognised line: text, left and right edge and height in PDF points, page, line on the page."""

    text: str
    x0: float
    x1: float
    size: float
    page: int
    line: int


@functools.cache
def missing() -> str:
    """What is missing for OCR ('' when everything is there); asked once per process."""
    try:
        import numpy  # noqa: F401
        import pypdfium2  # noqa: F401
        from PIL import Image  # noqa: F401
    except ImportError:
        return INSTALL
    tesseract = shutil.which("tesseract")
    if tesseract is None:
        return INSTALL
    try:
        langs = subprocess.run([tesseract, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return INSTALL
    if LANG not in langs.stdout.split():
        return INSTALL
    return ""


def recognise(
    data: bytes, pages: list[int], path: str, progress: Callable[[int, int], None] | None = None
) -> list[OcrLine]:
    """Recognise the given 1-based pages of a PDF, in order; raise InputError for what cannot be done."""
    import pypdfium2 as pdfium

    if len(pages) > MAX_PAGES:
        raise InputError(
            path,
            f"PDF 有 {len(pages)} 页扫描图像，超过文字识别的上限 {MAX_PAGES} 页；请只提供报告本身，或提供 .docx 或文字版 PDF",
        )
    try:
        pdf = pdfium.PdfDocument(data)
    except Exception:  # noqa: BLE001 - pdfium raises its own PdfiumError for every kind of broken file
        raise InputError(path, "PDF 文件已损坏或格式无法识别；请重新导出 PDF，或提供报告的 .docx 文件") from None
    lines: list[OcrLine] = []
    try:
        for done, number in enumerate(pages, start=1):
            page = pdf[number - 1]
            image = page.render(scale=render_scale(*page.get_size())).to_pil()
            lines.extend(recognise_image(image, number, path))
            if progress is not None:
                progress(done, len(pages))
    finally:
        pdf.close()
    return lines


def render_scale(width: float, height: float) -> float:
    """Pixels per PDF point: ``DPI``, or less for a page so large that it would exceed ``MAX_PIXELS``."""
    scale = DPI / 72
    area = max(width, 1.0) * max(height, 1.0) * scale * scale
    return scale if area <= MAX_PIXELS else scale * (MAX_PIXELS / area) ** 0.5


def recognise_image(image, page: int, path: str) -> list[OcrLine]:
    """One page image (any DPI-sized PIL image) → its recognised lines."""
    clean = straighten(without_seal(image))
    rows = _tesseract(clean, path, page)
    return _lines(rows, page, clean, path)


def without_seal(image):
    """Grey page with red ink (a seal, a red header) turned white: red clearly above both green and blue."""
    import numpy as np
    from PIL import Image

    rgb = np.asarray(image.convert("RGB")).astype(np.int16)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    red = (r > 110) & (r - g > 50) & (r - b > 50)
    grey = np.asarray(image.convert("L")).copy()
    grey[red] = 255
    return Image.fromarray(grey)


def skew_angle(grey) -> float:
    """The rotation (degrees, ±MAX_SKEW, 0.1° steps) that makes the rows of text sharpest.

    Ink (darker than mid-grey) is counted per row of a half-size copy; rows of text
    and the gaps between them stand out most when the page is straight.
    """
    import numpy as np
    from PIL import Image

    ink = grey.point(lambda v: 255 if v < 160 else 0).resize((max(1, grey.width // 2), max(1, grey.height // 2)))
    best, best_score = 0.0, -1.0
    for tenth in range(int(-MAX_SKEW * 10), int(MAX_SKEW * 10) + 1):
        angle = tenth / 10
        turned = np.asarray(ink.rotate(angle, resample=Image.BILINEAR, fillcolor=0), dtype=np.float64)
        profile = turned.sum(axis=1)
        score = float(((profile[1:] - profile[:-1]) ** 2).sum())
        if score > best_score:
            best, best_score = angle, score
    return best


def straighten(grey):
    from PIL import Image

    angle = skew_angle(grey)
    return grey if angle == 0 else grey.rotate(angle, resample=Image.BICUBIC, fillcolor=255)


def _tesseract(image, path: str, page: int, *options: str) -> list[dict[str, str]]:
    """tesseract's TSV rows for a page (``--psm 6``: one block of text lines) or, with options, a crop."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    cmd = [shutil.which("tesseract") or "tesseract", "stdin", "stdout", "-l", LANG, *(options or ("--psm", "6")), "tsv"]
    # one thread per page: files are recognised in parallel by the batch, not pages by OpenMP
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(
            cmd, input=buffer.getvalue(), capture_output=True, timeout=PAGE_TIMEOUT, check=False, env=env
        )
    except subprocess.TimeoutExpired:
        raise InputError(
            path, f"第{page}页文字识别超时（超过 {PAGE_TIMEOUT} 秒）；请提供报告的 .docx 或文字版 PDF"
        ) from None
    except OSError as exc:
        raise InputError(path, f"无法运行文字识别程序 tesseract（{exc.strerror or exc}）；" + INSTALL) from None
    if done.returncode != 0:
        raise InputError(path, f"第{page}页文字识别失败；请提供报告的 .docx 或文字版 PDF")
    text = done.stdout.decode("utf-8", errors="replace")
    return list(csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))


def _lines(rows: list[dict[str, str]], page: int, image, path: str) -> list[OcrLine]:
    """tesseract's TSV (level 4 = line box, level 5 = word) → lines in reading order, in points."""
    scale = 72 / DPI
    boxes: dict[tuple[str, str, str], tuple[int, int, int, int]] = {}
    words: dict[tuple[str, str, str], list[tuple[str, float]]] = {}
    for row in rows:
        key = (row.get("block_num", ""), row.get("par_num", ""), row.get("line_num", ""))
        if row.get("level") == "4":
            boxes[key] = (int(row["left"]), int(row["top"]), int(row["width"]), int(row["height"]))
        elif row.get("level") == "5" and (row.get("text") or "").strip():
            words.setdefault(key, []).append((row["text"].strip(), float(row.get("conf") or 0)))
    out: list[OcrLine] = []
    for key, box in sorted(boxes.items(), key=lambda kv: kv[1][1]):
        found = words.get(key)
        if not found:
            continue
        text = clean_line([w for w, _ in found])
        if not _is_text(text, [c for _, c in found]) or _is_footer(text, box, image.size):
            continue
        left, top, width, height = box
        size = _char_size(text, width, height)
        if _SUSPECT_MARKER.match(text):
            text = _reread_marker(text, image, (left, top, size, height), path, page)
        out.append(OcrLine(text, left * scale, (left + width) * scale, max(size * scale, 1.0), page, len(out) + 1))
    return out


def _is_footer(text: str, box: tuple[int, int, int, int], page_size: tuple[int, int]) -> bool:
    """A page number however it was misread (``- 3 -`` as ``=匡=``): short, centred, in the bottom margin."""
    left, top, width, _height = box
    centred = abs(left + width / 2 - page_size[0] / 2) < page_size[0] * 0.08
    return len(text) <= 8 and centred and top > page_size[1] * 0.85


# A line opening with a bracket-like mark or a closing bracket within its first characters: a （一） heading,
# often misread ((三) as 伍), 《四), (AN)); its first characters are recognised again among numerals and brackets.
_SUSPECT_MARKER = re.compile(r"^(?:[（(《〈<\[［].{0,3}?[)）]|[^（(]{1,2}[)）])")
_MARKER_ALPHABET = "（）()一二三四五六七八九十"


def _reread_marker(text: str, image, box: tuple[int, int, float, int], path: str, page: int) -> str:
    """Read the marker again among numerals and brackets; failing that, its numeral alone as one character."""
    from PIL import ImageOps

    left, top, size, height = box
    pad = max(4, height // 5)
    crop = image.crop((max(0, left - pad), max(0, top - pad), round(left + 3.4 * size), top + height + pad))
    rows = _tesseract(crop, path, page, "--psm", "7", "-c", f"tessedit_char_whitelist={_MARKER_ALPHABET}")
    read = "".join((r.get("text") or "").strip() for r in rows if r.get("level") == "5")
    m = re.match(r"[（(]?([一二三四五六七八九十]{1,3})[)）]", read)
    numeral = m.group(1) if m else ""
    # the numeral's own cell (the opening bracket's ink sits in the right part of its character's width),
    # taken a little wider each time: the recogniser is sensitive to where a lone character is cut
    for start, end in ((0.66, 2.06), (0.55, 2.25), (0.75, 2.0)):
        if numeral:
            break
        cell = image.crop((round(left + start * size), max(0, top - pad), round(left + end * size), top + height + pad))
        cell = ImageOps.expand(cell, border=20, fill=255)
        rows = _tesseract(cell, path, page, "--psm", "10", "-c", f"tessedit_char_whitelist={_MARKER_ALPHABET[4:]}")
        read = "".join((r.get("text") or "").strip() for r in rows if r.get("level") == "5")
        numeral = read if re.fullmatch("[一二三四五六七八九十]", read) else ""
    if not numeral:
        return text
    return f"（{numeral}）" + text[re.search(r"[)）]", text).end() :]


def _char_size(text: str, width: int, height: int) -> float:
    """The width of one Chinese character: the line's width over its characters (Latin and digits count half).

    A line box's height depends on which glyphs it holds (a line of 一 and 。 is low), its width per character
    does not, so lines of one font size get one size and the paragraph logic can tell a title from the body.
    """
    units = sum(0.5 if ch.isascii() else 1.0 for ch in text)
    return width / units if units >= 4 else float(height)


def _is_text(text: str, confidences: list[float]) -> bool:
    """Drop what is not text: no Chinese character, digit or letter, or a mean confidence under ``MIN_CONFIDENCE``.

    Lines of real text score about 90 (0–100); specks, rules, bars and what is left of a seal score under 55 (0 to 52 measured).
    """
    if not re.search(f"[{_HAN}0-9A-Za-z]", text):
        return False
    return sum(confidences) / len(confidences) >= MIN_CONFIDENCE


_PUNCT = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", "〈": "（", "〉": "）"}
_SPACE_BETWEEN = re.compile(r"(?<=[^0-9A-Za-z%.]) +| +(?=[^0-9A-Za-z%])")
# a half-width mark next to a Chinese character or mark (not "[bookmark: _GoBack]", not "Version 2.5")
_HALF_PUNCT = re.compile(f"(?<=[{_HAN}{_CJK_PUNCT}])[,;:?!()]|[,;:?!()](?=[{_HAN}{_CJK_PUNCT}])|[〈〉]")
_DASH_BETWEEN_DIGITS = re.compile(r"(?<=\d)[一\-–—~～]{1,2}(?=\d)")
_PERIOD_AFTER_HAN = re.compile(f"(?<=[{_HAN}])[.．](?![0-9])")


def clean_line(words: list[str]) -> str:
    """Join recognised words: a space only between two Latin/digit words; Chinese punctuation full-width."""
    text = ""
    for word in words:
        if text and re.match(r"[0-9A-Za-z]", word) and re.search(r"[0-9A-Za-z%]$", text):
            text += " "
        text += word
    text = _SPACE_BETWEEN.sub("", text)
    if re.search(f"[{_HAN}]", text):
        # in Chinese text a half-width mark is the recogniser's reading of a full-width one
        for _ in range(2):  # twice: a mark next to one just made full-width, as in "()"
            text = _HALF_PUNCT.sub(lambda m: _PUNCT[m.group()], text)
        text = _PERIOD_AFTER_HAN.sub("。", text)
        text = _DASH_BETWEEN_DIGITS.sub("—", text)
        text = _quotes(text)
        # Word's leftover bookmark, whose Latin letters the Chinese model misreads ("[bookmatrk:_GoBack]")
        text = _BOOKMARK.sub("[bookmark: _GoBack]", text)
    return text


_BOOKMARK = re.compile(r"\[b[a-z]{5,9}[:：]\s*_?G[a-zA-Z]{2,5}k\]")


def _quotes(text: str) -> str:
    """Straight double quotes in Chinese text → “ and ” in turn."""
    if '"' not in text:
        return text
    out, opening = [], True
    for ch in text:
        if ch == '"':
            out.append("“" if opening else "”")
            opening = not opening
        else:
            out.append(ch)
    return "".join(out)


_NUMERAL = "一二三四五六七八九十"
_BRACKETED = re.compile(f"^[（(〈]([{_NUMERAL}]{{1,3}}|[-—–])[)）〉]")
# 、 read as a comma-like mark, or 一 read as a dash; 一./一． stay as written (a finding of their own)
_ENUMERATION = re.compile(f"^(?:([{_NUMERAL}]{{1,3}})[,，`丶']|([-—–])[、,，`丶'])(?=\\S)")


def repair_marker(text: str) -> str:
    """The number opening a paragraph as the recogniser misreads it: ``(-)`` → ``（一）``, ``二丶`` → ``二、``."""
    m = _BRACKETED.match(text)
    if m:
        numeral = "一" if m.group(1) in "-—–" else m.group(1)
        return f"（{numeral}）" + text[m.end() :]
    m = _ENUMERATION.match(text)
    if m:
        return f"{m.group(1) or '一'}、" + text[m.end() :]
    return text
