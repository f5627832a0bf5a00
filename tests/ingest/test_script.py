"""Reports in traditional characters: parsed through a one-to-one character map."""

from pathlib import Path

from checker.api import check_path
from checker.ingest.script import looks_traditional, to_simplified
from checker.positions import LineIndex

ROOT = Path(__file__).resolve().parents[2]


def _found(path):
    result = check_path(path, discover=False)
    index = LineIndex(result.document.text)
    return [(d.code, *index.line_col(d.span.start)) for d in result.diagnostics]


def test_traditional_report_gets_the_findings_of_its_simplified_twin():
    trad = ROOT / "fixtures" / "encodings" / "trad.utf8.txt"
    seed = ROOT / "fixtures" / "seeds" / "001_e08a30d98d0b93f2.txt"
    core = {"FZ101", "FZ102", "FZ103", "FZ104", "FZ105", "FZ106", "FZ107", "FZ201", "FZ202", "FZ203"}
    trad_core = [f for f in _found(trad) if f[0] in core]
    assert trad_core == [f for f in _found(seed) if f[0] in core]
    assert [f[0] for f in trad_core] == ["FZ203", "FZ105", "FZ103"]


def test_conversion_keeps_length_and_the_original_text():
    text = "三、黨政主要負責人履行推進法治建設第一責任人職責情況"
    assert looks_traditional(text)
    simplified = to_simplified(text)
    assert simplified == "三、党政主要负责人履行推进法治建设第一责任人职责情况"
    assert len(simplified) == len(text)
    result = check_path(ROOT / "fixtures" / "encodings" / "trad.utf8.txt", discover=False)
    assert result.document.text == (ROOT / "fixtures" / "encodings" / "trad.utf8.txt").read_text(encoding="utf-8")


def test_simplified_text_is_not_converted():
    assert not looks_traditional((ROOT / "fixtures" / "seeds" / "003_ac34c00328a5d2bd.txt").read_text(encoding="utf-8"))
