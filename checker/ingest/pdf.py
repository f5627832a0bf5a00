"""PDF with a text layer → Document (optional extra: ``pip install 'fzcheck[pdf]'``, pdfminer.six).

pdfminer's layout analysis gives text lines in reading order; this module
joins the lines of one paragraph back together (a PDF only has lines), so a
heading such as ``一、…`` starts its own logical line as in the Word original:
a line starts a new paragraph when the line before it ended short of the
right margin, changed font size, or when it starts left or right of the
line before it (the first-line indent of 公文 body text, or a hanging indent
ending).  A paragraph that runs on over a page
break is joined too.  Page numbers (``- 3 -``, ``第3页``) and running headers
and footers (the same first or last line on most pages) are dropped, and the
space that text extraction puts between Chinese and Latin text (Word's
autospace gap) is removed, since a PDF cannot tell it from a typed space.
Locations: ``第3页`` (the page where the paragraph starts).

Pages without a text layer (a scan) are read by OCR when the ``[ocr]`` extra
and tesseract are installed (:mod:`checker.ingest.ocr`): their lines join the
same paragraph logic, and their locations say so: ``第3页第5行，文字识别``.
OCR runs whenever it is installed, for those pages only: a scan has nothing
else to check.  Without it, a PDF with no text layer at all is refused (FZ901,
saying what to install); an encrypted or broken PDF is refused too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..limits import MAX_PDF_PAGES
from ..model import Document
from .cleanup import build_document
from .errors import EMPTY, InputError

MAX_PAGES = MAX_PDF_PAGES
_PAGE_NUMBER = re.compile(r"^[-—–－\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*/\s*(?:共\s*)?\d{1,4}\s*页?)?[-—–－\s]*$")
_CID = re.compile(r"\(cid:\d+\)")
# pdfminer turns the gap Word/WPS leave between Chinese and Latin text (autospace) into a space
_CJK_SPACE = re.compile(
    r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]) (?=[0-9A-Za-z])|(?<=[0-9A-Za-z%]) (?=[\u4e00-\u9fff])"
)


@dataclass
class _Line:
    """One line of text laid out on a PDF page: its text, horizontal extent, glyph size and page."""
    text: str
    x0: float
    x1: float
    size: float  # glyph height: the width of one CJK character
    page: int
    ocr_line: int = 0  # line on the page for a recognised (OCR) line, 0 for a text layer's line


def read_pdf(data: bytes, path: str) -> Document:
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LAParams, LTTextBox, LTTextLine
    except ImportError:
        raise InputError(
            path, "读取 PDF 需要安装可选组件：pip install 'fzcheck[pdf]'；也可以直接检查报告的 .docx 或 .txt 文件"
        ) from None
    import logging

    from .pdf_limits import install

    install()  # bounded stream decoding (checker/limits.py: MAX_PDF_STREAM_BYTES)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its warnings about odd fonts are not the user's business
    lines: list[_Line] = []
    pages = 0
    try:
        import io

        for page_no, page in enumerate(extract_pages(io.BytesIO(data), laparams=LAParams()), start=1):
            pages = page_no
            if page_no > MAX_PAGES:
                raise InputError(path, f"PDF 超过 {MAX_PAGES} 页，不像一份年度报告；请只提供报告本身")
            for box in (b for b in page if isinstance(b, LTTextBox)):
                for item in box:
                    if not isinstance(item, LTTextLine):
                        continue
                    text = item.get_text().replace("\n", "").replace("\r", "")
                    if not text.strip():
                        continue
                    lines.append(_Line(text, item.x0, item.x1, max(item.height, 1.0), page_no))
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds (PSEOF, PDFSyntaxError, KeyError…) for broken files
        name = type(exc).__name__
        if "Password" in name or "Encrypt" in name:
            raise InputError(
                path, "PDF 设置了打开密码（已加密），无法读取；请提供未加密的 PDF 或报告的 .docx 文件"
            ) from None
        raise InputError(path, "PDF 文件已损坏或格式无法识别；请重新导出 PDF，或提供报告的 .docx 文件") from None
    scanned = sorted(set(range(1, pages + 1)) - {ln.page for ln in lines})
    recognised = False
    if scanned:
        lines, recognised = _with_recognised_pages(data, path, lines, scanned, pages)
    lines = _drop_furniture([ln for ln in lines if not _PAGE_NUMBER.match(ln.text.strip())], pages)
    body = "".join(ln.text for ln in lines)
    if not body.strip():
        raise InputError(
            path,
            f"PDF 共 {pages} 页，文字识别后仍没有可检查的文字（可能只有图片），无法检查；请提供报告的 .docx 或文字版 PDF",
            EMPTY,
        )
    if len(_CID.findall(body)) * 8 > len(body):
        raise InputError(path, "PDF 中的文字无法还原（字体缺少编码信息），无法检查；请提供报告的 .docx 或 .txt 文件")
    texts, locations = _paragraphs(lines)
    encoding = "pdf-ocr" if recognised else "pdf"
    return build_document("\n".join(texts), path=path, encoding=encoding, source="pdf", locations=tuple(locations))


def _with_recognised_pages(
    data: bytes, path: str, lines: list[_Line], scanned: list[int], pages: int
) -> tuple[list[_Line], bool]:
    """Add the OCR lines of the pages without text, in page order; refuse a whole scan when OCR is missing."""
    from . import ocr

    missing = ocr.missing()
    if missing:
        if len(scanned) == pages:
            raise InputError(
                path, f"PDF 共 {pages} 页，都是扫描图像（不含文字层），读取它{missing}；或提供报告的 .docx 或文字版 PDF"
            )
        return lines, False  # a seal page or an attachment scanned into a text PDF: the text layer is the report
    from ..limits import paused

    with paused():  # OCR is bounded by its own limits (pages, pixels, tesseract's time per page)
        recognised = ocr.recognise(data, scanned, path)
    found = [_Line(ln.text, ln.x0, ln.x1, ln.size, ln.page, ocr_line=ln.line) for ln in recognised]
    return sorted(lines + found, key=lambda ln: ln.page), True


def _drop_furniture(lines: list[_Line], pages: int) -> list[_Line]:
    """Running headers and footers: the same first or last line on at least half the pages (two or more)."""
    if pages < 2:
        return lines
    edges: dict[int, list[_Line]] = {}
    for ln in lines:
        edges.setdefault(ln.page, []).append(ln)
    counts: dict[str, int] = {}
    for page_lines in edges.values():
        for ln in {id(page_lines[0]): page_lines[0], id(page_lines[-1]): page_lines[-1]}.values():
            key = re.sub(r"\d+", "#", ln.text.strip())
            counts[key] = counts.get(key, 0) + 1
    repeated = {k for k, n in counts.items() if n >= 2 and n * 2 >= pages}
    out = []
    for page_lines in edges.values():
        first, last = page_lines[0], page_lines[-1]
        for ln in page_lines:
            if (ln is first or ln is last) and re.sub(r"\d+", "#", ln.text.strip()) in repeated:
                continue
            out.append(ln)
    return out


def _paragraphs(lines: list[_Line]) -> tuple[list[str], list[str]]:
    """Join the lines of each paragraph; one logical line per paragraph, located by its first page.

    A line continues the paragraph when the line before it reached the right
    margin (within 1.5 characters: line-breaking rules leave gaps), in the
    same font size, and starts where that line started; after the first line
    of a paragraph any start is accepted (first-line and hanging indents).
    """
    ends = sorted(ln.x1 for ln in lines)
    right = ends[int(len(ends) * 0.8)] if ends else 0.0
    texts: list[str] = []
    locations: list[str] = []
    prev: _Line | None = None
    prev_first = False
    for ln in lines:
        if prev is None:
            new = True
        else:
            full = right - prev.x1 <= prev.size * 1.5
            shifted = abs(ln.x0 - prev.x0) > ln.size * 0.9
            resized = abs(ln.size - prev.size) > 0.15 * prev.size
            new = not full or resized or (shifted and not prev_first)
        if new and ln.ocr_line:
            from .ocr import repair_marker

            texts.append(repair_marker(_CJK_SPACE.sub("", ln.text.strip())))
            locations.append(f"第{ln.page}页第{ln.ocr_line}行，文字识别")
        elif new:
            texts.append(_CJK_SPACE.sub("", ln.text.strip()))
            locations.append(f"第{ln.page}页")
        else:
            texts[-1] += _CJK_SPACE.sub("", ln.text.strip())
        prev, prev_first = ln, new
    return texts, locations
