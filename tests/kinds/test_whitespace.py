"""whitespace: FZ470 (trailing), FZ471 (leading), FZ472 (special space characters)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.api import check_text
from checker.config import Config
from checker.fixes import fix_text


def test_trailing_space_after_a_heading(run, report):
    text = report.replace("四、2025年度推进法治政府建设的主要安排", "四、2025年度推进法治政府建设的主要安排 \u00a0")
    assert run(text, "FZ470") == [(10, 22, "FZ470", "info", "行尾有多余的空白：半角空格×1、不间断空格（NBSP）×1")]


def test_trailing_fix_is_a_safe_deletion(report):
    text = report.replace("主要安排", "主要安排\u3000")
    (d,) = check_text(text, Config(select=("FZ470",))).diagnostics
    (edit,) = d.fix.edits
    assert (d.fix.applicability, text[edit.start : edit.end], edit.replacement) == ("safe", "\u3000", "")


def test_near_miss_whitespace_only_lines_by_default(run, report):
    assert run(report.replace("\n\n", "\n\u00a0\n", 1) + " \n", "FZ470") == []


def test_leading_spaces_on_a_few_lines(run, report):
    text = report.replace("一是普法形式单一。", "    一是普法形式单一。")
    assert run(text, "FZ471") == [(7, 1, "FZ471", "info", "行首有多余的空白：半角空格×4")]


def test_near_miss_fullwidth_indent_and_consistent_indentation(run, report):
    assert run(report.replace("一是普法形式单一。", "\u3000\u3000一是普法形式单一。"), "FZ471") == []
    indented = "\n".join("  " + line if line else line for line in report.splitlines())
    assert run(indented, "FZ471") == []


def test_nbsp_inside_latin_text(run, report):
    text = report.replace("办件量3100件。", "办件量3100件，详见www.example.gov.cn\u00a0/fzzf。")
    assert run(text, "FZ472") == [(5, 66, "FZ472", "info", "文中有特殊空白字符：不间断空格（NBSP）×1")]


def test_en_space_between_latin_letters_becomes_a_space(report):
    text = report.replace("办件量3100件。", "办件量3100件，上线APP\u2002V2。")
    (d,) = check_text(text, Config(select=("FZ472",))).diagnostics
    assert d.fix.applicability == "safe" and d.fix.edits[0].replacement == " "


def test_near_miss_nbsp_between_chinese_is_fz406s(run, report):
    text = report.replace("依法全面履行", "依法\u00a0全面履行")
    assert run(text, "FZ472") == []


# Property: the safe fixes of the layout and number rules settle in one pass and never
# change a Chinese character (only spaces and the symbol-zero of a year are touched).
_HAN = "法治政府建设年度报告依法行政二〇二四五年"
_ALPHABET = _HAN + "○O0，。“”《》ABC123 \u3000\u00a0\u2002\t"
_LINES = st.lists(st.text(alphabet=_ALPHABET, max_size=30), min_size=1, max_size=6).map("\n".join)
_MINE = Config(select=("FZ47", "FZ462"))


def _han(text: str) -> list[str]:
    return [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LINES)
def test_safe_layout_fixes_settle_and_keep_the_chinese_characters(text):
    once = fix_text(text, _MINE)
    assert once.converged
    assert not fix_text(once.document.text, _MINE).changed
    assert _han(once.document.text) == _han(text)
