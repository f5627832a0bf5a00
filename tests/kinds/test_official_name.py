"""official_name: FZ503 (习近平…思想 names misspelt or cut short)."""

from checker.api import check_text
from checker.config import Config

PREAMBLE = "2024年，示例乡深入学习贯彻习近平法治思想，现将有关情况报告如下。"


def test_misspelt_name_fires_with_the_closest_official_name(run, report):
    text = report.replace(PREAMBLE, "2024年，示例乡深入学习贯彻习近平法制思想。")
    assert run(text, "FZ503") == [
        (3, 16, "FZ503", "warning", "“习近平法制思想”不是规范名称，应为“习近平法治思想”")
    ]


def test_name_without_prefix_is_cut_short(run, report):
    text = report.replace(PREAMBLE, "2024年，示例乡坚持以新时代中国特色社会主义思想为指导。")
    assert run(text, "FZ503") == [
        (3, 13, "FZ503", "warning", "“新时代中国特色社会主义思想”不是规范名称，应为“习近平新时代中国特色社会主义思想”")
    ]


def test_name_without_suffix_is_cut_short(run, report):
    text = report.replace(PREAMBLE, "2024年，示例乡坚持以习近平新时代中国特色社会主义为指导。")
    assert run(text, "FZ503") == [
        (3, 13, "FZ503", "warning", "“习近平新时代中国特色社会主义”不是规范名称，应为“习近平新时代中国特色社会主义思想”")
    ]


def test_dropped_character_inside_the_name(run, report):
    text = report.replace(PREAMBLE, "2024年，示例乡坚持以习近平新时代中国特色社会思想为指导。")
    assert run(text, "FZ503")[0][2:] == (
        "FZ503", "warning", "“习近平新时代中国特色社会思想”不是规范名称，应为“习近平新时代中国特色社会主义思想”"
    )


def test_fix_replaces_the_whole_name_unsafely(report):
    text = report.replace(PREAMBLE, "2024年，示例乡深入学习贯彻习近平法制思想。")
    (d,) = check_text(text, Config(select=("FZ503",))).diagnostics
    (edit,) = d.fix.edits
    assert (d.fix.applicability, text[edit.start : edit.end], edit.replacement) == ("unsafe", "习近平法制思想", "习近平法治思想")


def test_near_miss_official_names_and_descriptions(run, report):
    text = report.replace(
        PREAMBLE,
        "2024年，示例乡坚持以习近平新时代中国特色社会主义思想为指导，学习习近平法治思想、习近平生态文明思想"
        "和习近平总书记关于法治的重要论述，研读《习近平新时代中国特色社会主义思想学习纲要》。",
    )
    assert run(text, "FZ503") == []


def test_near_miss_quoted_book_title(run, report):
    text = report.replace(PREAMBLE, "2024年，示例乡组织学习《习近平法治思想学习纲要》《新时代中国特色社会主义思想概论》。")
    assert run(text, "FZ503") == []


def test_near_miss_descriptive_phrase_with_no_close_name(run, report):
    text = report.replace(PREAMBLE, "2024年，示例乡学习习近平总书记治国理政思想。")
    assert run(text, "FZ503") == []


def test_title_words_after_zongshuji_are_still_a_misnomer(run, report):
    text = report.replace(PREAMBLE, "2024年，示例乡学习习近平总书记法治思想。")
    assert run(text, "FZ503")[0][4] == "“习近平总书记法治思想”不是规范名称，应为“习近平法治思想”"


def test_superseded_name_gets_the_current_one(run, report):
    text = report.replace(PREAMBLE, "2024年，示例乡学习习近平新时代中国特色社会主义法治思想。")
    assert run(text, "FZ503")[0][4] == "“习近平新时代中国特色社会主义法治思想”不是规范名称，应为“习近平法治思想”"


# --- the look for an anchor before the search never loses a finding ---------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


def _rule():
    from checker.api import ruleset_for
    from checker.engine import active_rules

    config = Config()
    return next(r for r in active_rules(ruleset_for(config), config) if r.code == "FZ503")


PIECES = [
    "习近平", "习近", "近平", "新时代", "中国特色社会主义", "思想", "法治", "法制", "经济", "外交", "生态文明", "强军",
    "文化", "全面依法治国", "总书记", "新时代中国特色社会主义思想", "习近平新时代中国特色社会主义", "《", "》", "，", "的",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=10).map("".join))
def test_the_anchor_look_skips_only_texts_without_a_finding(text):
    from checker.kinds import official_name

    rule = _rule()
    assert list(official_name.find(text, rule)) == list(official_name.find_everywhere(text, rule)), text
