"""Word list numbering: number formats and counters as Word shows them."""

from __future__ import annotations

from xml.etree import ElementTree as ET

import pytest

from checker.ingest.docx_numbering import Numbering, StoryState, format_number

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.mark.parametrize(
    "fmt,n,expected",
    [
        ("chineseCounting", 1, "一"),
        ("chineseCounting", 10, "十"),
        ("chineseCounting", 11, "十一"),
        ("chineseCounting", 20, "二十"),
        ("chineseCounting", 23, "二十三"),
        ("chineseCounting", 105, "一○五"),
        ("chineseCountingThousand", 10, "十"),
        ("chineseCountingThousand", 19, "十九"),
        ("chineseCountingThousand", 101, "一百〇一"),
        ("chineseCountingThousand", 110, "一百一十"),
        ("chineseCountingThousand", 1010, "一千〇一十"),
        ("chineseLegalSimplified", 12, "壹拾贰"),
        ("ideographTraditional", 3, "丙"),
        ("ideographTraditional", 11, "11"),
        ("ideographZodiac", 12, "亥"),
        ("ideographDigital", 105, "一〇五"),
        ("decimal", 7, "7"),
        ("decimalZero", 7, "07"),
        ("decimalEnclosedParen", 3, "⑶"),
        ("decimalEnclosedParen", 21, "(21)"),
        ("decimalEnclosedCircle", 3, "③"),
        ("decimalEnclosedCircleChinese", 25, "㉕"),
        ("decimalEnclosedFullstop", 2, "⒉"),
        ("decimalFullWidth", 12, "１２"),
        ("ideographEnclosedCircle", 2, "㊁"),
        ("upperLetter", 28, "BB"),
        ("lowerRoman", 14, "xiv"),
        ("ordinal", 22, "22nd"),
        ("none", 3, ""),
    ],
)
def test_format_number(fmt, n, expected):
    assert format_number(n, fmt) == expected


def _lvl(ilvl, fmt, text, start=1, extra=""):
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


NUMBERING = f"""<w:numbering xmlns:w="{W}">
<w:abstractNum w:abstractNumId="0">{_lvl(0, "chineseCounting", "%1、")}{_lvl(1, "chineseCounting", "（%2）")}{_lvl(2, "decimal", "%1.%2.%3", extra="<w:isLgl/>")}</w:abstractNum>
<w:abstractNum w:abstractNumId="1">{_lvl(0, "decimal", "%1.")}{_lvl(1, "decimal", "（%2）", extra='<w:lvlRestart w:val="0"/>')}</w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="OutlineList"/></w:abstractNum>
<w:abstractNum w:abstractNumId="3"><w:multiLevelType w:val="singleLevel"/>{_lvl(0, "chineseCountingThousand", "第%1条")}</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>
</w:numbering>"""

STYLES = f"""<w:styles xmlns:w="{W}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="标题 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Outlined"><w:name w:val="要点"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="numbering" w:styleId="OutlineList"><w:name w:val="Outline List"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>"""


def _numbering() -> Numbering:
    return Numbering(W, ET.fromstring(STYLES), ET.fromstring(NUMBERING))


def _labels(numbering: Numbering, paragraphs) -> list[str]:
    state = StoryState()
    out = []
    for style, num_id, ilvl in paragraphs:
        resolved = numbering.resolve(style, num_id, ilvl)
        out.append("" if resolved is None else numbering.label(*resolved, state)[0])
    return out


def test_levels_nest_and_lower_levels_restart():
    n = _numbering()
    got = _labels(n, [("", 1, 0), ("", 1, 1), ("", 1, 1), ("", 1, 0), ("", 1, 1), ("", 1, 2)])
    assert got == ["一、", "（一）", "（二）", "二、", "（一）", "2.1.1"]  # isLgl: the %1 of chineseCounting shows as 2


def test_start_override_restarts_once_then_shares_the_counter():
    n = _numbering()
    got = _labels(n, [("", 1, 0), ("", 1, 0), ("", 2, 0), ("", 2, 0), ("", 1, 0)])
    assert got == ["一、", "二、", "五、", "六、", "七、"]


def test_lvl_restart_zero_never_restarts():
    n = _numbering()
    got = _labels(n, [("", 3, 0), ("", 3, 1), ("", 3, 1), ("", 3, 0), ("", 3, 1)])
    assert got == ["1.", "（1）", "（2）", "2.", "（3）"]


def test_numbering_from_the_heading_style_and_its_based_on_chain():
    n = _numbering()
    got = _labels(
        n, [("Heading1", None, None), ("Heading2", None, None), ("Heading2", None, None), ("Heading1", None, None)]
    )
    assert got == ["一、", "（一）", "（二）", "二、"]


def test_num_id_zero_switches_off_style_numbering_near_miss():
    n = _numbering()
    assert _labels(n, [("Heading1", 0, None), ("Normal", None, None)]) == ["", ""]


def test_num_style_link_and_single_level():
    n = _numbering()
    assert _labels(n, [("", 4, 0), ("", 4, 1)]) == ["一、", "（一）"]
    assert _labels(n, [("", 5, 0), ("", 5, 3)]) == ["第一条", "第二条"]  # singleLevel ignores ilvl


def test_heading_outline_levels_from_style_name_and_outline_level():
    n = _numbering()
    assert n.style_outline("Heading1") == 0
    assert n.style_outline("Heading2") == 1
    assert n.style_outline("MyHeading") == 1  # 标题 2
    assert n.style_outline("Outlined") == 2  # w:outlineLvl
    assert n.style_outline("Normal") is None
    assert n.style_outline("") is None  # the default style
