"""Entity and year from the title, the line under it, the 落款 and the plan — never from the addressee line."""

from checker.api import check_text
from checker.config import Config

BODY = "一、主要举措和成效\n全年开展执法检查36次，办理行政处罚案件9件，组织培训4次。\n"


def facts(text: str):
    f = check_text(text, Config(select=("FZ1",))).facts
    return f.year, f.year_source, f.entity


def test_department_on_the_line_under_the_title():
    assert facts("2023年法治政府建设年度报告\n青山县司法局\n\n2023年，县司法局坚持依法行政。\n" + BODY) == (2023, "title", "青山县司法局")


def test_the_addressee_is_not_the_author():
    text = "法治政府建设年度报告\n\n中共青山县委员会、青山县人民政府：\n根据市政府和区里的部署，今年以来全面推进依法行政。\n" + BODY
    text += "\n青禾镇人民政府\n2025年1月22日\n"
    assert facts(text) == (2024, "signature", "青禾镇人民政府")


def test_no_author_named_gives_no_entity_rather_than_a_fragment():
    text = "法治政府建设年度报告\n\n根据市政府和区里的部署，今年以来全面推进依法行政。\n" + BODY
    assert facts(text) == (None, "", "")


def test_year_from_a_date_late_in_the_year_is_that_year():
    text = "青禾镇法治政府建设年度报告\n\n今年以来，青禾镇坚持依法行政。\n" + BODY + "\n青禾镇人民政府\n2024年12月28日\n"
    assert facts(text) == (2024, "signature", "青禾镇")


def test_year_from_the_plan():
    text = "青禾镇法治政府建设年度报告\n\n今年以来，青禾镇坚持依法行政。\n" + BODY + "二、2025年工作安排\n一是持续深化依法行政。\n"
    assert facts(text) == (2024, "plan", "青禾镇")
