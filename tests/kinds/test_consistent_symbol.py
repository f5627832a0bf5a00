"""consistent_symbol: FZ407 — % beside ％ in one report; the fix goes to the majority form."""

from checker.config import Config
from checker.fixes import fix_text

B = "办件量3100件。"


def test_minority_form_fires(run, report):
    text = report.replace(B, "办结率100%，满意率99％，覆盖率98%。")
    assert run(text, "FZ407") == [(5, 50, "FZ407", "info", "百分号写法不统一：此处为“％”，全文多用“%”（“%”2处，“％”1处）")]


def test_tie_goes_to_the_first_listed_form(run, report):
    text = report.replace(B, "满意率99％，覆盖率98%。")
    assert [f[:3] for f in run(text, "FZ407")] == [(5, 42, "FZ407")]


def test_fix_before_and_after(report):
    text = report.replace(B, "办结率100％，满意率99％，覆盖率98%。")
    after = report.replace(B, "办结率100％，满意率99％，覆盖率98％。")
    assert fix_text(text, Config(select=("FZ407",))).document.text == after


def test_near_miss_one_form_and_a_percent_in_a_url(run, report):
    text = report.replace(B, "办结率100%，详见www.gov.cn/a%20b，满意率3.5%。")
    assert run(text, "FZ407") == []
