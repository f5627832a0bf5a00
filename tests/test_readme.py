"""The README's rule table is generated from the packs; a rule added without regenerating fails here."""

from pathlib import Path

from checker.catalog import README_BEGIN, README_END, markdown_table
from checker.packs import load_ruleset

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_rule_table_is_current():
    text = README.read_text(encoding="utf-8")
    block = text.split(README_BEGIN, 1)[1].split(README_END, 1)[0].strip()
    assert block == markdown_table(load_ruleset()), "run: python -m checker.catalog README.md"


def test_readme_quick_start_has_the_two_commands():
    text = README.read_text(encoding="utf-8")
    assert "pip install . && fzcheck check fixtures/seeds" in text
    assert "pip install '.[test,web]' && pytest" in text
