"""formats/json.indented is json.dumps(…, ensure_ascii=False, indent=2), byte for byte."""

from __future__ import annotations

import json

import pytest

from checker.formats.json import indented

CASES = [
    {},
    [],
    {"a": [], "b": {}, "c": [1, [2, []], {"d": None}], "e": True, "f": False, "g": 1.5, "h": -3},
    {"path": "报告\n\"引号\"\t\\ \u2028 \x00", "sections": [{"role": ["measures"], "level": 1}], "fix": None},
    ["x", ("tuple", 2), {"nested": {"deeper": [{"k": "v"}]}}],
    "just a string",
    12,
    None,
]


@pytest.mark.parametrize("value", CASES, ids=range(len(CASES)))
def test_same_bytes_as_the_standard_library(value):
    assert indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_level_indents_every_line_but_the_first():
    value = {"a": [1, {"b": "c"}]}
    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n    ")
    assert indented(value, level=2) == expected


# --- the JSON format's file entry, written field by field (formats/json.chunk) ---

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]
ENTRY_FILES = [
    *sorted((ROOT / "fixtures" / "seeds").glob("*.txt")),
    ROOT / "fixtures" / "docx" / "features.docx",  # locations (第N段)
    ROOT / "fixtures" / "docx" / "fixable.docx",  # fixes
    ROOT / "fixtures" / "broken" / "corrupt.docx",  # an unreadable file: error, no outline
    ROOT / "fixtures" / "broken" / "image.txt",
]


@pytest.mark.parametrize("path", ENTRY_FILES, ids=lambda p: p.name)
def test_entry_chunk_is_the_indented_file_dict(path):
    from checker.api import check_path
    from checker.config import Config
    from checker.formats.json import chunk, file_dict

    result = check_path(path, Config(), with_roles=True, discover=False)
    assert chunk(result, None) == "    " + indented(file_dict(result), level=2)


def test_entry_chunk_with_odd_values():
    """Text with fixes and quotes, a role-less section, facts missing: still the generic encoder's bytes."""
    from checker.api import check_text
    from checker.config import Config
    from checker.formats.json import chunk, file_dict

    text = "某镇2024年法治政府建设情况报告\n\n一、工作,措施\n党的20大“引号”\\反斜杠\t。\n二、\n（一）1,2\n"
    result = check_text(text, Config(), path='a"b\\c.txt', with_roles=True)
    assert any(d.fix for d in result.diagnostics)
    assert chunk(result, None) == "    " + indented(file_dict(result), level=2)
    result.facts = None
    assert chunk(result, None) == "    " + indented(file_dict(result), level=2)
