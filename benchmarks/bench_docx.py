"""Measure reading a typical 30-page .docx: cold ``fzcheck check x.docx`` against its budget (< 0.5 s).

Builds ``benchmarks/out/report-30p.docx`` the way Word writes a long report:
the seed reports one after another until the text fills 30 A4 pages (22
lines of 28 characters, GB/T 9704),
headings numbered by Word's automatic numbering, each paragraph split into
several runs with their own properties (Word splits runs for fonts, language
and proofing marks), a 40-row table and a footnote; beside it the same text as
``report-30p.txt``.  Then, in fresh processes (after one untimed warm-up run):

1. cold ``fzcheck check report-30p.docx`` — median wall time of ``--runs`` runs
   (and its CPU time, user + system, which other load on the machine
   disturbs less); budget 0.5 s;
2. the same for ``report-30p.txt`` — what the .docx reader adds;
3. in one process: ``read_docx`` alone, median of 20 calls.

Usage::

    python benchmarks/bench_docx.py [--runs 15] [--json]

Exit status 0 when the budget passes, 1 otherwise: judged by the median wall
time, or by the median CPU time when the 1-minute load average exceeds the
number of cores (other processes then dominate the wall time).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
BUDGET_S = 0.5
PAGES = 30
CHARS_PER_PAGE = 22 * 28  # GB/T 9704: 22 lines of 28 characters on an A4 page


def _fixture_builder():
    spec = importlib.util.spec_from_file_location("make_fixtures", ROOT / "fixtures" / "docx" / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def _split_runs(m, text: str) -> str:
    """A paragraph as Word stores it: runs of a few words, each with fonts and language set."""
    rpr = '<w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/><w:sz w:val="32"/><w:lang w:eastAsia="zh-CN"/>'
    pieces = re.findall(r".{1,24}", text) or [""]
    runs = []
    for i, piece in enumerate(pieces):
        runs.append(m.run(piece, rpr))
        if i % 3 == 1:
            runs.append('<w:proofErr w:type="gramStart"/>')
    return "".join(runs)


def build() -> tuple[Path, Path, int]:
    m = _fixture_builder()
    seeds = [p.read_text(encoding="utf-8").strip("\n") for p in sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))]
    texts: list[str] = []
    while sum(len(t) for t in texts) < PAGES * CHARS_PER_PAGE:
        texts.append(seeds[len(texts) % len(seeds)])
    text = "\n\n".join(texts)
    body_xml = m.seed_body(text)
    # re-split the single runs of the seed body into Word-like runs
    body_xml = re.sub(
        r"<w:r><w:t(?: xml:space=\"preserve\")?>([^<]*)</w:t></w:r>", lambda mo: _split_runs(m, mo.group(1)), body_xml
    )
    rows = "".join(
        "<w:tr>"
        + "".join(f"<w:tc>{m.para(m.run(cell))}</w:tc>" for cell in (f"第{i}项", "行政复议", f"{i * 3}件", "已办结"))
        + "</w:tr>"
        for i in range(1, 41)
    )
    table = f"<w:tbl><w:tblPr/><w:tblGrid/>{rows}</w:tbl>"
    footnote = '<w:footnote w:id="1"><w:p>' + m.run("数据来源：各乡镇台账。") + "</w:p></w:footnote>"
    data = m.package(body_xml + table + m.para(m.run("注。") + '<w:r><w:footnoteReference w:id="1"/></w:r>'), footnote)
    OUT.mkdir(exist_ok=True)
    docx = OUT / "report-30p.docx"
    docx.write_bytes(data)
    txt = OUT / "report-30p.txt"
    txt.write_text(text + "\n", encoding="utf-8")
    return docx, txt, len(text)


def cold(path: Path, runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU (user + system) seconds of fresh ``fzcheck check`` processes."""
    import os

    exe = Path(sys.executable).parent / "fzcheck"
    cmd = [str(exe) if exe.exists() else "fzcheck", "check", "--no-config", str(path)]
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)  # warm-up
    walls, cpus = [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - start)
        cpus.append(usage.ru_utime + usage.ru_stime)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise SystemExit(f"bench: {' '.join(cmd)} exited {os.waitstatus_to_exitcode(status)}")
    return walls, cpus


def in_process(path: Path) -> list[float]:
    sys.path.insert(0, str(ROOT))
    from checker.ingest.docx import read_docx

    data = path.read_bytes()
    times = []
    for _ in range(20):
        start = time.perf_counter()
        doc = read_docx(data, str(path))
        times.append(time.perf_counter() - start)
    assert doc.lines
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    docx, txt, chars = build()
    import zipfile

    with zipfile.ZipFile(docx) as z:
        xml_bytes = z.getinfo("word/document.xml").file_size
    import os

    docx_times, docx_cpu = cold(docx, args.runs)
    txt_times, txt_cpu = cold(txt, args.runs)
    read_times = in_process(docx)
    figures = {
        "characters": chars,
        "pages_estimate": round(chars / CHARS_PER_PAGE, 1),
        "docx_bytes": docx.stat().st_size,
        "document_xml_bytes": xml_bytes,
        "cold_docx_median_s": round(statistics.median(docx_times), 3),
        "cold_docx_min_s": round(min(docx_times), 3),
        "cold_docx_cpu_median_s": round(statistics.median(docx_cpu), 3),
        "cold_txt_median_s": round(statistics.median(txt_times), 3),
        "cold_txt_cpu_median_s": round(statistics.median(txt_cpu), 3),
        "read_docx_median_ms": round(statistics.median(read_times) * 1000, 1),
        "runs": args.runs,
        "load_average_1min": round(os.getloadavg()[0], 2),
        "budget_s": BUDGET_S,
    }
    # On a machine busy with other work (load above its cores) wall time measures the queue, not fzcheck:
    # judge by the CPU time of the same runs then, and say so.
    loaded = figures["load_average_1min"] > (os.cpu_count() or 1)
    measure = "cold_docx_cpu_median_s" if loaded else "cold_docx_median_s"
    ok = figures[measure] < BUDGET_S
    figures["judged_by"] = measure
    if args.json:
        print(json.dumps({**figures, "ok": ok}, indent=2))
    else:
        print(
            f"report-30p.docx: {chars} characters (~{figures['pages_estimate']} pages), "
            f"{figures['docx_bytes'] // 1024} KB, document.xml {xml_bytes // 1024} KB"
        )
        print(
            f"cold fzcheck check .docx: median {figures['cold_docx_median_s']} s wall (min {figures['cold_docx_min_s']} s), "
            f"{figures['cold_docx_cpu_median_s']} s CPU, over {args.runs} runs; budget {BUDGET_S} s"
        )
        print(
            f"cold fzcheck check .txt (same text): median {figures['cold_txt_median_s']} s wall, {figures['cold_txt_cpu_median_s']} s CPU"
        )
        print(f"read_docx in process: median {figures['read_docx_median_ms']} ms")
        print(f"load average while measuring: {figures['load_average_1min']} (2 cores; other work inflates wall time)")
        print(("PASS" if ok else "FAIL") + f" (judged by {measure})")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
