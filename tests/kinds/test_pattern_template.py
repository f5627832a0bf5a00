"""A pattern rule's replacement template, expanded without the `regex` package's Python half
(pattern.plain_template / pattern.expanded): for every template it reads, the same text as the
engine's own ``Match.expand``; every other template is left to ``expand``."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.kinds.pattern import expanded, plain_template

# three groups: one always taking part, one optional (often absent), one named
PATTERN = regex.compile(r"(?P<head>[甲乙]+)(丙)?(?P<tail>丁*)")
TEXTS = ["甲丁", "乙丙丁丁", "甲乙", "乙丙"]
ALPHABET = "\\\\\\123450g<>headtilx_（）〔〕，n"


def _engine_expand(match, template: str) -> str | None:
    try:
        return match.expand(template)
    except (regex.error, IndexError):  # a template the engine refuses (the pack loader refuses it too)
        return None


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=12))
def test_a_template_read_expands_as_the_engine_expands_it(template):
    pieces = plain_template(template)
    if pieces is None:
        return
    for text in TEXTS:
        m = PATTERN.match(text)
        want = _engine_expand(m, template)
        if want is None:
            with pytest.raises((IndexError, regex.error)):
                expanded(m, pieces)
        else:
            assert expanded(m, pieces) == want, (template, text)


@pytest.mark.parametrize(
    ("template", "pieces"),
    [
        (r"（\1）", ("（", 1, "）")),
        (r"\1", ("", 1, "")),
        ("", ("",)),
        (r"〔\g<tail>〕\\", ("〔", "tail", "〕\\")),
        (r"\g<2>\3", ("", 2, "", 3, "")),
    ],
)
def test_the_packs_templates_are_read(template, pieces):
    assert plain_template(template) == pieces


@pytest.mark.parametrize("template", [r"\12", r"\0", r"\n", r"\g<1", r"\g<头>", "\\", r"\x41", r"\g<>"])
def test_other_escapes_are_left_to_the_engine(template):
    assert plain_template(template) is None


def test_a_group_that_took_no_part_gives_nothing():
    m = PATTERN.match("甲丁")
    assert m.group(2) is None
    assert expanded(m, plain_template(r"[\2]")) == "[]" == m.expand(r"[\2]")
