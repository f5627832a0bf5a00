"""classify's tests of the front and closing matter (metadata, the date) answer as their regexes do
(property tests): a text is asked of the regex only when it opens or ends as a match must."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.ingest import document_from_text
from checker.parse import classify as c

SETTINGS = settings(max_examples=500, deadline=None)
# every label of the metadata regex (with the spaces it allows), its separators, a site's name, and
# the pieces of a date: digits, Chinese numerals, 年 月 日, spaces and line ends
META_PIECES = [
    *(label.replace(r"\s*", gap) for label in c._META_LABELS for gap in ("", " ")), *c._META_SITES,
    "：", ":", " ", "|", "\u3000", "某县人民政府", "镇", "网站", "\n", "a", "发", "索", "【",
]  # fmt: skip
DATE_PIECES = ["2025", "202", "二〇二五", "〇", "年", "1", "12", "一", "十二", "二十", "月", "日", " ", "\u3000", "\n", "\r", "号", "。"]
meta_text = st.lists(st.one_of(st.sampled_from(META_PIECES), st.text(max_size=2)), max_size=8).map("".join)
date_text = st.lists(st.one_of(st.sampled_from(DATE_PIECES), st.text(max_size=1)), max_size=10).map("".join)


@SETTINGS
@given(meta_text)
@example("某县人民政府门户网站\n")  # $ matches before a last line end
@example("某县人民政府网")
@example("【 字体：大 中 小")
def test_is_meta_is_the_regexs_match(text):
    assert c.is_meta(text) == (c._META_RE.match(text) is not None)


def plain_is_date(text: str) -> bool:
    return c._DATE_RE.match(c.strip_ws(text)) is not None


@SETTINGS
@given(date_text)
@example("2025年1月20日\n")
@example("二〇二五年一月二十日　")
@example("2025年1月20日\n日")
def test_is_date_is_the_regexs_match(text):
    assert c.is_date(text) == plain_is_date(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(meta_text, date_text, st.sampled_from(["一、总体情况", "正文" * 25 + "。", "某镇人民政府", "法治政府建设工作报告"])), min_size=1, max_size=10))
@example(["某县人民政府门户网站", "来源：某镇", "2024年法治政府建设工作报告", "正文" * 25 + "。", "某镇人民政府", "2025年1月20日"])
def test_classify_reads_the_matter_as_the_regexs_do(texts):
    doc = document_from_text("\n".join(texts))
    fast = c.classify(doc.lines)
    saved = c.is_meta, c.is_date
    c.is_meta, c.is_date = (lambda text: c._META_RE.match(text) is not None), plain_is_date
    try:
        assert c.classify(doc.lines) == fast
    finally:
        c.is_meta, c.is_date = saved
