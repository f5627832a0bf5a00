"""Every rule's basis names its source, quotes only clause text confirmed against public sources,
and cites no article number that was not confirmed (issue 12; sources in docs/wording-and-quality.md).

A basis is a list of sources separated by "；".  Where it gives a standard's clause or a regulation's
article followed by a parenthesis, that parenthesis is the clause's text (or, marked by its form,
a faithful short summary) and must be one of the texts recorded here for that clause.
"""

from __future__ import annotations

import re

import pytest

from checker.packs import load_ruleset

RULES = sorted(load_ruleset().rules.values(), key=lambda r: r.code)

# Where a basis may come from.  "审查惯例" is practice and says so; "fzcheck 输入要求" is the tool's own.
SOURCES = (
    "《法治政府建设与责任落实督察工作规定》",
    "《党政主要负责人履行推进法治建设第一责任人职责规定》",
    "《党政机关公文处理工作条例》",
    "《法治政府建设实施纲要（2021—2025年）》",
    "GB/T 9704-2012《党政机关公文格式》",
    "GB/T 15834-2011《标点符号用法》",
    "GB/T 15835-2011《出版物上数字用法》",
    "GB/T 15835-1995《出版物上数字用法的规定》",
    "《中共中央关于全面推进依法治国若干重大问题的决定》",
    "《中华人民共和国法治宣传教育法》",
    "《行政执法监督条例》",
    "《中华人民共和国行政处罚法》",
    "《中国共产党章程》",
    "《现代汉语词典》",
    "中共中央全体会议",
    "《中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要》",
    "《中华人民共和国个人信息保护法》",
    "审查惯例",
    "县级自定",
    "fzcheck 输入要求",
)

# Clause → the texts a basis may give in parentheses after it (checked letter for letter).
CLAUSES = {
    "7.3.3": {
        "文中结构层次序数依次可以用“一、”“（一）”“1.”“（1）”标注",
        "每个自然段左空二字，回行顶格",
    },
    "7.3.1": set(),
    "7.2.5": {"发文字号的年份用六角括号“〔〕”括入"},
    "7.3.4": {"如有多个附件，使用阿拉伯数字标注附件顺序号"},
    "附录B.3.2": {"不带括号的汉字数字或“天干地支”做序次语时，后用顿号"},
    "附录B.3.3": {"不带括号的阿拉伯数字、拉丁字母或罗马数字做序次语时，后面用下脚点"},
    "B.3.4": {"加括号的序次语后面不用任何点号"},
    "附录B.3.6": {"用于章节、条款的序次语后宜用空格表示停顿"},
    "附录B.3.8": {"使用层次较低的序次语之后不宜反过来再使用层次更高的序次语"},
    "4.8": {"引号"},
    "4.9": {"括号"},
    "4.15": {"书名号"},
    "第5章": {"标点符号的位置和书写形式"},
    "4.1.1": {"用于计量的数字用阿拉伯数字"},
    "4.3": {"数字个数不多时两种形式均可使用，同一场合同类别同形式", "示例：不写为“二〇〇八年8月8日”"},
    "5.2.5": {"“公元2012（年）”的汉字数字形式为“二〇一二”，不写为“二零一二”"},
    "5.1.1.1": {"年份一般不用缩写。如1990年不应简作“九○年”或“90年”。"},
    "4.1.2": {"定型的词、词组、成语、惯用语、缩略语或具有修辞色彩的词语中作为语素的数字，必须使用汉字"},
}
# Article numbers confirmed in the text of the regulation (docs/wording-and-quality.md lists the pages).
ARTICLES = {
    "《党政主要负责人履行推进法治建设第一责任人职责规定》": {"第二条", "第四条"},
    "该规定": {"第二条", "第四条"},
    "《党政机关公文处理工作条例》": {"第五条", "第八条", "第九条"},  # 第九条 公文要素: research §7 (FZ203 row)
    "《法治政府建设与责任落实督察工作规定》": {"第二十四条"},
    "《中华人民共和国行政处罚法》": {"第五十八条"},
}
ARTICLE_TEXTS = {
    ("《党政主要负责人履行推进法治建设第一责任人职责规定》", "第四条"): {
        "对法治建设重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办",
        "党政主要负责人作为推进法治建设第一责任人……",
    },
    ("该规定", "第二条"): {"本规定适用于县级以上地方党委和政府主要负责人。"},
    ("《党政机关公文处理工作条例》", "第五条"): {"实事求是、准确规范、精简高效、安全保密的原则"},
    ("《法治政府建设与责任落实督察工作规定》", "第二十四条"): {
        "每年4月1日之前，地方各级政府和县级以上政府部门的法治政府建设年度报告，除涉及党和国家秘密的，应当通过报刊、网站等新闻媒体向社会公开，接受人民群众监督。",
    },
    ("《中华人民共和国行政处罚法》", "第五十八条"): {"应当由从事行政处罚决定法制审核的人员进行法制审核"},
}
# the five items of the report, as the regulation words them
ITEMS = {
    "（一）": "上一年度推进法治政府建设的主要举措和成效",
    "（二）": "上一年度推进法治政府建设存在的不足和原因",
    "（三）": "上一年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
    "（四）": "下一年度推进法治政府建设的主要安排",
    "（五）": "其他需要报告的情况",
}

