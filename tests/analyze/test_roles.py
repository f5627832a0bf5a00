"""Roles from position and content (issue 11): each shape fires where a reviewer would object, and its near miss does not."""

from __future__ import annotations

from checker.api import check_text
from checker.config import Config
from tests.conftest import REPORT

MEASURES_ITEM = "（一）依法全面履行政府职能。一是梳理权责清单126项。二是推进政务服务，办件量3100件。"
PLAN_PART = "四、2025年度推进法治政府建设的主要安排\n一是持续深化依法行政。二是加强执法队伍建设。\n"
FR_PART = "三、2024年度党政主要负责人履行推进法治建设第一责任人职责情况\n乡党委书记认真履行推进法治建设第一责任人职责，亲自部署重大法治工作。\n"


def outline_roles(text: str) -> list[tuple[str, tuple[str, ...], str]]:
    result = check_text(text, Config(select=("FZ1",)))
    return [(s.marker + s.heading, *_role(result, s)) for s in result.outline.walk()]


def _role(result, section) -> tuple[tuple[str, ...], str]:
    found = result.outline_roles.of(section)
    return found.roles, found.evidence


def codes(text: str, *select: str) -> list[str]:
    return [d.code for d in check_text(text, Config(select=select or ("FZ1",))).diagnostics]


def test_plan_words_in_a_measures_sub_heading_make_no_plan_part():
    text = REPORT.replace(PLAN_PART, "").replace(
        MEASURES_ITEM, MEASURES_ITEM + "\n（二）2024年工作思路和安排。全年召开专题会议4次，安排部署法治工作。"
    )
    assert codes(text, "FZ106") == ["FZ106"]
    assert ("（二）2024年工作思路和安排", ("measures",), "parent") in outline_roles(text)


def test_plan_sub_heading_near_miss_the_report_has_its_plan():
    text = REPORT.replace(MEASURES_ITEM, MEASURES_ITEM + "\n（二）工作思路和安排。全年召开专题会议4次。")
    assert codes(text, "FZ106", "FZ107", "FZ109") == []


def test_a_closing_plan_part_without_next_year_words_is_the_plan():
    text = REPORT.replace("四、2025年度推进法治政府建设的主要安排", "四、工作打算")
    assert codes(text, "FZ106") == []
    assert ("四、工作打算", ("plan",), "heading") in outline_roles(text)


def test_a_sub_heading_that_fits_its_parent_keeps_its_role():
    text = REPORT.replace(
        "二、2024年度推进法治政府建设存在的不足和原因\n",
        "二、存在的问题和下一步打算\n（一）存在的问题\n",
    ).replace(PLAN_PART, "（二）下一步打算\n一是持续深化依法行政。二是明年加强执法队伍建设。\n")
    roles = outline_roles(text)
    assert ("（一）存在的问题", ("shortcomings",), "heading") in roles
    assert ("（二）下一步打算", ("plan",), "heading") in roles
    assert codes(text, "FZ102", "FZ106") == []


def test_a_thematic_first_part_is_the_measures():
    text = REPORT.replace("一、2024年度推进法治政府建设的主要举措和成效", "一、学习贯彻习近平法治思想，筑牢法治根基")
    assert outline_roles(text)[0] == ("一、学习贯彻习近平法治思想，筑牢法治根基", ("measures",), "position")
    assert codes(text, "FZ101") == []


def test_first_responsible_part_in_other_words_with_the_principals_acts():
    text = REPORT.replace(
        FR_PART, "三、压实主体责任，发挥关键少数作用\n乡党委书记主持召开专题会议3次，带头学法4次，研究解决法治建设重大问题。\n"
    )
    assert ("三、压实主体责任，发挥关键少数作用", ("first_responsible",), "content") in outline_roles(text)
    assert codes(text, "FZ104", "FZ105") == []


def test_first_responsible_heading_in_other_words_near_miss_others_acts():
    text = REPORT.replace(
        FR_PART, "三、压实主体责任，发挥关键少数作用\n组织各村党支部书记开展述法，督促各站所主要负责人履行职责。\n"
    )
    assert ("三、压实主体责任，发挥关键少数作用", ("other",), "") in outline_roles(text)
    assert codes(text, "FZ104") == ["FZ104"]


def test_scoring_criteria_are_no_evidence():
    text = REPORT.replace(FR_PART, "").replace(
        MEASURES_ITEM, MEASURES_ITEM + "党政主要负责人履行第一责任人职责情况（10分），主持会议不少于2次得满分。"
    )
    assert codes(text, "FZ104", "FZ105") == ["FZ104"]


def test_the_principal_acting_inside_the_measures_is_buried_not_missing():
    text = REPORT.replace(FR_PART, "").replace(
        MEASURES_ITEM, MEASURES_ITEM + "乡党委书记主持召开法治建设专题会议3次。"
    )
    assert codes(text, "FZ104", "FZ105") == ["FZ105"]


def test_an_untitled_part_listing_problems_is_the_shortcomings_part():
    text = REPORT.replace(
        "二、2024年度推进法治政府建设存在的不足和原因\n一是普法形式单一。二是执法力量不足。究其原因，主要是专业人才缺乏。\n",
        "二、正视短处，补齐弱项\n一是普法形式较为单一。二是执法力量明显不足。三是法律顾问作用发挥不够。究其原因，主要是专业人才缺乏。\n",
    )
    assert ("二、正视短处，补齐弱项", ("shortcomings",), "content") in outline_roles(text)
    assert codes(text, "FZ102") == []


def test_an_untitled_part_of_work_done_after_the_measures_is_no_shortcomings_part():
    text = REPORT.replace(
        PLAN_PART, "五、创新举措\n全年开展普法活动12场，办理法律援助案件5件，组织培训3次。\n" + PLAN_PART
    )
    assert ("五、创新举措", ("measures",), "heading") in outline_roles(text)
    assert codes(text, "FZ102", "FZ106") == []


def test_analyze_returns_the_roles_beside_the_outline_and_leaves_the_parse_untouched():
    import copy
    import pickle

    from checker.analyze.roles import NO_ROLE, assign_roles
    from checker.api import ruleset_for
    from checker.ingest import document_from_text
    from checker.parse.outline import parse_document

    text = REPORT + PLAN_PART
    outline = parse_document(document_from_text(text))
    before = copy.deepcopy(outline)
    ruleset = ruleset_for(Config())
    found = assign_roles(outline, ruleset.roles, ruleset.segmenter(), 2024)
    assert outline == before  # nothing written into the parser's sections
    tops = [found.roles(s) for s in outline.sections]
    assert tops[-1] == ("plan",) and "measures" in tops[0]
    assert found.of(before.sections[0]) is NO_ROLE  # another outline's section has no roles here
    again = pickle.loads(pickle.dumps((outline, found)))
    assert [again[1].roles(s) for s in again[0].sections] == tops
