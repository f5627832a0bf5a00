"""personal_data: FZ606 (mobile numbers and 身份证号 in a report that will be published)."""

import pytest

from checker.kinds.personal_data import id_number_is_valid, mask

HEAD = "示例乡2024年法治政府建设年度报告\n\n"
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def with_check_digit(first17: str) -> str:
    return first17 + "10X98765432"[sum(int(c) * w for c, w in zip(first17, _WEIGHTS)) % 11]


ID = with_check_digit("54012119850312123")
NOT_ID = ID[:-1] + ("0" if ID[-1] != "0" else "1")  # same shape, wrong check digit


@pytest.mark.parametrize(
    "body,col,message",
    [
        ("调解员张三，联系电话13812345678。", 11, "公开的报告中有手机号码“138****5678”，并写明了姓名"),
        ("联系人：王五，手机：139 1234 5678。", 11, "公开的报告中有手机号码“139****5678”，并写明了姓名"),
        ("群众可拨打+86 13912345678反映问题。", 6, "公开的报告中有手机号码“139****5678”"),
        (f"当事人李四，身份证号{ID}。", 11, "公开的报告中有身份证号码“540***********" + ID[-4:] + "”，并写明了姓名"),
    ],
)
def test_fires_with_the_number_masked(run, body, col, message):
    assert run(HEAD + body + "\n", "FZ606") == [(3, col, "FZ606", "warning", message)]


@pytest.mark.parametrize(
    "body",
    [
        "依据厅字〔2019〕28号文件，办理（2024）藏0121民初1234号案件。",  # 发文字号, 案号
        "全年涉案金额13812345678元，服务群众13912345678人次。",  # amounts and counts
        "乡司法所电话0891-6212345，12345政务服务热线、12348法律服务热线。",  # landlines and hotlines
        "联系人张三，电话138****5678。",  # already masked
        f"档案编号{NOT_ID}。",  # 18 digits without a valid check digit
    ],
)
def test_near_misses(run, body):
    assert run(HEAD + body + "\n", "FZ606") == []


def test_id_number_check_digit_and_birth_date():
    assert id_number_is_valid(ID)
    assert not id_number_is_valid(NOT_ID)
    assert not id_number_is_valid(with_check_digit("54012119851312123"))  # month 13
    assert mask("138-1234-5678") == "138****5678"
