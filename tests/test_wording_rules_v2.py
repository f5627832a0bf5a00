"""The rules added by issue 12: each fires on its example and stays silent on its near miss;
the safe fixes give the expected text."""

from __future__ import annotations

import pytest

from checker.config import Config
from checker.fixes import fix_text

HEAD = "示例乡2024年法治政府建设年度报告\n\n"


@pytest.mark.parametrize(
    "code,text,message",
    [
        ("FZ501", "加快建设法制政府。", "“法制政府”是旧提法，应为“法治政府”"),
        ("FZ501", "创建全国民主法制示范村（社区）1个。", "“民主法制示范村”是旧提法，应为“民主法治示范村”"),
        ("FZ506", "扎实推进法制建设。", "“法制建设”多为旧提法，指推进依法治理时应为“法治建设”"),
        ("FZ507", "严格落实重大执法决定法治审核制度。", "“法治审核”应为“法制审核”：法制审核是法定名称"),
        ("FZ508", "我乡经验做法在《法制日报》刊发。", "“法制日报”如指现在的报纸或机构，应为“法治日报”"),
        ("FZ509", "深入学习习总书记重要论述。", "“习总书记”是不规范的简称，应为“习近平总书记”"),
        ("FZ510", "履行法治政府建设第一责任人职责。", "职责名称应为“推进法治建设第一责任人”，不是“法治政府建设第一责任人”"),
        ("FZ511", "学习党的20大精神。", "“党的20大”应写汉字“党的二十大”"),
        ("FZ511", "学习二十届3中全会精神。", "“3”应写汉字“三”"),
        ("FZ408", "依据厅字[2019]28号文件。", "发文字号“[2019]”的年份应使用六角括号，写作“〔2019〕”"),
        ("FZ409", "开展宣传１２场。", "全角数字“１２”应写作半角“12”"),
        ("FZ512", "截止目前共调解纠纷32起。", "“截止目前”应为“截至目前”：表示到某时为止用“截至”，“截止”指到期停止"),
        ("FZ512", "截止2024年底共调解纠纷32起。", "“截止”应为“截至”：表示到某时为止用“截至”，“截止”指到期停止"),
        ("FZ513", "截止到目前共调解纠纷32起。", "“截止到”可简作“截至”"),
    ],
)
def test_fires(run, code, text, message):
    assert [(f[2], f[4]) for f in run(HEAD + text + "\n", code)] == [(code, message)]


@pytest.mark.parametrize(
    "code,text",
    [
        ("FZ501", "完善学法制度，订阅《法治日报》。"),
        ("FZ506", "扎实推进法治建设，严格落实重大执法决定法制审核。"),
        ("FZ507", "严格落实重大执法决定法制审核制度。"),
        ("FZ508", "2017年经原县法制办审核后印发，《法制日报》2020年更名为《法治日报》。"),
        ("FZ509", "深入学习习近平总书记重要论述。"),
        ("FZ510", "履行推进法治建设第一责任人职责，加强法治政府建设。"),
        ("FZ511", "学习党的二十大和二十届三中全会精神，开展培训20次。"),
        ("FZ408", "依据厅字〔2019〕28号文件，全年（2024年）培训3次。"),
        ("FZ409", "开展宣传12场。"),
        ("FZ512", "报名截止日期为3月1日，征文于6月30日截止，截止于12月底；截至目前共调解纠纷32起。"),
        ("FZ513", "截至目前共调解纠纷32起，征文于6月30日截止。"),
    ],
)
def test_near_misses(run, code, text):
    assert run(HEAD + text + "\n", code) == []


@pytest.mark.parametrize(
    "code,before,after",
    [
        ("FZ507", "落实重大执法决定法治审核制度。", "落实重大执法决定法制审核制度。"),
        ("FZ509", "学习习总书记重要论述。", "学习习近平总书记重要论述。"),
        ("FZ511", "学习党的20大和20届3中全会精神。", "学习党的二十大和二十届三中全会精神。"),
        ("FZ408", "依据厅字[2019]28号、×发(2024)3号、某发【2023】5号文件。", "依据厅字〔2019〕28号、×发〔2024〕3号、某发〔2023〕5号文件。"),
        ("FZ409", "２０２４年开展宣传１２场。", "2024年开展宣传12场。"),
        ("FZ512", "截止目前共调解纠纷32起。", "截至目前共调解纠纷32起。"),
        ("FZ513", "截止到目前共调解纠纷32起。", "截至目前共调解纠纷32起。"),
    ],
)
def test_safe_fixes(code, before, after):
    assert fix_text(HEAD + before + "\n", Config(select=(code,))).document.text == HEAD + after + "\n"


def test_jiezhi_before_a_date_is_only_a_suggested_fix():
    """截止2024年底 → 截至2024年底 is proposed, not applied: only 截止目前 and 截止到 are certain."""
    from checker.api import check_text

    text = HEAD + "截止2024年底共调解纠纷32起。\n"
    assert fix_text(text, Config(select=("FZ512",))).document.text == text
    (found,) = check_text(text, Config(select=("FZ512",))).diagnostics
    assert (found.fix.applicability, found.fix.edits[0].replacement) == ("unsafe", "至")


def test_seeds_stay_silent_on_the_new_typography_and_political_rules():
    from pathlib import Path

    from checker.api import check_path

    seeds = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
    new = {"FZ408", "FZ409", "FZ507", "FZ508", "FZ509", "FZ510", "FZ511", "FZ512", "FZ513", "FZ514"}
    found = {seed.name[:3]: {d.code for d in check_path(seed, discover=False).diagnostics} & new for seed in seeds.glob("*.txt")}
    # true findings: seed 004 writes 党政一把手作为推进法治政府建设第一责任人 (line 4);
    # seed 000 writes 截止目前全乡“法宣在线”所有学员 (line 13)
    assert found == {"000": {"FZ512"}, "001": set(), "002": set(), "003": set(), "004": {"FZ510"}}


def test_seeds_and_the_closing_and_personal_data_rules():
    """No seed has a 落款 (a true FZ205 each, at its last line); none has a dated or one-sided 落款
    or a phone or ID number. FZ505 fires once, on seed 004's 2025年……“十四五”规划承前启后 (line 14)."""
    from pathlib import Path

    from checker.api import check_path

    seeds = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
    codes = {"FZ205", "FZ206", "FZ207", "FZ606", "FZ505"}
    found = {
        seed.name[:3]: sorted(d.code for d in check_path(seed, discover=False).diagnostics if d.code in codes)
        for seed in seeds.glob("*.txt")
    }
    assert found == {
        "000": ["FZ205"], "001": ["FZ205"], "002": ["FZ205"], "003": ["FZ205"], "004": ["FZ205", "FZ505"],
    }
