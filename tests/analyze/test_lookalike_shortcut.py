"""find_lookalike's title shortcut (one regex for every look-alike's title words, searched before the
tables are read one by one) never passes over a title the plain loop names (property test)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.analyze.lookalike import LookalikeDef, find_lookalike, names_annual_report
from checker.api import ruleset_for
from checker.config import Config
from checker.model import Outline

LOOKALIKES = ruleset_for(Config()).lookalikes
TITLE_WORDS = sorted({w for d in LOOKALIKES.values() for w in (*d.title, *d.title_unless_report)})
PIECES = [*TITLE_WORDS, "某镇", "2024年", "法治政府建设", "年度报告", "情况", "的", "关于", "工作"]
title = st.lists(st.sampled_from(PIECES), max_size=5).map("".join)


def plain_title_lookalike(title: str, lookalikes: dict[str, LookalikeDef]) -> str:
    """The title part of find_lookalike as written before its shortcut."""
    report_title = names_annual_report(title)
    for name, d in lookalikes.items():
        if any(word in title for word in d.title):
            return name
        if not report_title and any(word in title for word in d.title_unless_report):
            return name
    return ""


@settings(max_examples=400, deadline=None)
@given(title)
@example("某镇2024年法治政府建设年度报告")
@example("关于2024年度述法报告")
def test_the_title_shortcut_names_what_the_loop_names(title):
    outline = Outline(lines=(), kinds=())  # no body: a look-alike is named by the title alone
    assert find_lookalike(outline, title, LOOKALIKES) == plain_title_lookalike(title, LOOKALIKES)


def test_a_table_without_title_words_and_one_with_an_empty_word():
    outline = Outline(lines=(), kinds=())
    assert find_lookalike(outline, "某镇工作总结", {"甲": LookalikeDef(name="甲")}) == ""
    assert find_lookalike(outline, "某镇工作总结", {"乙": LookalikeDef(name="乙", title=("",))}) == "乙"
