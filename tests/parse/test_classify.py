"""Line classification and heading recognition on hand-written variants."""

from __future__ import annotations

import pytest

from checker.ingest import document_from_text
from checker.parse.classify import classify, is_date, match_heading


def kinds(text: str) -> list[str]:
    return classify(document_from_text(text).lines)[0]


def heading(text: str) -> tuple:
    h = match_heading(text)
    assert h is not None, f"{text!r} is not recognised as a heading"
    return (h.level, h.form, h.canonical, h.number, h.value, text[h.marker_start : h.marker_end], h.heading)


@pytest.mark.parametrize(
    "text,expected",
    [
        # the four GB/T 9704 levels, written the standard way
        ("一、总体情况", (1, "一、", True, "一", 1, "一、", "总体情况")),
        ("（一）依法履职", (2, "（一）", True, "一", 1, "（一）", "依法履职")),
        ("1.学法用法", (3, "1.", True, "1", 1, "1.", "学法用法")),
        ("（1）集中学法", (4, "（1）", True, "1", 1, "（1）", "集中学法")),
        ("十二、其他事项", (1, "一、", True, "十二", 12, "十二、", "其他事项")),
        ("二十三、其他事项", (1, "一、", True, "二十三", 23, "二十三、", "其他事项")),
        ("1．学法用法", (3, "1．", True, "1", 1, "1．", "学法用法")),
        # half-width and malformed numbers: still headings, not canonical
        ("(一)依法履职", (2, "(一)", False, "一", 1, "(一)", "依法履职")),
        ("( 二 )依法履职", (2, "(一)", False, "二", 2, "( 二 )", "依法履职")),
        ("（三依法履职", (2, "（一", False, "三", 3, "（三", "依法履职")),
        ("一）依法履职", (2, "一）", False, "一", 1, "一）", "依法履职")),
        ("四) 依法履职", (2, "一）", False, "四", 4, "四)", "依法履职")),
        ("一．总体情况", (1, "一．", False, "一", 1, "一．", "总体情况")),
        ("二.总体情况", (1, "一．", False, "二", 2, "二.", "总体情况")),
        ("三 总体情况", (1, "一．", False, "三", 3, "三 ", "总体情况")),
        ("1、学法用法", (3, "1、", False, "1", 1, "1、", "学法用法")),
        ("(2)集中学法", (4, "(1)", False, "2", 2, "(2)", "集中学法")),
        ("3）集中学法", (4, "1）", False, "3", 3, "3）", "集中学法")),
        # a space after a canonical number makes it malformed
        ("（一） 依法履职", (2, "（一）", False, "一", 1, "（一）", "依法履职")),
        ("一、 总体情况", (1, "一、", False, "一", 1, "一、", "总体情况")),
    ],
)
def test_heading_forms(text, expected):
    assert heading(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "3.5亿元资金用于项目建设。",
        "2024年是关键之年。",
        "2024年以来，我乡坚持依法行政。",
        "1.5",
        "一是加强学习。二是强化宣传。",
        "一年来，我镇认真贯彻落实。",
        "一方面，借助新媒体开展普法。",
        "一．是",
        "二月份召开专题会议。",
        "十是完善制度。",
        "正文里的（一）不是标题",
        "",
        "　　",
    ],
)
def test_not_headings(text):
    assert match_heading(text) is None


def test_heading_running_into_body_is_cut_at_first_full_stop():
    text = "　　（二）强化宣传教育，树牢法治观念。始终坚持把普法放在首位。"
    h = match_heading(text)
    assert h is not None
    assert (h.level, h.marker_start, h.marker_end) == (2, 2, 5)
    assert h.heading == "强化宣传教育，树牢法治观念"
    assert (h.heading_start, h.heading_end, h.body_start) == (5, 18, 19)
    assert text[h.body_start :] == "始终坚持把普法放在首位。"


def test_full_stop_inside_quotes_or_title_marks_does_not_cut():
    h = match_heading("一、学习《条例。》和“放管服。”情况。正文")
    assert h is not None
    assert h.heading == "学习《条例。》和“放管服。”情况"
    assert h.body_start == 19


def test_heading_ending_with_full_stop_has_no_body():
    h = match_heading("一、主要举措。")
    assert h is not None
    assert (h.heading, h.heading_end, h.body_start) == ("主要举措", 6, -1)


def test_bare_number_is_a_heading_with_empty_text():
    h = match_heading("一、")
    assert h is not None
    assert (h.level, h.heading, h.heading_start, h.heading_end, h.body_start) == (1, "", 2, 2, -1)


@pytest.mark.parametrize("text", ["2025年1月15日", "2025 年 1 月 5 日", "二〇二五年一月十五日", "  2025年12月31日  "])
def test_dates(text):
    assert is_date(text)


@pytest.mark.parametrize("text", ["2025年1月", "2025年1月15日前完成", "25年1月15日", "截至2025年1月15日"])
def test_not_dates(text):
    assert not is_date(text)


def test_title_over_two_lines_and_salutation():
    text = "某某镇人民政府\n关于2024年法治政府建设情况的报告\n\n县委、县政府：\n现将情况报告如下。\n一、主要举措\n"
    assert kinds(text) == ["TITLE", "TITLE", "BLANK", "SALUTATION", "BODY", "H", "BLANK"]


