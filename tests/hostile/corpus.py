"""The hostile corpus: files built to hang, blow up or crash a checker, each with what fzcheck must say.

Run ``python tests/hostile/corpus.py DIR`` to write every case into DIR (the tests build them
in a temporary folder the same way).  Nothing here is stored: every file is generated, so the
corpus costs no space in the repository and each case says how it is made.

Each :class:`Case` names the file, builds its bytes, and states the code fzcheck must give it
and a piece of the message; ``None`` as the code means "checked normally, no FZ9xx".
"""

from __future__ import annotations

import io
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
GOOD_REPORT = """示例乡2024年法治政府建设年度报告
一、2024年度推进法治政府建设的主要举措和成效
一是梳理权责清单126项。二是推进政务服务。
二、2024年度推进法治政府建设存在的不足和原因
一是普法形式单一。究其原因，主要是专业人才缺乏。
三、2024年度党政主要负责人履行推进法治建设第一责任人职责情况
乡党委书记亲自部署重大法治工作。
四、2025年度推进法治政府建设的主要安排
一是持续深化依法行政。
"""


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[], bytes]
    code: str | None  # the FZ9xx the file must get; None: checked as a report
    message: str = ""  # a piece of that finding's message


# -- .docx -------------------------------------------------------------------------------

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def docx(body: str, numbering: str = "", document_bytes: bytes | None = None) -> bytes:
    """A minimal .docx whose body is ``body`` (WordprocessingML), with an optional numbering part."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", PACKAGE_RELS)
        if document_bytes is None:
            document_bytes = (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>').encode()
        z.writestr("word/document.xml", document_bytes)
        if numbering:
            z.writestr(
                "word/_rels/document.xml.rels",
                '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
                "</Relationships>",
            )
            z.writestr("word/numbering.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W}">{numbering}</w:numbering>')
    return out.getvalue()


def para(text: str, extra: str = "") -> str:
    return f"<w:p>{extra}<w:r><w:t>{text}</w:t></w:r></w:p>"


def report_paragraphs() -> str:
    return "".join(para(line) for line in GOOD_REPORT.splitlines())


def nested_tables(depth: int = 1000) -> bytes:
    inner = para("表格最里层的文字")
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl>"
    return docx(report_paragraphs() + inner + para("附"))


def nested_hyperlinks(depth: int = 1000) -> bytes:
    inner = "<w:r><w:t>链接文字</w:t></w:r>"
    for _ in range(depth):
        inner = f"<w:hyperlink>{inner}</w:hyperlink>"
    return docx(report_paragraphs() + f"<w:p>{inner}</w:p>")


def symbol(code: str) -> bytes:
    return docx(report_paragraphs() + f'<w:p><w:r><w:t>符号</w:t><w:sym w:font="Symbol" w:char="{code}"/></w:r></w:p>')


def grid_span(value: str) -> bytes:
    cell = f'<w:tc><w:tcPr><w:gridSpan w:val="{value}"/></w:tcPr>{para("单元格")}</w:tc>'
    return docx(report_paragraphs() + f"<w:tbl><w:tr>{cell}<w:tc>{para('下一格')}</w:tc></w:tr></w:tbl>")


def huge_list_start(start: int = 2_000_000_000) -> bytes:
    numbering = (
        f'<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
        '<w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    )
    numbered = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    return docx(report_paragraphs() + para("编号的段落", numbered), numbering)


def many_paragraphs(n: int = 100_000) -> bytes:
    """100,000 paragraphs, each different (so that the package is not refused as a zip bomb first)."""
    return docx(report_paragraphs() + "".join(para(f"一是继续加强学法用法{k}。") for k in range(n)))


def utf16_doctype() -> bytes:
    """document.xml in UTF-16 big-endian without a byte-order mark, declaring entities (billion laughs)."""
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
    xml = (
        f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w:document [{entities}]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>'
    )
    return docx("", document_bytes=xml.encode("utf-16-be"))


def zip_bomb() -> bytes:
    """document.xml of 600 MB of spaces that compresses to about 600 KB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", PACKAGE_RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(f'<w:document xmlns:w="{W}"><w:body>'.encode())
            chunk = b" " * (8 * 1024 * 1024)
            for _ in range(75):
                fh.write(chunk)
            fh.write(b"</w:body></w:document>")
    return out.getvalue()


# -- PDF ---------------------------------------------------------------------------------


def pdf_bomb(inflated: int = 1024 * 1024 * 1024) -> bytes:
    """A one-page PDF whose content stream inflates to ``inflated`` bytes (1 GiB of spaces)."""
    packer = zlib.compressobj(9)
    chunk = b" " * (16 * 1024 * 1024)
    stream = b"".join(packer.compress(chunk) for _ in range(inflated // len(chunk))) + packer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


# -- text --------------------------------------------------------------------------------


def huge_line(size: int = 20 * 1024 * 1024) -> bytes:
    unit = "一是继续加强学法用法,".encode()
    return GOOD_REPORT.encode() + unit * (size // len(unit))


def big_text(size: int = 45 * 1024 * 1024) -> bytes:
    line = "一是继续加强学法用法，推进依法行政。\n".encode()
    return GOOD_REPORT.encode() + line * (size // len(line))


def long_line(chars: int = 60_000) -> bytes:
    """A report with one paragraph of 60,000 characters: checked, the line's end left unread (FZ906)."""
    return (GOOD_REPORT + "继续加强学法用法" * (chars // 8) + "\n").encode()


def findings_flood(size: int = 1_100_000) -> bytes:
    """Half-width commas between Han characters, over and over: hundreds of thousands of findings."""
    unit = "法,治,".encode()
    lines = [unit * 300] * (size // (len(unit) * 300))
    return GOOD_REPORT.encode() + b"\n".join(lines)


def surrogate_name_text() -> bytes:
    return GOOD_REPORT.encode()


CASES: tuple[Case, ...] = (
    Case("nested-tables.docx", nested_tables, "FZ904", "相互嵌套超过"),
    Case("nested-hyperlinks.docx", nested_hyperlinks, "FZ904", "相互嵌套超过"),
    Case("sym-negative.docx", lambda: symbol("-41"), None),
    Case("sym-surrogate.docx", lambda: symbol("D800"), None),
    Case("gridspan-superscript.docx", lambda: grid_span("²"), None),
    Case("gridspan-5000-digits.docx", lambda: grid_span("9" * 5000), None),
    Case("list-start-2e9.docx", huge_list_start, "FZ904", "自动编号的数值 2000000000 超过上限"),
    Case("100000-paragraphs.docx", many_paragraphs, "FZ904", "段落超过 100,000 个"),
    Case("utf16be-doctype.docx", utf16_doctype, "FZ901", "DOCTYPE"),
    Case("zip-bomb.docx", zip_bomb, "FZ901", "压缩炸弹"),
    Case("pdf-bomb.pdf", pdf_bomb, "FZ904", "PDF"),
    Case("20MB-one-line.txt", huge_line, "FZ904", "文字超过 2,000,000 字"),
    Case("45MB.txt", big_text, "FZ904", "文字超过 2,000,000 字"),
    Case("60000-char-line.txt", long_line, "FZ906", "共 60,"),
    Case("findings-flood.txt", findings_flood, "FZ905", "问题过多，另有"),
)


def write_corpus(folder: Path, cases=CASES) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for case in cases:
        target = folder / case.name
        target.write_bytes(case.build())
        written.append(target)
    return written


if __name__ == "__main__":
    for path in write_corpus(Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")):
        print(path, path.stat().st_size)
