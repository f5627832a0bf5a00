"""formats/json.chunk writes each finding with f-strings and its rule's fixed text (code, name,
severity, hint, basis) and a fix's opening cached: for any findings — any text, '%' and braces
included, fixes of several edits, places in a Word file — it stays ``indented(file_dict(result))``."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.api import check_text
from checker.config import Config
from checker.formats.json import chunk, file_dict, indented
from checker.model import Diagnostic, Edit, Fix, Span

TEXT = "某镇2024年法治政府建设情况报告\n\n一、工作,措施\n党的20大“引号”\\反斜杠\t。\n二、\n（一）1,2\n"
BASE = check_text(TEXT, Config(), path="a%s.txt", with_roles=True)
words = st.text(alphabet=st.sampled_from('甲乙 %s%%{}"\\\n\tab\u2028'), max_size=8)
offsets = st.integers(-2, len(TEXT) + 3)
edits = st.builds(Edit, offsets, offsets, words)
fixes = st.none() | st.builds(Fix, st.lists(edits, max_size=3).map(tuple), st.sampled_from(["safe", "unsafe"]), words)


@st.composite
def findings(draw):
    start, end = draw(offsets), draw(offsets)
    fix = draw(fixes)
    if fix is not None and draw(st.booleans()):  # the usual fix: one edit of the finding's own span
        fix = Fix((Edit(start, end, draw(words)),), fix.applicability, fix.title)
    code = draw(st.sampled_from(["FZ101", "FZ%1", "FZ{0}"]))
    return Diagnostic(code, draw(words), draw(st.sampled_from(["error", "warning", "info"])), draw(words), Span(start, end), draw(words), draw(words), fix)


@settings(max_examples=300, deadline=None)
@given(st.lists(findings(), max_size=5), st.booleans())
def test_chunk_is_the_indented_file_dict(found, placed):
    result = dataclasses.replace(BASE, diagnostics=found)
    if placed:  # a Word file's places (第N段), fewer than its lines
        result.document = dataclasses.replace(BASE.document, locations=("第1段", "第2%s段", "第3段"))
    assert chunk(result, None) == "    " + indented(file_dict(result), level=2)
