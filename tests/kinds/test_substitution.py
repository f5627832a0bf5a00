"""substitution: FZ501 (法制→法治 table) and FZ502 (党政负责人 in the 第一责任人 context)."""

import subprocess
import sys

import pytest

from checker.api import check_text
from checker.config import Config
from checker.errors import ConfigError

MEASURES = "（一）依法全面履行政府职能。"


def test_outdated_term_fires_at_the_word(run, report):
    text = report.replace(MEASURES, "（一）创新法制宣传方式。")
    assert run(text, "FZ501") == [(5, 6, "FZ501", "warning", "“法制宣传”是旧提法，应为“法治宣传”")]


def test_longest_entry_wins(run, report):
    text = report.replace(MEASURES, "（一）深入开展法制宣传教育。")
    assert run(text, "FZ501") == [(5, 8, "FZ501", "warning", "“法制宣传教育”是旧提法，应为“法治宣传教育”")]


def test_every_occurrence_is_reported(run, report):
    text = report.replace(MEASURES, "（一）增强法制观念，提高法制意识。")
    assert [f[:3] for f in run(text, "FZ501")] == [(5, 6, "FZ501"), (5, 13, "FZ501")]


def test_fix_is_an_unsafe_replacement_of_exactly_the_word(report):
    text = report.replace(MEASURES, "（一）创新法制宣传方式。")
    (d,) = check_text(text, Config(select=("FZ501",))).diagnostics
    (edit,) = d.fix.edits
    assert d.fix.applicability == "unsafe"
    assert text[edit.start : edit.end] == "法制宣传" and edit.replacement == "法治宣传"


def test_near_miss_quoted_title(run, report):
    text = report.replace(MEASURES, "（一）订阅《法制日报》《法制宣传工作手册》，开展“法制宣传月”回顾。")
    assert run(text, "FZ501") == []


def test_near_miss_fazhi_shenhe_and_old_office_names(run, report):
    text = report.replace(MEASURES, "（一）落实重大执法决定法制审核制度，原县政府法制办、法制机构人员参加。")
    assert run(text, "FZ501") == []


def test_near_miss_xuefa_zhidu_is_two_words(run, report):
    # 学法制度 is 学法/制度: a substring rule would turn it into 学法治度
    text = report.replace(MEASURES, "（一）完善学法制度，落实学法用法制度。")
    assert run(text, "FZ501") == []


def test_near_miss_constitution_wording_kept(run, report):
    text = report.replace(MEASURES, "（一）宣传宪法关于纪律和法制教育的规定。")
    assert run(text, "FZ501") == []


def test_principal_title_fires_in_first_responsible_heading(run, report):
    text = report.replace("三、2024年度党政主要负责人", "三、2024年度党政负责人")
    assert run(text, "FZ502") == [
        (8, 9, "FZ502", "warning", "第一责任人职责的主体是“党政主要负责人”，不是“党政负责人”")
    ]


def test_principal_title_near_miss_other_context(run, report):
    text = report.replace(MEASURES, "（一）组织各村党政负责人参加法治培训。")
    assert run(text, "FZ502") == []


def test_principal_title_near_miss_already_complete(run, report):
    assert run(report, "FZ502") == []


def _probe(text: str) -> str:
    code = (
        "import sys\n"
        "from checker.api import check_text\n"
        "from checker.config import Config\n"
        f"check_text({text!r}, Config(select=('FZ501',)))\n"
        "j = sys.modules.get('jieba')\n"
        "print('loaded' if j else 'absent', bool(j and j.dt.initialized))\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_jieba_only_when_a_candidate_is_present_and_never_the_full_dictionary():
    assert _probe("示例乡2024年法治政府建设年度报告\n开展法治宣传活动。") == "absent False"
    assert _probe("示例乡2024年法治政府建设年度报告\n开展法制宣传活动。") == "loaded False"


COUNTY_PACK = """
[[rule]]
code = "FZ590"
name = "county-wording"
kind = "substitution"
severity = "info"
message = "“{found}”应写作“{expected}”"
hint = "改为“{expected}”"
basis = "示例县规范表述清单"
why = "县里统一的称呼。"
example_fires = "到便民服务中心办理。"
example_passes = "到政务服务中心办理。"
[[rule.swap]]
from = "便民服务中心"
to = "政务服务中心"
example = "到便民服务中心办理。"
"""


def test_a_county_adds_its_own_table(tmp_path, report):
    pack = tmp_path / "county.toml"
    pack.write_text(COUNTY_PACK, encoding="utf-8")
    text = report.replace(MEASURES, "（一）优化便民服务中心窗口设置。")
    result = check_text(text, Config(select=("FZ590",), packs=(pack,)))
    assert [(d.code, d.message) for d in result.diagnostics] == [("FZ590", "“便民服务中心”应写作“政务服务中心”")]


def test_a_self_correction_in_a_county_table_is_a_configuration_error(tmp_path):
    pack = tmp_path / "county.toml"
    pack.write_text(COUNTY_PACK.replace('to = "政务服务中心"', 'to = "便民服务中心"'), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        check_text("示例", Config(packs=(pack,)))
    assert str(pack) in str(err.value) and "from 与 to 相同" in str(err.value)


def test_tables_checked_in_several_threads_at_once_miss_nothing(tmp_path, report):
    # the web page checks in a thread pool: the kind's shared word scan (one for every table seen in
    # the process) must give each check the lines of its own table's words, whatever the other
    # threads add to it meanwhile
    from concurrent.futures import ThreadPoolExecutor

    words = [f"便民{n}号窗口" for n in range(24)]
    cases = []
    for n, word in enumerate(words):
        pack = tmp_path / f"county{n}.toml"
        pack.write_text(
            COUNTY_PACK.replace("便民服务中心", word).replace("到政务服务中心办理。", f"到政务{n}号窗口办理。")
            .replace('to = "政务服务中心"', f'to = "政务{n}号窗口"'),
            encoding="utf-8",
        )
        cases.append((Config(select=("FZ590",), packs=(pack,)), report.replace(MEASURES, f"（一）优化{word}设置。"), word))

    def found(case):
        config, text, _ = case
        return [d.message for d in check_text(text, config).diagnostics]

    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns as often as they can: a window between two steps shows
    try:
        with ThreadPoolExecutor(8) as pool:
            results = list(pool.map(found, cases * 4))
    finally:
        sys.setswitchinterval(switch)
    assert results == [[f"“{word}”应写作“政务{n}号窗口”"] for n, word in enumerate(words)] * 4