def test_title_across_a_blank_line():
    text = "安多县某某乡2024年度法治政府建设\n\n情况报告\n\n2024年度，某某乡坚持依法行政。\n一、工作开展情况\n"
    assert kinds(text) == ["TITLE", "BLANK", "TITLE", "BLANK", "BODY", "H", "BLANK"]


def test_title_over_three_lines():
    text = "湟中区某某乡\n2024年法治政府建设\n情况报告\n正文。\n"
    assert kinds(text) == ["TITLE", "TITLE", "TITLE", "BODY", "BLANK"]


def test_no_title_when_the_report_opens_with_a_sentence():
    text = "2024年，我乡法治政府建设工作情况报告如下。\n一、主要举措\n"
    assert kinds(text) == ["BODY", "H", "BLANK"]


def test_short_lines_without_a_title_word_are_not_a_title():
    assert kinds("某某乡人民政府\n正文。\n") == ["BODY", "BODY", "BLANK"]


def test_metadata_lines_before_the_title():
    text = "索引号：11530000/2025-00012\n发布机构：某某镇人民政府\n成文日期：2025-01-20\n\n某某镇2024年法治政府建设年度报告\n正文。\n"
    assert kinds(text) == ["META", "META", "META", "BLANK", "TITLE", "BODY", "BLANK"]


def test_signature_and_date_at_the_end():
    text = "标题报告\n正文。\n\n某某镇人民政府\n2025年1月15日\n"
    assert kinds(text) == ["TITLE", "BODY", "BLANK", "SIGN", "DATE", "BLANK"]


def test_date_alone_at_the_end():
    assert kinds("正文。\n2025年1月15日") == ["BODY", "DATE"]


def test_signature_without_a_date_stays_body():
    assert kinds("正文。\n某某镇人民政府") == ["BODY", "BODY"]


def test_a_sentence_before_the_date_is_not_a_signature():
    assert kinds("正文。\n特此报告。\n2025年1月15日") == ["BODY", "BODY", "DATE"]


def test_headings_and_figures_in_the_body():
    text = "一、主要举措\n1.学法用法\n3.5亿元资金用于项目建设。\n2024年是关键之年。\n（1）集中学法\n"
    lines = document_from_text(text).lines
    found, heads = classify(lines)
    assert found == ["H", "H", "BODY", "BODY", "H", "BLANK"]
    assert {i: (h.level, h.number) for i, h in heads.items()} == {0: (1, "一"), 1: (3, "1"), 4: (4, "1")}


def test_leftover_in_front_of_a_heading_is_stripped_before_classification():
    text = "标题报告\n[bookmark: _GoBack]一、主要举措\n正文。\n"
    doc = document_from_text(text)
    found, heads = classify(doc.lines)
    assert found == ["TITLE", "H", "BODY", "BLANK"]
    assert heads[1].heading == "主要举措"


def test_attachment_list_is_not_headings():
    # GB/T 9704-2012 7.3.4: 附件：1.×× then 2.×× — attachments, not a 1./2. heading level
    text = "标题报告\n一、主要举措\n正文。\n附件：1.2024年度工作台账\n2.责任清单\n\n某某镇人民政府\n2025年1月15日\n"
    assert kinds(text) == ["TITLE", "H", "BODY", "ATTACH", "ATTACH", "BLANK", "SIGN", "DATE", "BLANK"]


@pytest.mark.parametrize("line", ["附件：2024年度工作台账", "附件1：工作台账", "附件", "附 件：1.台账"])
def test_attachment_line_forms(line):
    assert kinds(f"标题报告\n一、主要举措\n正文。\n{line}\n")[3] == "ATTACH"


@pytest.mark.parametrize("line", ["附件材料已按要求报送。", "1.附件：台账"])
def test_attachment_near_misses_stay_body_or_heading(line):
    assert kinds(f"标题报告\n一、主要举措\n正文。\n{line}\n")[3] in ("BODY", "H")


def test_attachment_before_the_body_is_not_an_attachment_list():
    assert kinds("附件：某某\n标题报告\n一、主要举措\n正文。\n")[0] != "ATTACH"


def test_web_copy_metadata_under_the_title_and_the_repeated_title_are_metadata():
    text = (
        "某县人民政府门户网站\n无障碍 | 简体 | 繁体\n桃源镇2024年法治政府建设情况报告\n"
        "来源:桃源镇人民政府 发布时间:2025-03-20 10:15\n\n桃源镇2024年法治政府建设情况报告\n\n"
        "2024年，桃源镇扎实推进法治政府建设。\n一、主要举措和成效\n全年开展执法检查33次。\n"
    )
    assert kinds(text) == ["META", "META", "TITLE", "META", "BLANK", "META", "BLANK", "BODY", "H", "BODY", "BLANK"]


def test_a_different_line_under_the_title_is_not_taken_for_a_repeat():
    text = "桃源镇2024年法治政府建设情况报告\n来源:桃源镇人民政府\n桃源镇人民政府关于法治工作的说明\n2024年，桃源镇扎实推进法治政府建设。\n"
    assert kinds(text)[:3] == ["TITLE", "META", "BODY"]
