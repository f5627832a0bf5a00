"""repeated_paragraph: FZ475 (a paragraph written twice)."""

from checker.api import check_text
from checker.config import Config

PARA = "组织全体干部集中学习宪法和民法典，全年共4次。"


def test_second_copy_is_reported_with_the_first_line(run, report):
    text = report.replace("一是普法形式单一。", PARA + "\n一是普法形式单一。").replace(
        "一是持续深化依法行政。", PARA + "\n一是持续深化依法行政。"
    )
    assert run(text, "FZ475") == [(12, 1, "FZ475", "warning", "本段与第7行完全相同（组织全体干部集中学习宪法…）")]


def test_spaces_do_not_hide_a_copy(run, report):
    text = report.replace("一是普法形式单一。", PARA + "\n一是普法形式单一。").replace(
        "一是持续深化依法行政。", "　　" + PARA + " \n一是持续深化依法行政。"
    )
    assert [f[:3] for f in run(text, "FZ475")] == [(12, 1, "FZ475")]


def test_fix_deletes_the_copy_and_its_line_break(report):
    text = report.replace("一是普法形式单一。", PARA + "\n一是普法形式单一。").replace(
        "一是持续深化依法行政。", PARA + "\n一是持续深化依法行政。"
    )
    (d,) = check_text(text, Config(select=("FZ475",))).diagnostics
    (edit,) = d.fix.edits
    fixed = text[: edit.start] + edit.replacement + text[edit.end :]
    assert d.fix.applicability == "unsafe" and fixed.count(PARA) == 1 and "\n\n一是持续" not in fixed


def test_near_miss_short_lines_and_similar_paragraphs(run, report):
    similar = "组织全体干部学习新修订的行政复议法，全年共4次。"
    text = report.replace("一是持续深化依法行政。", "一是普法形式单一。\n" + similar + "\n")
    text = text.replace("一是普法形式单一。二是", PARA + "二是")
    assert run(text, "FZ475") == []
