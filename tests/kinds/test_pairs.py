"""pairs: FZ403 unpaired brackets and quotes, FZ404 bracket pairs of mixed width."""

import pytest

from checker.api import check_text
from checker.config import Config
from checker.fixes import fix_text

B = "办件量3100件。"


@pytest.mark.parametrize(
    "body,col,message",
    [
        ("办件量3100件，落实“谁执法谁普法。", 48, "左双引号没有配对的右双引号"),
        ("办件量3100件）。", 45, "右括号没有配对的左括号"),
        ("办件量3100件，见《纲要。", 47, "左书名号没有配对的右书名号"),
        ("办件量3100件，落实”谁执法谁普法“。", 48, "右双引号没有配对的左双引号"),
    ],
)
def test_unpaired_marks(run, report, body, col, message):
    found = run(report.replace(B, body), "FZ403")
    assert found[0] == (5, col, "FZ403", "warning", message)


def test_crossed_marks_report_the_inner_opener(run, report):
    # “……（……” closes the quote while the bracket is still open
    assert run(report.replace(B, "落实“谁执法（谁普法”。"), "FZ403") == [(5, 43, "FZ403", "warning", "左括号没有配对的右括号")]


def test_mismatched_width_in_seed_004_style(run, report):
    text = report.replace(B, "办件量3100件，覆盖各村(社区）。")
    assert run(text, "FZ403", "FZ404") == [(5, 50, "FZ404", "warning", "全角、半角括号混用：“(社区）”应为“（社区）”")]
    assert fix_text(text, Config(select=("FZ404",))).document.text == report.replace(B, "办件量3100件，覆盖各村（社区）。")


def test_mismatch_inside_a_quoted_title_is_only_suggested(report):
    text = report.replace(B, "印发《某某办法(试行）》。")
    (d,) = check_text(text, Config(select=("FZ404",))).diagnostics
    assert d.fix.applicability == "unsafe"
    assert fix_text(text, Config(select=("FZ404",))).document.text == text


@pytest.mark.parametrize(
    "body",
    [
        "落实“谁执法谁普法”，依据《法治政府建设实施纲要（2021—2025年）》。",  # nested pairs
        "China’s GDP增长3.5%。",  # an apostrophe between Latin letters
        "他说：“要落实‘谁执法谁普法’。”",  # single quotes inside double quotes
        "覆盖各村（社区）和学校(幼儿园)。",  # both halves of one width (half width is FZ402's)
    ],
)
def test_near_misses(run, report, body):
    assert run(report.replace(B, body), "FZ403", "FZ404") == []


def test_heading_number_bracket_is_not_counted(run, report):
    text = report.replace("（一）依法全面履行政府职能。", "（一依法全面履行政府职能。")
    assert run(text, "FZ403") == []  # the broken number is FZ306's


# --- the scan's fast path: pairs with no mark inside found by one regex pass ---

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


def _whole_scan(text, col, params):
    """The mark-by-mark scan over the whole line (what scan did before its fast path)."""
    from checker.kinds.pairs import _scan

    return _scan(text, col, len(text), params, [], [], [])


def _read(matched):
    """The pairs the rules read: titles 《》 and （） of mixed widths."""
    return sorted(
        (o, c) for o, c in matched if o.kind == "《》" or (o.kind == "（）" and (o.char == "(") != (c.char == ")"))
    )


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab （）()“”‘’《》【】〔〕", max_size=24), st.integers(0, 3))
def test_fast_path_finds_what_the_whole_scan_finds(text, col):
    from checker.kinds.pairs import Params, scan

    params = Params(report="unpaired")
    matched, unpaired = scan(text, col, params)
    whole_matched, whole_unpaired = _whole_scan(text, col, params)
    assert unpaired == whole_unpaired
    assert _read(matched) == _read(whole_matched)
