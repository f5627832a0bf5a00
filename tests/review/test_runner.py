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


def test_spooled_review_keeps_only_rows_while_checking():
    """While the workers check the folder, a spooled review keeps each report's row and where its
    data lies in the spool: diagnostics, outline and what copy detection compares are on disk
    until every report is in."""
    files = collect([str(COUNTY)])
    held = []
    result = review(files, job(), jobs=2, spool=True, on_record=lambda r: held.append(
        (r.diagnostics, r.outline, r.paragraphs, r.mentions, r.names, r.follow, type(r.stored), type(r.compared))))
    try:
        assert held and all(h == ((), (), (), (), (), None, int, int) for h in held)  # places: one number each
        assert result.findings and any(f.code == "FZ701" for f in result.findings)  # compared once all were in
    finally:
        result.close()


def test_spooled_review_is_the_same_as_in_memory():
    """``fzcheck review`` spools each report's diagnostics and outline to a temporary file and reads
    them back per writer: every output is the same as from the review held in memory."""
    import io

    from checker.formats.html import build_html, iter_review_html
    from checker.formats.review import finding_dict, render_json, write_json
    from checker.formats.xlsx import build_workbook

    files = collect([str(COUNTY)])
    full = job_for(Config(), False)
    held = review(files, full, jobs=1)
    spooled = review(files, full, jobs=1, spool=True)
    try:
        assert all(r.diagnostics == () and r.outline == () for r in spooled.records)  # kept on disk only
        # what only detection needed is gone once it is done: the names, the places of paragraphs and mentions
        assert all(r.names == () and r.spooled_paragraphs is r.spooled_mentions is None for r in spooled.records)
        assert any("FZ701" == d.code for d in spooled.iter_diagnostics())  # the cross-report ones told there
        assert spooled.rows == held.rows and spooled.diagnostics == held.diagnostics
        assert [r.outline for r in spooled.reports()] == [r.outline for r in held.records]
        assert spooled.rule_summary() == held.rule_summary()
        stream = io.StringIO()
        write_json(spooled, stream)
        assert stream.getvalue() == render_json(held)
        findings = [finding_dict(f) for f in held.findings]
        html = build_html(held.rows, held.diagnostics, held.rule_summary(), {r.file: r.outline for r in held.records},
                          findings, parts=held.parts, labels=held.labels)
        pieces = iter_review_html(spooled.rows, ((r.outline, r.diagnostics) for r in spooled.reports()),
                                  spooled.rule_summary(), findings, parts=spooled.parts, labels=spooled.labels)
        assert "".join(pieces) == html
        one = build_workbook(held.rows, held.diagnostics, held.rule_summary(), parts=held.parts)
        two = build_workbook(spooled.rows, spooled.iter_diagnostics(), spooled.rule_summary(), parts=spooled.parts)
        assert _sheets(one) == _sheets(two)
    finally:
        spooled.close()


def _sheets(data: bytes) -> list:
    import io

    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(data))
    return [(ws.title, ws.auto_filter.ref, [[c.value for c in row] for row in ws.iter_rows()]) for ws in wb.worksheets]
