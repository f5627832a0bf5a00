"""A report flattened into one paragraph (issue 11): split at its heading markers, or one FZ308.

The flattened texts are computed here from the seeds and the fixtures, the way a web page's
copy loses its line breaks: every line stripped and joined.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.api import check_text, ruleset_for
from checker.config import Config
from checker.fixes import fix_text
from checker.formats.outline import outline_dict, render_text
from checker.parts import role_labels
from checker.positions import LineIndex

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
CASES = sorted(p for p in (ROOT / "fixtures" / "cases").rglob("*.txt") if not p.name.startswith("flat-"))
STRUCTURE = Config(select=("FZ1", "FZ2", "FZ3"))
PARTS = Config(select=("FZ1", "FZ2", "FZ308"))


def flatten(text: str) -> str:
    return "".join(line.strip() for line in text.splitlines())


def _codes(result) -> list[str]:
    return sorted(d.code for d in result.diagnostics)


def _shape(result) -> list[tuple]:
    return [(s.level, s.marker, result.outline_roles.roles(s)) for s in result.outline.walk()]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_flattened_seed_gives_the_seed_verdicts_and_outline(seed):
    text = seed.read_text(encoding="utf-8")
    original, flat = check_text(text, STRUCTURE, with_roles=True), check_text(flatten(text), STRUCTURE, with_roles=True)
    assert _codes(flat) == _codes(original)
    assert flat.outline.split == "split"
    assert _shape(flat) == _shape(original)
    assert flat.facts == original.facts
    for a, b in zip(original.outline.walk(), flat.outline.walk()):
        assert b.heading.startswith(a.heading)  # a heading with no punctuation may keep some body words
        assert b.recovered == "split"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_flattened_fixture_gives_the_same_part_verdicts_or_one_fz308(case):
    text = case.read_text(encoding="utf-8")
    original, flat = check_text(text, PARTS), check_text(flatten(text), PARTS)
    numbered = all(s.recovered == "numbered" for s in original.outline.walk())
    if numbered or original.facts.lookalike:
        assert _codes(flat) == _codes(original)
    else:  # headings without numbers: nothing to split at
        assert _codes(flat) == [c for c in _codes(original) if not c.startswith("FZ1")] + ["FZ308"]


def test_findings_point_into_the_single_line():
    text = flatten((ROOT / "fixtures" / "seeds" / "004_4cb5d7ebd9b6d720.txt").read_text(encoding="utf-8"))
    result = check_text(text, Config(select=("FZ103",)))
    heading = "2024年度推进法治政府建设存在的不足和原因"
    [d] = result.diagnostics
    assert text[d.span.start : d.span.end] == heading
    assert LineIndex(text).line_col(d.span.start) == (1, text.index(heading) + 1)


OUT_OF_ORDER = (
    "青禾镇2024年法治政府建设年度报告2024年，青禾镇坚持依法行政，现将有关情况报告如下。"
    "一、主要举措和成效全年开展行政执法检查36次，办理行政处罚案件9件，化解矛盾纠纷87件，组织集中学法12次。"
    "三、存在的不足和原因一是执法人员专业能力不足。二是法治宣传形式单一。原因在于培训投入不够。"
    "二、党政主要负责人履行第一责任人职责情况镇党委书记主持召开法治建设专题会议4次，带头述法，研究解决法治建设重大问题6个。"
    "四、2025年工作安排2025年，青禾镇将继续加强执法队伍建设，全年开展执法培训不少于4次，推进公共法律服务站点全覆盖。"
)


def test_part_numbers_out_of_order_give_one_fz308_and_no_part_verdict():
    result = check_text(OUT_OF_ORDER, STRUCTURE)
    assert result.outline.split == "unsplit"
    assert _codes(result) == ["FZ308"]
    [d] = result.diagnostics
    assert d.message == "全文没有分段（246 字连成一段），无法分辨各部分，未检查必备内容"
    assert OUT_OF_ORDER[d.span.start :].startswith("2024年，青禾镇")


def test_in_order_numbers_are_split_and_fz308_does_not_fire():
    text = OUT_OF_ORDER.replace("三、存在", "二、存在").replace("二、党政", "三、党政")
    result = check_text(text, STRUCTURE, with_roles=True)
    assert result.outline.split == "split"
    assert [(s.marker, result.outline_roles.roles(s)) for s in result.outline.sections] == [
        ("一、", ("measures",)), ("二、", ("shortcomings",)), ("三、", ("first_responsible",)), ("四、", ("plan",))
    ]
    assert _codes(result) == ["FZ205"]  # only: the text has no 落款 (issue 12)


def test_spaces_between_parts_belong_to_no_piece():
    text = OUT_OF_ORDER.replace("三、存在", "二、存在").replace("二、党政", "三、党政").replace("。", "。 ").rstrip()
    result = check_text(text, Config(select=("FZ1", "FZ2", "FZ3", "FZ470", "FZ471")))
    assert result.outline.split == "split"
    assert _codes(result) == ["FZ205"]  # only: the text has no 落款 (issue 12)


def test_fix_inserts_no_line_break():
    text = OUT_OF_ORDER.replace("三、存在", "二、存在").replace("二、党政", "三、党政").replace("87件，", "87件,")
    outcome = fix_text(text, Config(select=("FZ401",)))
    assert outcome.applied["FZ401"] == 1
    assert outcome.document.text == text.replace("87件,", "87件，")
    assert "\n" not in outcome.document.text


def test_outline_names_the_split_and_the_file_column():
    text = OUT_OF_ORDER.replace("三、存在", "二、存在").replace("二、党政", "三、党政")
    result = check_text(text, STRUCTURE, with_roles=True)
    data = json.loads(json.dumps(outline_dict(result)))
    assert data["split"] == "split"
    first = data["sections"][0]
    assert (first["recovered"], first["line"], first["column"]) == ("split", 1, text.index("一、") + 1)
    assert "（原文未分段，按序号拆分）" in render_text(result, role_labels(ruleset_for(STRUCTURE)))


def test_a_normal_report_with_one_long_paragraph_is_not_split():
    body = "全年开展行政执法检查36次，办理行政处罚案件9件。" * 14 + "一、是否拆分。二、不应拆分。"
    text = (
        "青禾镇2024年法治政府建设年度报告\n\n一、2024年度推进法治政府建设的主要举措和成效\n" + body + "\n"
        "二、2024年度推进法治政府建设存在的不足和原因\n一是执法力量薄弱，原因在于人员少。\n"
        "三、2024年度党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记主持召开专题会议4次。\n"
        "四、2025年度推进法治政府建设的主要安排\n一是加强执法培训。二是创新普法方式。\n"
    )
    result = check_text(text, STRUCTURE)
    assert result.outline.split == ""
    assert [s.marker for s in result.outline.sections] == ["一、", "二、", "三、", "四、"]
