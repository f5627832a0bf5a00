"""The .docx reader: seeds as Word documents, automatic numbering, tables, notes, text boxes, locations."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from checker.api import check_path
from checker.ingest import read_bytes, read_path
from checker.ingest.docx import WordDocument
from checker.positions import LineIndex

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "fixtures" / "seeds"
DOCX = ROOT / "fixtures" / "docx"
CORE = {"FZ101", "FZ102", "FZ103", "FZ104", "FZ105", "FZ106", "FZ107", "FZ201", "FZ202", "FZ203"}
SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))


def _positions(result) -> list[tuple[str, int, int, int, int]]:
    index = LineIndex(result.document.text)
    return [(d.code, *index.line_col(d.span.start), *index.line_col(d.span.end)) for d in result.diagnostics]


@pytest.mark.parametrize("seed", SEED_NAMES, ids=[n[:3] for n in SEED_NAMES])
def test_seed_docx_reads_as_the_text_and_gives_the_same_findings(seed):
    txt = check_path(SEEDS / seed, discover=False)
    docx = check_path(DOCX / f"seed_{seed[:3]}.docx", discover=False)
    # one paragraph per line; the text file's final newline is not a paragraph
    text = txt.document.text
    assert docx.document.text == (text.removesuffix("\n"))
    assert [d.code for d in docx.diagnostics if d.code in CORE] == [d.code for d in txt.diagnostics if d.code in CORE]
    assert _positions(docx) == _positions(txt)


def test_seed_docx_headings_are_word_automatic_numbers():
    doc = read_path(DOCX / "seed_004.docx")
    assert isinstance(doc, WordDocument)
    labelled = [(i + 1, label) for i, label in enumerate(doc.list_labels) if label]
    assert labelled[:4] == [(3, "一、"), (4, "（一）"), (5, "（二）"), (6, "（三）")]
    # the typed text of those paragraphs has no number: Word draws it
    with zipfile.ZipFile(DOCX / "seed_004.docx") as z:
        xml = z.read("word/document.xml").decode()
    assert "<w:t>2024年度推进法治政府建设的主要举措和成效</w:t>" in xml
    assert "一、2024年度" not in xml
    assert doc.lines[2].text == "一、2024年度推进法治政府建设的主要举措和成效"


def test_docx_outline_has_the_same_sections_as_the_text():
    txt = check_path(SEEDS / "004_4cb5d7ebd9b6d720.txt", discover=False)
    docx = check_path(DOCX / "seed_004.docx", discover=False)
    shape = lambda r: [(s.level, s.marker, s.heading, s.line, s.end_line) for s in r.outline.walk()]
    assert shape(docx) == shape(txt)
    assert shape(docx)[0] == (1, "一、", "2024年度推进法治政府建设的主要举措和成效", 3, 7)


FEATURES = [
    # (line, location, heading level from style, list label, text)
    (1, "第1段", 0, "", "某某镇2024年法治政府建设年度报告"),
    (2, "", 0, "", ""),  # the generated table of contents is left out
    (3, "", 0, "", ""),
    (4, "第2段", 0, "", "2024年，我镇坚持以习近平法治思想为指导。现将有关情况报告如下："),
    (5, "第3段", 1, "一、", "一、主要举措和成效"),
    (6, "第4段", 2, "（一）", "（一）加强组织领导"),
    (7, "第5段", 0, "", "镇党委书记亲自部署法治建设工作，全年召开专题会议4次。"),
    (8, "脚注1", 0, "", " 数据来源：镇司法所台账。"),
    (9, "第6段", 0, "•", "•落实学法制度"),
    (10, "第7段", 0, "•", "•开展述法评议"),
    (11, "第8段", 2, "（二）", "（二）推进依法决策"),
    (12, "第9段", 0, "", "重大行政决策均经合法性审查。"),
    (13, "文本框1", 0, "", "文本框里的说明文字"),
    (14, "第10段", 0, "1.", "1.逐项落实"),
    (15, "第11段", 0, "（1）", "（1）细化责任"),
    (16, "第12段", 1, "二、", "二、存在的不足和原因"),
    (17, "第13段第1行", 0, "", "执法人员法治素养有待提高。"),
    (18, "第13段第2行", 0, "", "究其原因，学习培训不够系统。"),
    (19, "第14段", 0, "⑴", "⑴普法形式单一"),
    (20, "第15段", 0, "⑵", "⑵考核机制不健全"),
    (21, "表格1 第1行第1列", 0, "", "指标"),
    (22, "表格1 第1行第2列", 0, "", "2023年"),
    (23, "表格1 第1行第3列", 0, "", "2024年"),
    (24, "表格1 第2行第1列", 0, "", "行政复议案件"),
    (25, "表格1 第2行第2列", 0, "", "12件"),
    (26, "表格1 第2行第3列", 0, "", "9件"),
    (27, "表格1 第3行第1列", 0, "", "合并单元格"),
    (28, "表格1 第3行第3列第1段", 0, "", "第一段"),  # after a cell spanning two grid columns
    (29, "表格1 第3行第3列第2段", 0, "", "第二段"),
    (30, "第16段", 1, "三、", "三、党政主要负责人履行推进法治建设第一责任人职责情况"),
    (31, "第17段", 3, "", "带头学法述法"),  # heading 3 style, no number: level kept, text not invented
    (32, "第18段", 0, "", "附件：有关材料"),
    (33, "第19段", 0, "一、", "一、重新开始编号的清单"),  # startOverride restarts the list
    (34, "第20段", 0, "甲.", "甲.甲项"),  # ideographTraditional
    (35, "第21段", 0, "乙.", "乙.乙项"),
]


def test_features_document_line_by_line():
    doc = read_path(DOCX / "features.docx")
    got = [
        (i, loc, level, label, line.text)
        for i, (line, loc, level, label) in enumerate(
            zip(doc.lines, doc.locations, doc.heading_levels, doc.list_labels), start=1
        )
    ]
    assert got == FEATURES
    assert "页脚文字不应读入" not in doc.text  # footers are ignored
    assert "隐藏的修订说明" not in doc.text and "已删除的文字" not in doc.text
    assert "目录里的标题" not in doc.text


def test_features_outline_nests_numbered_headings_and_keeps_bullets_in_the_body():
    result = check_path(DOCX / "features.docx", discover=False)
    outline = [(s.level, s.marker, s.heading, s.line, s.end_line) for s in result.outline.walk()]
    assert outline == [
        (1, "一、", "主要举措和成效", 5, 15),
        (2, "（一）", "加强组织领导", 6, 10),
        (2, "（二）", "推进依法决策", 11, 15),
        (3, "1.", "逐项落实", 14, 15),
        (4, "（1）", "细化责任", 15, 15),
        (1, "二、", "存在的不足和原因", 16, 29),
        (1, "三、", "党政主要负责人履行推进法治建设第一责任人职责情况", 30, 31),
        (3, "", "带头学法述法", 31, 31),  # styled Heading 3 without a number: still a heading
    ]
    # 附件：有关材料 and the restarted list after it are the attachment (GB/T 9704-2012 7.3.4), not sections
    assert result.outline.attachments == (32, 33, 34, 35)
    assert result.document.lines[32].text == "一、重新开始编号的清单"  # Word's restarted numbering, read as text


def test_near_miss_a_bulleted_list_in_the_body_is_not_a_section():
    result = check_path(DOCX / "features.docx", discover=False)
    headings = {s.line for s in result.outline.walk()}
    assert 9 not in headings and 10 not in headings
    assert result.outline.kinds[8] == "BODY" and result.outline.kinds[9] == "BODY"


def test_text_formatter_shows_the_word_location(tmp_path):
    from checker.formats import RenderContext, render

    result = check_path(DOCX / "seed_001.docx", discover=False)
    out = render("text", [result], RenderContext(color=False, show_source=False, statistics=False))
    assert (
        "seed_001.docx:6:1: FZ105 [info] 第一责任人履职情况只写在“强化组织领导，抓好法治政府责任落实”之中，未单列为一部分 （第5段）"
        in out
    )
    payload = __import__("json").loads(
        render("json", [result], RenderContext(color=False, show_source=False, statistics=False))
    )
    entry = payload["files"][0]
    assert entry["encoding"] == "docx" and entry["source"] == "docx"
    fz105 = next(d for d in entry["diagnostics"] if d["code"] == "FZ105")
    assert (fz105["line"], fz105["column"], fz105["location"]) == (6, 1, "第5段")


def test_libreoffice_made_docx_reads_like_the_text():
    """Written by LibreOffice 7.4 from the .txt (plain paragraphs) and from seed_001.docx (its own numbering.xml)."""
    txt = read_path(SEEDS / "004_4cb5d7ebd9b6d720.txt")
    lo = read_path(DOCX / "seed_004.libreoffice.docx")
    assert lo.text + "\n" == txt.text
    ours = read_path(DOCX / "seed_001.docx")
    numbered = read_path(DOCX / "seed_001.libreoffice.docx")
    assert numbered.text == ours.text
    labels = ["一、", "（一）", "（二）", "（三）", "（四）", "（五）", "二、", "三、", "（一）", "（二）"]
    assert [label for label in ours.list_labels if label] == labels
    assert [label for label in numbered.list_labels if label] == labels


def test_page_hint_from_words_last_rendered_page_breaks():
    body = (
        "<w:p><w:r><w:t>第一页的段落</w:t></w:r></w:p>"
        "<w:p><w:r><w:lastRenderedPageBreak/><w:t>第二页的段落</w:t></w:r></w:p>"
    )
    doc = read_bytes(_package(body), "page.docx")
    assert doc.locations == ("第1段，约第1页", "第2段，约第2页")


def test_strict_ooxml_namespace_is_read():
    body = "<w:p><w:r><w:t>一、严格格式的文档</w:t></w:r></w:p>"
    data = _package(body, w="http://purl.oclc.org/ooxml/wordprocessingml/main")
    assert read_bytes(data, "strict.docx").lines[0].text == "一、严格格式的文档"


def test_text_in_a_docx_named_file_is_read_as_text():
    data = (SEEDS / "004_4cb5d7ebd9b6d720.txt").read_bytes()
    doc = read_bytes(data, "报告.docx")
    assert doc.source == "text" and doc.encoding == "utf-8"


def _package(body: str, w: str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
        )
        z.writestr(
            "word/document.xml", f'<?xml version="1.0"?><w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>'
        )
    return buf.getvalue()


def _paragraphs_docx(n: int) -> bytes:
    from tests.hostile.corpus import docx, para

    return docx("".join(para(f"一是继续加强学法用法{k}。") for k in range(n)))


def test_a_body_of_more_paragraphs_than_the_limit_is_refused_before_it_is_parsed(monkeypatch):
    import checker.ingest.docx as reader
    from checker.limits import LimitExceeded

    monkeypatch.setattr(reader, "MAX_LINES", 5)
    monkeypatch.setattr(reader, "parse_xml", lambda *a: pytest.fail("the body was parsed"))
    with pytest.raises(LimitExceeded) as refused:
        reader.extract(_paragraphs_docx(6), "many.docx")
    assert refused.value.message == "段落超过 5 个，不像一份年度报告，已停止读取；请只提供报告本身"


def test_a_body_of_as_many_paragraphs_as_the_limit_is_read(monkeypatch):
    import checker.ingest.docx as reader

    monkeypatch.setattr(reader, "MAX_LINES", 5)
    doc = read_bytes(_paragraphs_docx(5), "five.docx")
    assert doc.text.splitlines() == [f"一是继续加强学法用法{k}。" for k in range(5)]
