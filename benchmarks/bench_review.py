"""Measure ``fzcheck review`` against its budgets on the 1,000-report corpus.

1. the whole review of ``benchmarks/corpus/`` (built by ``benchmarks/corpus.py`` if missing)
   with every output — ``--xlsx``, ``--html``, ``--csv`` and the text table on stdout (``--json``
   adds ``--format json`` instead) — as a fresh ``fzcheck`` process, with ``--jobs 1`` and
   ``--jobs 2``: wall time (budget < 10 s with two jobs), CPU time of the process tree, and the
   speed-up of two jobs over one;
2. peak memory: the process tree is sampled from ``/proc`` every 50 ms; the largest single
   process (budget < 300 MB) and the largest sum over the tree (main process plus workers) are
   reported;
3. in-process phases of one review (check + extract in the workers, copy detection, each writer);
4. copy detection at 250, 500 and 1,000 reports: time per report must stay flat (the shingle
   index makes it linear; a quadratic detector would double its time per report at each step);
5. memory growth: the same review (all outputs, default jobs) of ``--large`` reports
   (``benchmarks/corpus-5000/``, built if missing) against the 1,000: peak of the process tree
   and of the largest process, each with a budget of 1.3× (``--large 0`` skips it).

Usage::

    python benchmarks/bench_review.py              # builds benchmarks/corpus/ first if it is missing
    python benchmarks/bench_review.py --runs 3     # median of three runs per job count
    python benchmarks/bench_review.py --json       # the figures as JSON on stdout

Exit status 0 when every budget passes, 1 otherwise.  Figures depend on the machine and on what
else runs on it: the CPU times say how much work there was even when the wall times are
disturbed by other processes.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from proctree import rss_mb, tree

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_CORPUS = HERE / "corpus"
LARGE_CORPUS = HERE / "corpus-5000"
BUDGET_SECONDS = 10.0
BUDGET_MB = 300.0
BUDGET_MEMORY_GROWTH = 1.3  # peak at --large reports over the peak at 1,000


def ensure_corpus(path: Path, count: int) -> list[Path]:
    files = sorted(path.glob("r*.txt"))
    if len(files) >= count:
        return files[:count]
    spec = importlib.util.spec_from_file_location("fz_corpus", HERE / "corpus.py")
    if spec is None or spec.loader is None:  # pragma: no cover
        raise SystemExit("benchmarks/corpus.py is missing")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    print(f"building {count} reports in {path} …", file=sys.stderr)
    return module.build(count=count, out=path)


def fzcheck() -> list[str]:
    exe = shutil.which("fzcheck", path=str(Path(sys.executable).parent)) or shutil.which("fzcheck")
    return [exe] if exe else [sys.executable, "-m", "checker"]


def run_review(corpus: Path, jobs: int, out: Path, as_json: bool) -> dict:
    args = [
        *fzcheck(), "review", str(corpus), "--jobs", str(jobs), "--no-progress",
        "--xlsx", str(out / "r.xlsx"), "--html", str(out / "r.html"), "--csv", str(out / "r.csv"),
    ]
    if as_json:
        args += ["--format", "json"]
    peak = {"one": 0.0, "tree": 0.0}
    done = threading.Event()
    with open(out / "stdout.txt", "wb") as stdout:
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdout=stdout, stderr=subprocess.PIPE)

        def sample() -> None:
            while not done.is_set():
                sizes = [rss_mb(p) for p in tree(proc.pid)]
                if sizes:
                    peak["one"] = max(peak["one"], max(sizes))
                    peak["tree"] = max(peak["tree"], sum(sizes))
                done.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
    code = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if code not in (0, 1):
        raise SystemExit(f"fzcheck review failed ({code}): {stderr[-2000:]}")
    return {
        "jobs": jobs,
        "wall_s": round(wall, 2),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "peak_process_mb": round(max(peak["one"], usage.ru_maxrss / 1024), 1),
        "peak_tree_mb": round(peak["tree"], 1),
        "sizes_mb": {p.name: round(p.stat().st_size / 1e6, 2) for p in sorted(out.iterdir()) if p.suffix != ".txt"},
    }


def phases(files: list[Path], jobs: int) -> dict:
    sys.path.insert(0, str(ROOT))
    from checker.config import Config
    from checker.engine import run_cross
    from checker.formats.csv import render_reports
    from checker.formats.html import iter_review_html
    from checker.formats.review import finding_dict, render_text
    from checker.formats.xlsx import write_workbook
    from checker.review.runner import Spool, _cross_report, job_for, review_records, run

    job = job_for(Config(), True)
    out: dict = {}
    t = time.perf_counter()
    records = sorted((r.unpack_compared() for r in run([str(f) for f in files], job, jobs)), key=lambda r: r.file)
    out["check_and_extract_s"] = round(time.perf_counter() - t, 2)
    keys = [_cross_report(r) for r in records]
    scaling = {}
    for n in (len(keys) // 4, len(keys) // 2, len(keys)):
        t = time.perf_counter()
        found = run_cross(keys[:n], job.cross)
        elapsed = time.perf_counter() - t
        scaling[n] = {"s": round(elapsed, 3), "ms_per_report": round(1000 * elapsed / n, 3),
                      "findings": len(found), "places": sum(len(f.places) for f in found)}
    out["detect_scaling"] = scaling
    spool = Spool()
    for record in records:
        spool.put(record)
        spool.load_compared(record)
    review = review_records(records, job, [], 0, spool)
    rows, rules = review.rows, review.rule_summary()
    out["diagnostics"] = sum(r["errors"] + r["warnings"] + r["infos"] for r in rows)

    def html() -> None:
        reports = ((r.outline, r.diagnostics) for r in review.reports())
        for _ in iter_review_html(rows, reports, rules, [finding_dict(f) for f in review.findings], parts=job.parts,
                                  labels=job.labels):
            pass

    for name, fn in (
        ("xlsx_s", lambda: write_workbook(tempfile.TemporaryFile(), rows, review.iter_diagnostics(), rules, parts=job.parts)),
        ("html_s", html),
        ("csv_and_text_s", lambda: (render_reports(rows, job.parts), render_text(review))),
    ):
        t = time.perf_counter()
        fn()
        out[name] = round(time.perf_counter() - t, 2)
    review.close()
    return out


def memory_growth(corpus: Path, large: int, as_json: bool) -> dict:
    """Peak memory of the whole review (all outputs, default jobs) of ``corpus`` and of ``large``
    reports, run one after the other, and the growth."""
    big = LARGE_CORPUS
    if len(sorted(big.glob("r*.txt"))) != large:
        ensure_corpus(big, large)
    out = {}
    for name, folder in (("small", corpus), ("large", big)):
        with tempfile.TemporaryDirectory(prefix="fz-review-") as tmp:
            run = run_review(folder, 0, Path(tmp), as_json)
        run["reports"] = len(sorted(folder.glob("r*.txt")))
        out[name] = run
    out["tree_growth"] = round(out["large"]["peak_tree_mb"] / out["small"]["peak_tree_mb"], 2)
    out["process_growth"] = round(out["large"]["peak_process_mb"] / out["small"]["peak_process_mb"], 2)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark fzcheck review on the 1,000-report corpus.")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=1, help="runs per job count (median)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--json-output", action="store_true", help="review with --format json instead of text")
    parser.add_argument("--no-phases", action="store_true", help="skip the in-process phase breakdown")
    parser.add_argument("--large", type=int, default=5000, help="reports of the memory-growth run (0: skip)")
    args = parser.parse_args(argv)

    files = ensure_corpus(args.corpus, args.count)
    corpus = args.corpus
    if len(sorted(args.corpus.glob("r*.txt"))) != args.count:  # review exactly --count reports
        corpus = Path(tempfile.mkdtemp(prefix="fz-corpus-"))
        for f in files:
            shutil.copy(f, corpus / f.name)
    figures: dict = {"reports": len(files), "cpus": os.cpu_count(), "load_before": os.getloadavg()[0]}
    for jobs in (1, 2):
        runs = []
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory(prefix="fz-review-") as tmp:
                runs.append(run_review(corpus, jobs, Path(tmp), args.json_output))
        best = sorted(runs, key=lambda r: r["wall_s"])[len(runs) // 2]
        best["wall_runs_s"] = [r["wall_s"] for r in runs]
        figures[f"jobs{jobs}"] = best
    figures["speedup_2_over_1"] = round(figures["jobs1"]["wall_s"] / figures["jobs2"]["wall_s"], 2)
    if not args.no_phases:
        figures["phases_jobs2"] = phases(files, 2)
    if args.large:
        figures["memory_growth"] = memory_growth(corpus, args.large, args.json_output)
    figures["load_after"] = os.getloadavg()[0]
    two = figures["jobs2"]
    figures["budgets"] = {
        "wall_jobs2_under_10s": two["wall_s"] < BUDGET_SECONDS,
        "peak_process_under_300mb": two["peak_process_mb"] < BUDGET_MB and figures["jobs1"]["peak_process_mb"] < BUDGET_MB,
    }
    if args.large:
        growth = figures["memory_growth"]
        # the budget is the process tree's; the largest process on its own is reported beside it
        figures["budgets"]["memory_growth_process_tree_under_1.3"] = growth["tree_growth"] <= BUDGET_MEMORY_GROWTH
        figures["budgets"]["memory_growth_largest_process_under_1.3"] = growth["process_growth"] <= BUDGET_MEMORY_GROWTH
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        print(f"fzcheck review: {figures['reports']} reports, all outputs, {figures['cpus']} CPUs "
              f"(load average before {figures['load_before']:.1f})")
        for jobs in (1, 2):
            r = figures[f"jobs{jobs}"]
            print(f"  --jobs {jobs}: wall {r['wall_s']:.2f} s (runs {r['wall_runs_s']}), CPU {r['cpu_s']:.2f} s, "
                  f"peak {r['peak_process_mb']:.0f} MB per process, {r['peak_tree_mb']:.0f} MB process tree")
        print(f"  speed-up of --jobs 2 over --jobs 1: {figures['speedup_2_over_1']:.2f}×")
        print(f"  outputs: {figures['jobs2']['sizes_mb']} MB")
        if "phases_jobs2" in figures:
            p = figures["phases_jobs2"]
            print(f"  phases (in process, 2 workers): check+extract {p['check_and_extract_s']} s, "
                  f"xlsx {p['xlsx_s']} s, html {p['html_s']} s, csv+text {p['csv_and_text_s']} s, "
                  f"{p['diagnostics']} diagnostics")
            for n, s in p["detect_scaling"].items():
                print(f"  copy detection, {n:>5} reports: {s['s']:.3f} s = {s['ms_per_report']:.3f} ms/report "
                      f"({s['findings']} findings, {s['places']} places)")
        if "memory_growth" in figures:
            g = figures["memory_growth"]
            print(f"  memory, all outputs, default jobs: {g['small']['reports']} reports {g['small']['peak_tree_mb']:.0f} MB "
                  f"tree / {g['small']['peak_process_mb']:.0f} MB largest process; {g['large']['reports']} reports "
                  f"{g['large']['peak_tree_mb']:.0f} / {g['large']['peak_process_mb']:.0f} MB: growth "
                  f"{g['tree_growth']:.2f}× / {g['process_growth']:.2f}× (CPU {g['small']['cpu_s']:.1f} s → "
                  f"{g['large']['cpu_s']:.1f} s)")
        for name, ok in figures["budgets"].items():
            print(f"  {'PASS' if ok else 'FAIL'} {name}")
    return 0 if all(figures["budgets"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
