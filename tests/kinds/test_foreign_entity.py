"""foreign_entity (FZ702): a report that names another township of the folder as if it were itself."""

from __future__ import annotations

import pytest

from checker.config import Config
from checker.errors import ConfigError
from checker.kinds._crossreport import entity_names
from checker.packs import load_ruleset
from checker.review.examples import review_texts, split_example

XINJI = "辛集乡人民政府\n关于2024年法治政府建设情况的报告\n一、主要举措和成效\n{body}\n"
DUOMA = "安多县多玛乡2024年度法治政府建设情况报告\n一、主要举措和成效\n多玛乡全年开展法治宣传30余场次。\n"


def review(texts, previous=(), select=("FZ7",)):
    return review_texts(texts, previous, Config(select=select))


def codes(result):
    return [(d["file"].rsplit("/", 1)[-1], d["line"], d["column"], d["code"]) for d in result.diagnostic_rows()]


def test_rule_examples(tmp_path):
    rule = load_ruleset().rules["FZ702"]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert [c[3] for c in codes(review(*split_example(rule.example_fires)))] == ["FZ702"]
    assert codes(review(*split_example(rule.example_passes))) == []


def test_fires_at_the_name_and_names_its_report():
    body = "我乡扎实推进依法行政。全年为多玛乡群众办理法律援助12件。"
    result = review([XINJI.format(body=body), DUOMA])
    assert codes(result) == [("r0.txt", 4, 15, "FZ702")]
    d = result.diagnostic_rows()[0]
    assert d["message"] == f"报告中出现另一单位的名称“多玛乡”（{result.records[1].file} 的单位），像是把它当成了本单位"
    assert d["quote"][d["mark_start"] : d["mark_end"]] == "多玛乡"
    places = result.findings[0].places
    assert [(p.path.rsplit("/", 1)[-1], p.line) for p in places] == [("r0.txt", 4), ("r1.txt", 1)]


def test_reported_once_per_name():
    body = "多玛乡党委高度重视。多玛乡政府统筹推进。"
    assert codes(review([XINJI.format(body=body), DUOMA])) == [("r0.txt", 4, 1, "FZ702")]


@pytest.mark.parametrize(
    "body",
    [
        "我乡与多玛乡签订平安边界合作协议，常态化开展边界纠纷联防联调。",  # a relation
        "我乡组织干部赴多玛乡考察学习人民调解工作经验。",  # a relation
        "我乡全年开展法治宣传20余场次，城乡居民参与踊跃。",  # no other township named
    ],
)
def test_near_misses(body):
    assert codes(review([XINJI.format(body=body), DUOMA])) == []


def test_a_township_outside_the_folder_is_not_known():
    body = "全年为索加乡群众办理法律援助12件。"
    assert codes(review([XINJI.format(body=body), DUOMA])) == []


def test_own_short_name_is_not_foreign():
    qunjia = "湟中区群加藏族乡2024年法治政府建设情况报告\n一、主要举措和成效\n群加乡少数民族群体占比大。\n"
    assert codes(review([qunjia, DUOMA])) == []


@pytest.mark.parametrize(
    "entity,names",
    [
        ("安多县多玛乡", ("多玛乡",)),
        ("湟中区群加藏族乡", ("群加藏族乡", "群加乡")),
        ("辛集乡人民政府", ("辛集乡",)),
        ("新市镇", ("新市镇",)),
        ("平安县新区街道", ("新区街道",)),
        ("县司法局", ()),
        ("全乡", ()),
    ],
)
def test_entity_names(entity, names):
    assert entity_names(entity) == names


def test_suffixes_must_not_be_empty(tmp_path):
    pack = tmp_path / "county.toml"
    pack.write_text('[[rule]]\ncode = "FZ702"\nsuffixes = []\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="suffixes 不能为空"):
        load_ruleset([pack])


def test_selecting_other_codes_turns_it_off():
    body = "全年为多玛乡群众办理法律援助12件。"
    assert codes(review([XINJI.format(body=body), DUOMA], select=("FZ701",))) == []
    assert Config(select=("FZ701",)).selects("FZ702") is False
