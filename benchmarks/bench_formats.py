"""Reading speed per input format: wall and CPU seconds per file (and per page for PDFs), children included.

    python benchmarks/bench_formats.py            # prints a Markdown table for docs/input-formats.md

Reads the committed fixtures: the five seeds as .txt, .docx, .doc, .rtf, .odt (LibreOffice), seed_001.pdf
(text layer) and the five scanned PDFs (OCR).  CPU time counts the child processes (soffice, tesseract), so it
stays meaningful on a busy machine where wall time does not.  Formats whose tool is missing are left out.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.ingest import read_path  # noqa: E402


def cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def pages(path: Path) -> int:
    if path.suffix != ".pdf":
        return 0
    import pypdfium2

    return len(pypdfium2.PdfDocument(path.read_bytes()))


def measure(label: str, files: list[Path]) -> None:
    files = [f for f in files if f.exists()]
    wall0, cpu0 = time.perf_counter(), cpu()
    try:
        for f in files:
            read_path(f)
    except Exception as exc:  # noqa: BLE001 - a missing tool: say so and go on
        print(f"| {label} | – | – | {getattr(exc, 'message', exc)} |")
        return
    wall, used = time.perf_counter() - wall0, cpu() - cpu0
    n = len(files)
    page_count = sum(pages(f) for f in files)
    per_page = f"{seconds(wall / page_count)} / {seconds(used / page_count)}" if page_count else "–"
    sample = f"{n} 个文件" + (f"，{page_count} 页" if page_count else "")
    print(f"| {label} | {seconds(wall / n)} / {seconds(used / n)} | {per_page} | {sample} |")


def seconds(value: float) -> str:
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.1f} s"


def main() -> None:
    seeds = sorted((ROOT / "fixtures" / "seeds").glob("00[0-4]_*.txt"))
    legacy = ROOT / "fixtures" / "legacy"
    print(f"<!-- {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} -->")
    print("| 格式 | 每个文件（墙钟 / CPU） | 每页（墙钟 / CPU） | 样本 |")
    print("| --- | --- | --- | --- |")
    measure("文本 .txt", seeds)
    measure("Word .docx", sorted((ROOT / "fixtures" / "docx").glob("seed_00[0-4].docx")))
    for suffix in ("doc", "rtf", "odt"):
        measure(f".{suffix}（LibreOffice）", sorted(legacy.glob(f"seed_*.{suffix}")))
    measure("PDF 文字层", [ROOT / "fixtures" / "pdf" / "seed_001.pdf"])
    measure("扫描 PDF（文字识别）", sorted((ROOT / "fixtures" / "pdf" / "scans").glob("*.scan.pdf")))


if __name__ == "__main__":
    main()
