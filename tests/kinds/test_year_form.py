"""year_form: FZ462 (the zero of a Chinese-numeral year) and FZ463 (two-digit years)."""

from checker.api import check_text
from checker.config import Config


def test_circle_zero_fires_with_a_safe_fix(run, report):
    text = report + "示例乡人民政府\n二○二五年一月十日\n"
    assert run(text, "FZ462") == [(13, 1, "FZ462", "warning", "年份“二○二五年”中的“零”写法不规范，应为“二〇二五年”")]
    (d,) = check_text(text, Config(select=("FZ462",))).diagnostics
    (edit,) = d.fix.edits
    assert (d.fix.applicability, text[edit.start : edit.end], edit.replacement) == ("safe", "二○二五", "二〇二五")


def test_ling_is_only_suggested(report):
    text = report + "示例乡人民政府\n二零二五年一月十日\n"
    (d,) = check_text(text, Config(select=("FZ462",))).diagnostics
    assert d.fix.applicability == "unsafe" and d.fix.edits[0].replacement == "二〇二五"


def test_near_miss_correct_zero_and_quoted(run, report):
    assert run(report + "二〇二五年一月十日\n", "FZ462") == []
    assert run(report.replace("办件量3100件。", "学习《二○二四年普法要点》。"), "FZ462") == []


def test_abbreviated_year_fires(run, report):
    text = report.replace("一是梳理权责清单126项。", "一是24年3月梳理权责清单126项。")
    assert run(text, "FZ463") == [(5, 17, "FZ463", "warning", "年份“24年”不应简写，应为“2024年”")]


def test_near_miss_durations_and_full_years(run, report):
    text = report.replace("一是梳理权责清单126项。", "一是近30年来首次梳理权责清单，2024年3月完成。")
    assert run(text, "FZ463") == []
