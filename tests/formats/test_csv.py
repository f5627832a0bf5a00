"""CSV for other tools."""

from __future__ import annotations

import csv
import io

from checker.formats.csv import render_diagnostics, render_reports


def test_reports_csv(county_review):
    text = render_reports(county_review.rows, county_review.parts)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    # with last year's folder: the follow-through column (辛集乡 has a report of last year)
    assert rows[0] == ["file", "entity", "year", "measures", "shortcomings", "causes", "first_responsible", "plan",
                       "followthrough", "errors", "warnings", "infos", "status", "error"]
    assert rows[1] == [county_review.rows[0]["file"], "措美县哲古镇", "2024", "✓", "✓", "✓", "✓", "✓", "", "0", "0", "0", "通过", ""]
    assert rows[3][3:9] == ["", "", "", "", "", ""] and rows[3][12] == "无法读取" and rows[3][13]
    assert rows[4][8] == "1/2"
    assert len(rows) == 5


def test_diagnostics_csv(county_review):
    rows = list(csv.reader(io.StringIO(render_diagnostics(county_review.diagnostics)[1:])))
    assert len(rows) == 1 + len(county_review.diagnostics)
    assert rows[1][6] == county_review.diagnostics[0].code
