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
    """The plain mark-by-mark scan over the whole line (what scan did before its fast path and its
    constant-time closing): each closer looks down the stack for the nearest opener of its kind."""
    from checker.kinds.pairs import Mark, _marks

    openers, closers = _marks(params.pairs)
    stack, matched, unpaired = [], [], []
    for i in range(col, len(text)):
        ch = text[i]
        if ch == "’" and 0 < i < len(text) - 1 and all(c.isascii() and c.isalpha() for c in (text[i - 1], text[i + 1])):
            continue
        if ch in openers:
            stack.append(Mark(i, ch, openers[ch]))
        elif ch in closers:
            kind = closers[ch]
            depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].kind == kind), None)
            if depth is None:
                unpaired.append(Mark(i, ch, kind))
                continue
            unpaired.extend(stack[depth + 1 :])
            matched.append((stack[depth], Mark(i, ch, kind)))
            del stack[depth:]
    unpaired.extend(stack)
    unpaired.sort(key=lambda m: m.col)
    return matched, unpaired


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


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab （）()“”‘’《》【】〔〕〈〉", max_size=40), st.integers(0, 3))
def test_scan_without_fast_path_finds_what_the_whole_scan_finds(text, col):
    """Pairs where one mark opens one pair and closes another have no fast path: the one-pass scan
    alone must give the plain scan's pairs and marks, in the same order."""
    from checker.kinds.pairs import Params, _fast_res, scan

    params = Params(report="unpaired", pairs=("（）", "“”", "〈〉", "〉《"))
    assert _fast_res(params.pairs) is None
    assert scan(text, col, params) == _whole_scan(text, col, params)


def test_closers_of_another_kind_after_many_open_marks():
    """10,000 openers never closed, then 10,000 closers of another kind: every mark is unpaired and
    the openers stay indexed by kind (a closer looks its kind up instead of walking the stack)."""
    from checker.kinds.pairs import Params, _marks, _Pairing

    text = "“" * 10_000 + "）" * 10_000
    pairing = _Pairing(*_marks(Params(report="unpaired").pairs))
    for i in range(len(text)):
        pairing.mark(text, i)
    matched, unpaired = pairing.finish()
    assert matched == [] and len(unpaired) == 20_000
    assert pairing.open_at == {"“”": list(range(10_000))}
