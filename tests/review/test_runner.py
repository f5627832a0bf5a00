"""The runner: parallel, streaming compact records, one bad file does not stop the rest."""

from __future__ import annotations

import pickle
from pathlib import Path

from checker.config import Config
from checker.review.runner import ReportRecord, analyse, job_for, review, run
from checker.run import collect

COUNTY = Path(__file__).resolve().parent.parent.parent / "fixtures" / "review" / "county"


def job():
    config = Config(select=("FZ1", "FZ7", "FZ9"))
    return job_for(config, False)


def test_records_are_compact_rows():
    record = analyse(collect([str(COUNTY)])[0], job())
    assert isinstance(record, ReportRecord)
    assert {type(v) for v in record.row.values()} <= {str, int, bool, type(None)}
    assert all(isinstance(d, dict) for d in record.diagnostics)
    assert len(pickle.dumps(record)) < 20_000  # rows and signatures, never the Document


def test_two_jobs_same_as_one():
    files = collect([str(COUNTY)])
    one = review(files, job(), jobs=1)
    two = review(files, job(), jobs=2)
    assert one.rows == two.rows and one.diagnostics == two.diagnostics
    assert [f.places for f in one.findings] == [f.places for f in two.findings]


def test_streams_every_file_once_with_a_pool(tmp_path):
    for i in range(12):
        (tmp_path / f"r{i:02}.txt").write_text(f"甲{i}乡2024年法治政府建设年度报告\n一、主要举措和成效\n全年办件{i}件。\n", encoding="utf-8")
    (tmp_path / "r99.txt").write_bytes(b"\x00\x01binary\x00\xff\xfe")
    files = collect([str(tmp_path)])
    seen = [r.file for r in run(files, job(), jobs=2)]
    assert sorted(seen) == files
    result = review(files, job(), jobs=2)
    assert [r["status"] for r in result.rows].count("unreadable") == 1
    assert len(result.rows) == 13


def test_on_record_is_called_per_report():
    files = collect([str(COUNTY)])
    got = []
    review(files, job(), jobs=1, on_record=lambda r: got.append(r.file))
    assert sorted(got) == sorted(files)
