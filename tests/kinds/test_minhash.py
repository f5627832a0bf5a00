"""Signatures, similarity and the band index: copy detection (copied_paragraph) is not quadratic."""

from __future__ import annotations

import random

from checker.kinds import _minhash, copied_paragraph
from checker.kinds._crossreport import CrossReport, Paragraph
from checker.kinds._minhash import normalise, signature, similarity
from checker.kinds.copied_paragraph import Params
from checker.packs import Rule

CHARS = "法治政府建设工作依法行政执法监督普法宣传调解纠纷矛盾排查干部学习制度落实推进组织领导责任清单服务群众乡镇村社区"


def paragraph(rng: random.Random, n: int = 120) -> str:
    return "".join(rng.choice(CHARS) for _ in range(n))


def test_normalise():
    assert normalise("一是 2024年，共调解纠纷35件。", ()) == "一是0年共调解纠纷0件"
    assert normalise("多玛乡全年开展宣传", ("多玛乡",)) == "〇全年开展宣传"


def test_similarity_estimates_jaccard():
    rng = random.Random(1)
    a = paragraph(rng, 400)
    assert similarity(signature(a, 5), signature(a, 5)) == 1.0
    b = a[:360] + paragraph(rng, 40)  # about 10% of the shingles changed
    assert 0.7 < similarity(signature(a, 5), signature(b, 5)) < 0.95
    assert similarity(signature(a, 5), signature(paragraph(rng, 400), 5)) < 0.1


def test_signature_is_stable_across_processes():
    """CRC-32, not hash(): a signature made in a worker matches one made in the parent."""
    assert signature("法治政府建设工作领导小组", 5)[:8].hex() == signature("法治政府建设工作领导小组", 5)[:8].hex()
    assert len(signature("法治政府建设工作领导小组", 5)) == 4 * _minhash.BINS


def keys(paragraphs_per_report: list[list[str]]) -> list[CrossReport]:
    out = []
    for i, texts in enumerate(paragraphs_per_report):
        paras = tuple(
            Paragraph(n + 1, 1, len(t) + 1, "measures", t[:10], {5: signature(normalise(t), 5)}, len(t))
            for n, t in enumerate(texts)
        )
        out.append(CrossReport(f"r{i}.txt", f"单位{i}", f"单位{i}", (), paras, ()))
    return out


RULE = Rule("FZ701", "copied-paragraph", "copied_paragraph", "warning", "与{other}相同（{similarity}）", Params())


def test_not_quadratic(monkeypatch):
    """2,000 distinct paragraphs in 100 reports plus one copied pair: far fewer comparisons than pairs."""
    rng = random.Random(7)
    reports = [[paragraph(rng) for _ in range(20)] for _ in range(100)]
    reports[42][3] = reports[7][11]
    calls = 0
    real = _minhash.similarity

    def counting(a, b):
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(_minhash, "similarity", counting)
    findings = copied_paragraph.check_reports(keys(reports), RULE)
    assert [[(p.path, p.line) for p in f.places] for f in findings] == [[("r42.txt", 4), ("r7.txt", 12)]]
    pairs = 2000 * 1999 // 2
    assert calls < 2000, (calls, pairs)  # each paragraph meets at most a handful of candidates


def test_a_cluster_is_linear():
    """The same paragraph in 300 reports: one finding, 300 places, not 45,000 pairs."""
    rng = random.Random(3)
    shared = paragraph(rng)
    findings = copied_paragraph.check_reports(keys([[shared, paragraph(rng)] for _ in range(300)]), RULE)
    assert len(findings) == 1 and len(findings[0].places) == 300
    assert sum(1 for p in findings[0].places if p.message) == 300  # each report is told where the others are
