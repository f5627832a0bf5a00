"""Copy detection in a spooled review goes through the reports' paragraphs a few reports at a time,
read back from the review's temporary file: it never holds every report's paragraphs at once, and
finds exactly what the review held in memory finds."""

from __future__ import annotations

import random

from checker.config import Config
from checker.kinds import copied_paragraph
from checker.review import runner
from checker.review.runner import job_for, review
from checker.run import collect

TOWNS = ("多玛乡", "辛集乡", "哲古镇", "群加乡", "北山乡", "上五庄镇", "拦隆口镇", "西堡镇", "田家寨镇")
CHARS = "法治政府建设工作依法行政执法监督普法宣传调解纠纷矛盾排查干部学习制度落实推进组织领导责任清单服务群众"
SHARED = "一是强化组织领导。成立以党委书记为组长的法治政府建设工作领导小组，统筹协调法治建设工作，全年召开专题会议2次。"
SHARED_PLAN = "下一步将持续深化法治宣传教育，推动领导干部带头学法用法，健全依法决策机制，提升基层治理法治化水平。"


def _own(rng: random.Random) -> str:
    return "".join(rng.choice(CHARS) for _ in range(80)) + "。"


def _folder(tmp_path) -> list[str]:
    rng = random.Random(5)
    for i, town in enumerate(TOWNS):
        plan = SHARED_PLAN if i % 3 == 0 else _own(rng)
        text = (
            f"{town}2024年法治政府建设年度报告\n一、主要举措和成效\n{SHARED if i % 2 else _own(rng)}\n{_own(rng)}\n"
            f"二、存在的不足和原因\n{_own(rng)}\n三、下一年度工作安排\n{plan}\n"
        )
        (tmp_path / f"{i:02}.txt").write_text(text, encoding="utf-8")
    return collect([str(tmp_path)])


def _places(result) -> list:
    return [(f.code, f.message, [(p.path, p.line, p.column, p.message) for p in f.places]) for f in result.findings]


def test_detection_reads_a_few_reports_paragraphs_at_a_time(tmp_path, monkeypatch):
    files = _folder(tmp_path)
    job = job_for(Config(select=("FZ7",)), False)
    held = review(files, job, jobs=1)
    assert any(f.code == "FZ701" for f in held.findings)

    records, cached = [], []
    monkeypatch.setattr(copied_paragraph._Catalogue, "CACHED", 2)
    monkeypatch.setattr(copied_paragraph._Bands, "BLOCK", 3)  # the band index read back 3 paragraphs at a time
    monkeypatch.setattr(copied_paragraph._Scratch, "LIMIT", 600)  # signatures and band tables go to disk
    real = copied_paragraph._Catalogue.paragraphs

    def watched(self, i):
        found = real(self, i)
        cached.append(len(self._cache))
        # the reports' paragraphs are in the spool, not in the records nor in what the kinds are given
        assert all(r.paragraphs == () for r in records)
        assert all(isinstance(r.paragraphs, runner._SpooledItems) for r in self.reports)
        return found

    monkeypatch.setattr(copied_paragraph._Catalogue, "paragraphs", watched)
    spooled = review(files, job, jobs=1, spool=True, on_record=records.append)
    try:
        assert cached and max(cached) <= 2  # never more than CACHED reports' paragraphs at hand
        assert _places(spooled) == _places(held)
        assert [d for r in spooled.reports() for d in r.diagnostics] == held.diagnostics
    finally:
        spooled.close()
