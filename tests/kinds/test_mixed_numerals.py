"""mixed_numerals: FZ460 (counts) and FZ461 (years), GB/T 15835-2011 同类别同形式."""

from checker.api import check_text
from checker.config import Config

MEASURES = "（一）依法全面履行政府职能。"


def test_chinese_count_beside_arabic_count_of_the_same_kind(run, report):
    text = report.replace(MEASURES, "（一）召开专题会议3次，开展集中培训两次。")
    assert run(text, "FZ460") == [(5, 19, "FZ460", "info", "同一段中同类数字写法不一致：“两次”与“3次”")]


def test_count_fix_suggests_arabic(report):
    text = report.replace(MEASURES, "（一）召开专题会议3次，开展集中培训十二次。")
    (d,) = check_text(text, Config(select=("FZ460",))).diagnostics
    (edit,) = d.fix.edits
    assert (d.fix.applicability, text[edit.start : edit.end], edit.replacement) == ("unsafe", "十二次", "12次")


def test_near_miss_different_kinds_or_paragraphs(run, report):
    text = report.replace(MEASURES, "（一）召开专题会议3次，培训干部两批。")
    assert run(text, "FZ460") == []
    text = report.replace(MEASURES, "（一）召开专题会议3次。").replace("一是普法形式单一。", "一是培训仅两次。")
    assert run(text, "FZ460") == []


def test_near_miss_indefinite_approximate_ordinal_and_quoted(run, report):
    text = report.replace(MEASURES, "（一）召开会议3次，再一次强调，组织两三次座谈，第二次会议通过，开展“两次提醒”活动，一次性告知。")
    assert run(text, "FZ460") == []


def test_chinese_year_beside_arabic_years(run, report):
    text = report + "示例乡人民政府\n二〇二五年一月十日\n"
    assert run(text, "FZ461") == [(13, 1, "FZ461", "warning", "年份写法不一致：“二〇二五年”与“2024年”")]


def test_year_fix_writes_arabic_digits(report):
    text = report + "示例乡人民政府\n二〇二五年一月十日\n"
    (d,) = check_text(text, Config(select=("FZ461",))).diagnostics
    (edit,) = d.fix.edits
    assert (text[edit.start : edit.end], edit.replacement) == ("二〇二五", "2025")


def test_near_miss_all_years_chinese_or_quoted(run):
    text = "示例乡二〇二四年法治政府建设年度报告\n二〇二四年以来，示例乡学习《二〇二四年普法要点》。\n"
    assert run(text, "FZ461") == []
    assert run("示例乡2024年法治政府建设年度报告\n学习《二〇二四年普法要点》。\n", "FZ461") == []
