"""OCR on the five scanned seed reports: character accuracy and FZ1xx/FZ2xx verdicts against the seed text.

    python benchmarks/ocr_accuracy.py        # prints the Markdown table of docs/input-formats.md

Needs the [ocr] extra and tesseract-ocr + tesseract-ocr-chi-sim.  Accuracy is 1 − (substituted + inserted +
deleted characters) / characters of the seed, whitespace ignored, aligned with difflib (as tests/ingest/test_ocr.py).
"""

from __future__ import annotations

import difflib
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.api import check_path  # noqa: E402


def character_accuracy(expected: str, got: str) -> float:
    expected, got = re.sub(r"\s", "", expected), re.sub(r"\s", "", got)
    matcher = difflib.SequenceMatcher(None, expected, got, autojunk=False)
    errors = sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal")
    return 1 - errors / len(expected)


def verdicts(result) -> list[str]:
    return sorted(d.code for d in result.diagnostics if d.code.startswith(("FZ1", "FZ2")))


def cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def main() -> None:
    import pypdfium2

    print("| 种子 | 页数 | 字符准确率 | FZ1xx/FZ2xx 与原文相同 | 原文结论 | 每页（墙钟 / CPU） |")
    print("| --- | --- | --- | --- | --- | --- |")
    for n, seed in enumerate(sorted((ROOT / "fixtures" / "seeds").glob("00[0-4]_*.txt"))):
        scan = ROOT / "fixtures" / "pdf" / "scans" / f"seed_{n:03d}.scan.pdf"
        pages = len(pypdfium2.PdfDocument(scan.read_bytes()))
        wall0, cpu0 = time.perf_counter(), cpu()
        result = check_path(scan, discover=False)
        wall, used = time.perf_counter() - wall0, cpu() - cpu0
        text = check_path(seed, discover=False)
        accuracy = character_accuracy(seed.read_text(encoding="utf-8"), result.document.text)
        same = "是" if verdicts(result) == verdicts(text) else f"否：{' '.join(verdicts(result))}"
        print(
            f"| {n:03d} | {pages} | {accuracy:.2%} | {same} | {' '.join(verdicts(text)) or '无'} "
            f"| {wall / pages:.1f} s / {used / pages:.1f} s |"
        )


if __name__ == "__main__":
    main()
