"""Property tests (hypothesis) of fixing: it settles, it is idempotent, and it never changes the
Chinese characters of the text — only punctuation, spaces and numbers' marks."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.config import Config
from checker.fixes import fix_text

HAN = "法治政府建设年度报告依法行政推进工作情况社区村是"
MARKS = "，。、；：？！“”‘’（）《》【】,.;:?!()%％"
SPACES = " \u3000\u00a0\t"
PREFIXES = ["", "", "", "一、", "二、", "（一）", "(二)", "（三", "四）", "五．", "1.", "2、", "（1）", "(2)", "三、 ", "一是", "二是"]
MINE = Config(select=("FZ30", "FZ40", "FZ450"))

body = st.text(alphabet=HAN + MARKS + SPACES + "0123456789APGD", max_size=40)
line = st.builds(lambda prefix, text: prefix + text, st.sampled_from(PREFIXES), body)
report = st.lists(line, min_size=1, max_size=8).map("\n".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def han(text: str) -> list[str]:
    return [ch for ch in text if ch in HAN or "\u4e00" <= ch <= "\u9fff"]


@SETTINGS
@given(report)
def test_fixing_settles_and_is_idempotent(text):
    once = fix_text(text, MINE)
    assert once.converged
    twice = fix_text(once.document.text, MINE)
    assert not twice.changed
    assert twice.document.text == once.document.text


@SETTINGS
@given(report)
def test_fixing_never_changes_the_chinese_characters(text):
    fixed = fix_text(text, MINE, unsafe=True).document.text
    assert han(fixed) == han(text)


@SETTINGS
@given(report)
def test_safe_fixes_of_every_rule_settle(text):
    once = fix_text(text)
    assert not fix_text(once.document.text).changed