_CLAUSE_RE = re.compile(r"(附录B\.\d+\.\d+|B\.\d+\.\d+|第\d+章|\d+(?:\.\d+){1,3})（([^（）]*(?:（[^（）]*）[^（）]*)*)）")
_ARTICLE_RE = re.compile(r"(《[^》]+》|该规定)(?:（[^）]*）)?[^；《]*?(第[一二三四五六七八九十]+条)(?:（([^（）]*(?:（[^（）]*）[^（）]*)*)）)?")
_ITEM_RE = re.compile(r"第(（[一二三四五]）)项“([^”]*)”")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_basis_names_its_source(rule):
    assert any(source in rule.basis for source in SOURCES), f"{rule.code}: basis names no known source: {rule.basis}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_quoted_clauses_are_the_confirmed_text(rule):
    for clause, text in _CLAUSE_RE.findall(rule.basis):
        assert clause in CLAUSES, f"{rule.code}: clause {clause} is not among the confirmed ones"
        assert text in CLAUSES[clause], f"{rule.code}: {clause}（{text}）is not the confirmed text"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_articles_are_confirmed_and_quoted_exactly(rule):
    for source, article, text in _ARTICLE_RE.findall(rule.basis):
        assert article in ARTICLES.get(source, set()), f"{rule.code}: {source}{article} is not confirmed"
        if text and (source, article) in ARTICLE_TEXTS:
            assert text in ARTICLE_TEXTS[(source, article)], f"{rule.code}: {source}{article}（{text}）"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_report_items_are_worded_as_the_regulation(rule):
    for number, text in _ITEM_RE.findall(rule.basis):
        assert ITEMS[number] == text, f"{rule.code}: 第{number}项 is “{ITEMS[number]}”"


def test_permissive_standard_is_quoted_with_its_keyword():
    bases = [r.basis for r in RULES if "7.3.3（文中结构层次序数" in r.basis]
    assert bases and all("依次可以用" in b for b in bases)


def test_the_checks_catch_a_misquote():
    assert _CLAUSE_RE.findall("GB/T 9704-2012《党政机关公文格式》7.3.3（文中结构层次序数依次用“一、”标注）") == [
        ("7.3.3", "文中结构层次序数依次用“一、”标注")
    ]
    assert _ARTICLE_RE.findall("《法治政府建设与责任落实督察工作规定》第二十五条") == [
        ("《法治政府建设与责任落实督察工作规定》", "第二十五条", "")
    ]


# Quoted sentences that are not a standard's clause or an article (docs/wording-and-quality.md lists the pages):
# the reporting deadline as a province's guide quotes the regulation, and two dictionary entries.
DEADLINE_QUOTES = {
    "每年3月1日之前……市、县、乡党委和政府报上一级党委和政府，同时抄送上一级党委法治建设议事协调机构",
    "市、县、乡党委和政府报上一级党委和政府",
}
DICTIONARY = {
    "截至": "截止到（某个时候）：报名日期截至本月底。",
    "截止": "（到一定期限）停止：报名在昨天已经截止。",
}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_deadline_and_dictionary_quotes_are_the_confirmed_text(rule):
    if "《法治政府建设与责任落实督察工作规定》" in rule.basis:
        for quoted in re.findall(r"的规定：“([^”]*)”", rule.basis):
            assert quoted in DEADLINE_QUOTES, f"{rule.code}: “{quoted}” is not the confirmed text"
            assert "条号未核实" in rule.basis, f"{rule.code}: the article of the reporting rules is not confirmed"
    for m in re.finditer(r"“(截至|截止)”条（", rule.basis):
        assert rule.basis[m.end() :].startswith(DICTIONARY[m.group(1)] + "）"), f"{rule.code}: “{m.group(1)}” entry misquoted"


def test_the_new_quotes_are_checked():
    """The rules that quote the deadline and the dictionary exist, so the test above is not vacuous."""
    quoting = {r.code for r in RULES if "的规定：“" in r.basis or "”条（" in r.basis}
    assert {"FZ206", "FZ207", "FZ512", "FZ513"} <= quoting
