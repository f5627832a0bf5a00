"""The dashboard's chart in a real browser: no label is cut off at any edge of the SVG."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from checker.formats.html import chart_svg

CHROMIUM = os.environ.get("FZCHECK_CHROMIUM", "/usr/bin/chromium")
if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
    pytest.skip(f"needs Debian's chromium at {CHROMIUM}", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


def _rules(n_reports: int) -> list[dict]:
    names = ["不足未分析原因", "缺少第一责任人履职情况", "举措涉及方面过少", "篇幅不当", "残留转换痕迹"]
    return [
        {"code": f"FZ{101 + i}", "name": "some-very-long-english-rule-identifier", "title": t,
         "severity": ("error", "warning", "info")[i % 3], "reports": n_reports - i, "findings": n_reports}
        for i, t in enumerate(names)
    ]


@pytest.mark.parametrize("total", [9, 1000])
def test_no_chart_label_is_clipped(tmp_path, total):
    svg = chart_svg(_rules(total), total)
    page_file = tmp_path / "chart.html"
    page_file.write_text(f'<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body>{svg}</body></html>', encoding="utf-8")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        page = browser.new_page(viewport={"width": 1366, "height": 800})
        page.goto(page_file.as_uri())
        out = page.evaluate(
            """() => { const svg = document.querySelector('svg'); const vb = svg.viewBox.baseVal;
                return Array.from(svg.querySelectorAll('text')).map(t => { const b = t.getBBox();
                  return [t.textContent, b.x >= 0 && b.y >= 0 && b.x + b.width <= vb.width && b.y + b.height <= vb.height]; }); }"""
        )
        browser.close()
    assert out and [t for t, inside in out if not inside] == []
    assert out[0][0] == "FZ101 不足未分析原因"  # the Chinese title, not the English id
    assert out[1][0] == f"{total} 份（100%）"
