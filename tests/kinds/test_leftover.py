from checker.api import check_text
from checker.config import Config


def test_bookmark_before_heading_is_reported_and_heading_still_parsed(run, report):
    text = report.replace("一、2024年度推进", "[bookmark: _GoBack]一、2024年度推进")
    assert run(text, "FZ450", "FZ101") == [(4, 1, "FZ450", "warning", "文中残留转换痕迹“[bookmark: _GoBack]”")]


def test_broken_reference_inside_a_line(run, report):
    text = report.replace("办件量3100件。", "办件量3100件（见表错误！未找到引用源。）。")
    assert run(text, "FZ450") == [(5, 48, "FZ450", "warning", "文中残留转换痕迹“错误！未找到引用源。”")]


def test_fix_deletes_exactly_the_leftover(report):
    text = report.replace("一、2024年度推进", "[bookmark: _GoBack]一、2024年度推进")
    (d,) = check_text(text, Config(select=("FZ450",))).diagnostics
    (edit,) = d.fix.edits
    assert d.fix.applicability == "safe"
    assert text[edit.start : edit.end] == "[bookmark: _GoBack]" and edit.replacement == ""


def test_square_brackets_in_text_near_miss(run, report):
    text = report.replace("办件量3100件。", "办件量3100件[注]。")
    assert run(text, "FZ450") == []
