"""mixed_forms: FZ305 — one level written two ways; the fix and its applicability."""

from checker.api import check_text
from checker.config import Config

SECTION = "（一）依法全面履行政府职能。"


def test_halfwidth_brackets_beside_fullwidth_fire_with_a_safe_fix(run, report):
    text = report.replace(SECTION, SECTION + "\n(二)推进依法行政。")
    assert run(text, "FZ3") == [(6, 1, "FZ305", "warning", "同一层级的二级标题序号写法不一致：“(二)”应与全文统一为“（二）”")]
    (d,) = check_text(text, Config(select=("FZ305",))).diagnostics
    assert d.fix.applicability == "safe"
    assert [(text[e.start : e.end], e.replacement) for e in d.fix.edits] == [("(二)", "（二）")]


def test_dunhao_beside_dot_is_a_suggestion_only(run, report):
    text = report.replace(SECTION, SECTION + "\n1.加强领导。\n2、完善制度。")
    assert run(text, "FZ3") == [(7, 1, "FZ305", "warning", "同一层级的三级标题序号写法不一致：“2、”应与全文统一为“2.”")]
    (d,) = check_text(text, Config(select=("FZ305",))).diagnostics
    assert d.fix.applicability == "unsafe"


def test_majority_wins_when_the_standard_form_is_absent(report, tmp_path):
    # a county that counts 一） as a level-2 form: 一）×2 beside (三) → (三) should be 三）
    pack = tmp_path / "county.toml"
    pack.write_text('[[rule]]\ncode = "FZ305"\nignore_forms = []\n', encoding="utf-8")
    text = report.replace(SECTION, "一）依法履职。\n二）依法决策。\n(三)依法监督。")
    result = check_text(text, Config(select=("FZ305",), packs=(pack,)))
    assert [(d.message, d.fix.applicability) for d in result.diagnostics] == [
        ("同一层级的二级标题序号写法不一致：“(三)”应与全文统一为“三）”", "unsafe")
    ]


def test_broken_forms_are_not_counted_by_default(run, report):
    text = report.replace(SECTION, "(一)依法履职。\n(二)依法决策。\n（三依法监督。\n一）政务公开。")
    assert run(text, "FZ305") == []  # （三 and 一） are FZ306's; (一)(二) alone are one form


def test_fullwidth_dot_counts_as_dot(run, report):
    text = report.replace(SECTION, SECTION + "\n1.加强领导。\n2．完善制度。")
    assert run(text, "FZ305") == []


def test_near_miss_seed_style_consistent_report(run, report):
    assert run(report, "FZ305") == []
