"""signature: FZ205 (no 落款), FZ206 (成文日期 after 3月1日 of the next year), FZ207 (乡镇 signed by one side)."""

import pytest

BODY = """示例乡2024年法治政府建设年度报告

一、2024年度推进法治政府建设的主要举措和成效
全年开展普法宣传12场，调解纠纷32起。
二、2025年度推进法治政府建设的主要安排
持续深化依法行政。
"""
CODES = ("FZ205", "FZ206", "FZ207")


def test_no_signature_at_all(run):
    assert run(BODY, *CODES) == [(6, 1, "FZ205", "info", "未见落款：报告末尾没有署名和成文日期")]


@pytest.mark.parametrize(
    "closing",
    [
        "\n中共示例乡委员会　示例乡人民政府\n2025年1月20日\n",
        "\n中共示例乡委员会\n示例乡人民政府\n二〇二五年一月二十日\n",
        "\n中共示例乡委员会  示例乡人民政府  2025年1月20日\n",
        "\n中共示例乡委员会\n示例乡人民政府\n2025 年 2 月 28 日\n（此件公开发布）\n",
        "\n中共示例乡委员会\n示例乡人民政府\n2025年3月1日\n\n附件：1.2024年度法治建设工作台账\n",
        "\n中共示例乡委员会　示例乡人民政府\n2025年1月\n",  # a month without its day
    ],
)
def test_near_miss_joint_signature_dated_in_time(run, closing):
    assert run(BODY + closing, *CODES) == []


def test_a_place_name_alone_is_a_signer(run):
    """示例乡 under the text, without a date, is a 落款: FZ205 stays silent."""
    assert run(BODY + "\n示例乡\n", "FZ205") == []


def test_near_miss_web_copy_with_metadata_and_fragments(run):
    """A page copied with its 发布机构/成文日期 lines, and a part pasted alone, are not told to add a 落款."""
    assert run("发布机构：示例乡人民政府\n成文日期：2025-01-20\n" + BODY, *CODES) == []
    assert run("全年开展普法宣传12场，调解纠纷32起。\n", *CODES) == []


def test_signed_after_the_deadline(run):
    text = BODY + "\n中共示例乡委员会\n示例乡人民政府\n2025年3月15日\n"
    assert run(text, *CODES) == [
        (10, 1, "FZ206", "warning", "成文日期2025年3月15日晚于2025年3月1日，已超过年度报告报送上一级的期限")
    ]


def test_near_miss_year_taken_from_the_date_itself(run):
    """Without a year in the title or opening, the year comes from the date: it cannot also judge the date."""
    text = BODY.replace("示例乡2024年法治政府建设年度报告", "示例乡法治政府建设年度报告").replace("2024年度", "本年度")
    text = text.replace("2025年度推进", "下一年度推进") + "\n中共示例乡委员会\n示例乡人民政府\n2025年6月15日\n"
    assert run(text, "FZ206") == []


@pytest.mark.parametrize(
    "signer,message",
    [
        ("示例乡人民政府", "乡镇报告只有政府落款，未见乡镇党委"),
        ("中共示例乡委员会", "乡镇报告只有党委落款，未见乡镇政府"),
    ],
)
def test_township_signed_by_one_side(run, signer, message):
    assert run(BODY + f"\n{signer}\n2025年1月20日\n", *CODES) == [(8, 1, "FZ207", "info", message)]


def test_near_miss_county_department_signs_alone(run):
    text = BODY.replace("示例乡2024年", "示例县司法局2024年") + "\n示例县司法局\n2025年1月20日\n"
    assert run(text, *CODES) == []


def test_validate():
    from checker.kinds.signature import Params, validate

    assert validate(Params(check="late"), None) == ""
    assert "check" in validate(Params(check="later"), None)
    assert "deadline" in validate(Params(check="late", deadline="3月1日"), None)
