"""review_texts (in memory) gives what fzcheck review gives for the same reports in a folder."""

from pathlib import Path

from checker.config import Config
from checker.review.examples import review_texts
from checker.review.runner import job_for, review

SEEDS = sorted((Path(__file__).resolve().parents[2] / "fixtures" / "seeds").glob("*.txt"))


def _rows(result, folder=""):
    """Findings with the folder taken out of file names and messages (the reports' names are the same)."""
    return [
        (d["file"].rsplit("/", 1)[-1], d["line"], d["column"], d["code"], d["message"].replace(folder, ""))
        for d in result.diagnostic_rows()
    ]


def test_in_memory_review_equals_the_folder_review(tmp_path):
    texts = [p.read_text(encoding="utf-8") for p in SEEDS[:3]]
    texts.append(texts[0].replace("群加藏族乡", "示例乡"))  # a copy: cross-report findings too
    files = []
    for i, text in enumerate(texts):
        (tmp_path / f"r{i}.txt").write_text(text, encoding="utf-8")
        files.append(str(tmp_path / f"r{i}.txt"))
    config = Config()
    on_disk = review(files, job_for(config, False), jobs=1)
    in_memory = review_texts(texts, config=config)
    assert _rows(in_memory) == _rows(on_disk, f"{tmp_path}/")
    assert {d["code"] for d in in_memory.diagnostic_rows()} >= {"FZ104", "FZ701"}
