"""Measure fzcheck against AutoCorrect in the same run: cold start, throughput and memory.

AutoCorrect (``autocorrect-py``, the Python binding of the Rust linter for CJK typography) is the
peer: it checks spacing and punctuation only, in one process.  Install it for the benchmark only
(``pip install autocorrect-py``; it is not a dependency of fzcheck).  Every figure is taken for
both tools in the same run, their runs interleaved, so a busy machine slows both alike; what is
reported is the ratio (> 1: fzcheck is faster) and the CPU time (user + system of the process
tree), which other work on the machine does not inflate.

1. cold start: ``fzcheck check --no-cache <one report>`` in a fresh process, median CPU time of ``--runs``
   runs (budget ≤ 0.15 s), with the per-user caches an earlier run made (packs, regexes, dataclass
   methods, the parser's tables and trees); beside it, the first run with every cache empty;
   AutoCorrect: a fresh Python that imports it and lints the same file;
2. throughput: ``fzcheck check --format json --no-cache <corpus>`` (the default ``--jobs``: every
   core) and ``--jobs 1`` over the 1,000-report corpus, against AutoCorrect's ``lint_for`` over the
   same files in one process (budget: ratio ≥ 1.0 with the default jobs); beside them, a run over
   the unchanged corpus with the results kept by the run before (the result cache: what a
   repeated check or a pre-commit hook meets; not what the budget is judged on) and a run with
   every per-user cache empty (a first run after installing);
3. memory: peak RSS of ``fzcheck check`` (JSON and text output) at 1,000 and at ``--large``
   (5,000) reports: the largest process and the process tree's sum, sampled from /proc
   (budget: the 5,000-report peak ≤ 1.3 × the 1,000-report one);
4. the slowest top-level imports of one cold check (``python -X importtime``).

Usage::

    pip install autocorrect-py                 # the peer, for the benchmark only
    python benchmarks/bench_core.py            # builds the corpora first if they are missing
    python benchmarks/bench_core.py --json     # the same figures as JSON on stdout
    python benchmarks/bench_core.py --stages   # instead: milliseconds per report by stage and kind
    python benchmarks/bench_core.py --overhead # instead: check's CPU per file against the stages' sum

Exit status 0 when every budget passes, 1 otherwise.  A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from proctree import rss_mb, tree

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_CORPUS = HERE / "corpus"
LARGE_CORPUS = HERE / "corpus-5000"

BUDGET_COLD_CPU_S = 0.15
BUDGET_RATIO = 1.0  # AutoCorrect's wall time over fzcheck's on the corpus: at least as fast
BUDGET_MEMORY_GROWTH = 1.3  # peak at --large reports over the peak at 1,000

_IMPORT_LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")

CHILD_ENV = dict(os.environ)

AUTOCORRECT = """
import sys
from pathlib import Path
import autocorrect_py
paths = [Path(p) for p in sys.argv[1:]]
files = [f for p in paths for f in (sorted(p.rglob("*.txt")) if p.is_dir() else [p])]
for f in files:
    autocorrect_py.lint_for(f.read_text(encoding="utf-8-sig", errors="replace"), f.name)
"""


def has_autocorrect() -> bool:
    probe = subprocess.run([sys.executable, "-c", "import autocorrect_py"], capture_output=True, check=False)
    return probe.returncode == 0


def run_child(cmd: list[str], sample: bool = False, env: dict | None = None) -> dict:
    """Run ``cmd`` with output discarded: wall s, CPU s of the process tree, exit code, peak RSS MB
    of its largest process and (with ``sample``) of the whole tree, sampled every 20 ms."""
    peak_tree = 0.0
    done = threading.Event()
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env or CHILD_ENV, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )

    def sampler() -> None:
        nonlocal peak_tree
        while not done.is_set():
            peak_tree = max(peak_tree, sum(rss_mb(p) for p in tree(proc.pid)))
            done.wait(0.02)

    thread = threading.Thread(target=sampler, daemon=True) if sample and Path("/proc").is_dir() else None
    if thread:
        thread.start()
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)  # the child's usage includes the workers it waited for
    wall = time.perf_counter() - start
    done.set()
    if thread:
        thread.join()
    proc.stderr.close()
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"bench: {' '.join(cmd)} exited {code}:\n{err.decode(errors='replace')}")
    return {
        "wall_s": wall,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "max_rss_mb": usage.ru_maxrss / 1024,  # KiB on Linux; the largest process of the tree
        "tree_rss_mb": peak_tree,
    }


def run_uncached(cmd: list[str], sample: bool = False) -> dict:
    """``run_child`` with an empty per-user cache folder of its own (FZCHECK_CACHE_DIR): what a first
    run after installing costs, every cache (packs, regexes, dataclass methods, the parser's tables
    and trees, kept results) still to be made."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="fzcheck-bench-cache-") as folder:
        return run_child(cmd, sample, dict(CHILD_ENV, FZCHECK_CACHE_DIR=folder))


def median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def ensure_corpus(folder: Path, count: int) -> Path:
    if sum(1 for _ in folder.glob("r*.txt")) != count:
        sys.path.insert(0, str(HERE))
        from corpus import build

        print(f"bench: writing {count} reports to {folder} …", file=sys.stderr)
        build(count=count, out=folder)
    return folder


def find_fzcheck(given: str | None) -> list[str]:
    if given:
        return [given]
    beside = Path(sys.executable).parent / "fzcheck"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("fzcheck")
    if found:
        return [found]
    return [sys.executable, "-m", "checker"]


def default_report() -> Path:
    matches = sorted((ROOT / "fixtures" / "seeds").glob("004_*.txt"))
    if not matches:
        raise SystemExit("bench: fixtures/seeds/004_*.txt not found; pass --report")
    return matches[0]


def import_offenders(exe: list[str], report: Path, top: int) -> tuple[float, list[tuple[str, float, float]]]:
    """(total ms of top-level imports, [(module, cumulative ms, self ms)]) for one cold check."""
    proc = subprocess.run(  # noqa: PLW1510 - the exit code is the check's verdict, not an error
        [*exe, "check", str(report)],
        cwd=ROOT,
        env={**CHILD_ENV, "PYTHONPROFILEIMPORTTIME": "1"},  # python -X importtime, through the console script
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    rows = []
    for line in proc.stderr.splitlines():
        m = _IMPORT_LINE.match(line)
        if m and len(m.group(3)) == 1:  # top level: one space of indentation
            rows.append((m.group(4), int(m.group(2)) / 1000, int(m.group(1)) / 1000))
    total = sum(r[1] for r in rows)
    rows.sort(key=lambda r: r[1], reverse=True)
    return total, rows[:top]


_VERSIONS = """
import json, platform
from importlib import metadata
out = {"python": platform.python_version()}
for name in ("fzcheck", "typer", "lark", "jieba", "autocorrect-py"):
    try:
        out[name] = metadata.version(name)
    except metadata.PackageNotFoundError:
        out[name] = "-"
print(json.dumps(out))
"""


def versions(exe: list[str]) -> dict[str, str]:
    """Versions as the measured fzcheck sees them: asked of the interpreter that runs it."""
    python = exe[0]
    if Path(python).name.startswith("fzcheck"):
        with open(python, "rb") as f:
            first = f.readline().decode(errors="replace")
        python = first[2:].strip().split()[0] if first.startswith("#!") else sys.executable
    out = subprocess.run([python, "-c", _VERSIONS], capture_output=True, text=True, env=CHILD_ENV, check=False)
    try:
        return json.loads(out.stdout)
    except json.JSONDecodeError:
        return {"python": "?", "fzcheck": "?", "typer": "?", "lark": "?", "jieba": "?"}


def measure_cold(exe: list[str], report: Path, runs: int, autocorrect: list[str] | None):
    """Cold start, the two tools' runs interleaved; fzcheck checks the file for real (--no-cache: kept
    results are measured apart), with its packs and regexes from the per-user cache, and every fourth
    run also with every cache empty."""
    run_child([*exe, "check", "--no-cache", str(report)])  # warm-up: OS file cache, the per-user caches
    cold_fz, cold_ac, cold_uncached = [], [], []
    for n in range(runs):
        cold_fz.append(run_child([*exe, "check", "--no-cache", str(report)]))
        if autocorrect:
            cold_ac.append(run_child([*autocorrect, str(report)]))
        if n % 4 == 0:
            cold_uncached.append(run_uncached([*exe, "check", "--no-cache", str(report)]))
    return cold_fz, cold_ac, cold_uncached


def measure_throughput(exe: list[str], report: Path, corpus: Path, runs: int, autocorrect: list[str] | None):
    """Throughput over the corpus, the tools' runs interleaved; and the one report again with its result kept.
    None of these runs is sampled for memory (the memory runs are apart): the sampler reads /proc every
    20 ms (~0.9 ms of CPU each time), on this 2-core machine taken from fzcheck's workers and not from
    AutoCorrect, which was never sampled."""
    bulk: dict[str, list[dict]] = {"fzcheck": [], "fzcheck_jobs1": [], "autocorrect": [], "fzcheck_kept": [], "fzcheck_uncached": []}
    cold_kept: list[dict] = []
    json_run = [*exe, "check", "--format", "json"]
    run_child([*json_run, str(corpus)])  # fills the result cache for the "kept" runs
    for _ in range(runs):
        bulk["fzcheck"].append(run_child([*json_run, "--no-cache", str(corpus)]))
        if autocorrect:
            bulk["autocorrect"].append(run_child([*autocorrect, str(corpus)]))
        bulk["fzcheck_jobs1"].append(run_child([*json_run, "--no-cache", "--jobs", "1", str(corpus)]))
        bulk["fzcheck_kept"].append(run_child([*json_run, str(corpus)]))
        bulk["fzcheck_uncached"].append(run_uncached([*json_run, "--no-cache", str(corpus)]))
        cold_kept.append(run_child([*exe, "check", str(report)]))
    return bulk, cold_kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="fzcheck against AutoCorrect: cold start, throughput, memory.")
    parser.add_argument("--runs", type=int, default=21, help="cold runs of each tool (median; >= 9, default 21)")
    parser.add_argument("--throughput-runs", type=int, default=3, help="corpus runs of each tool (median, default 3)")
    parser.add_argument("--report", type=Path, default=None, help="report for the cold runs (default seed 004)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="1,000-report corpus (default benchmarks/corpus)")
    parser.add_argument("--large", type=int, default=5000, help="reports in the memory-growth corpus (default 5000; 0: skip)")
    parser.add_argument("--fzcheck", default=None, help="fzcheck executable (default: the one beside this Python)")
    parser.add_argument("--top", type=int, default=8, help="import-time offenders to list (default 8)")
    parser.add_argument("--no-bytecode", action="store_true", help="children compile every module from source")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    parser.add_argument(
        "--stages",
        action="store_true",
        help="instead: where the time of one report goes, in this process, by stage and rule kind",
    )
    parser.add_argument(
        "--overhead",
        action="store_true",
        help="instead: the CPU time per file of check (--jobs 1 and every core) against the stages' sum",
    )
    args = parser.parse_args(argv)
    if args.stages:
        return stages(ensure_corpus(args.corpus.resolve(), 1000), args.json)
    if args.overhead:
        CHILD_ENV.pop("PYTHONDONTWRITEBYTECODE", None)
        corpus = ensure_corpus(args.corpus.resolve(), 1000)
        return overhead(corpus, find_fzcheck(args.fzcheck), max(1, args.throughput_runs), args.json)
    if args.runs < 9:
        parser.error("--runs must be at least 9")
    if args.no_bytecode:
        CHILD_ENV["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        CHILD_ENV.pop("PYTHONDONTWRITEBYTECODE", None)
    peer = has_autocorrect()
    if not peer:
        print("bench: autocorrect-py is not installed (pip install autocorrect-py): no ratios", file=sys.stderr)
    load_at_start = os.getloadavg()[0]
    report = (args.report or default_report()).resolve()
    corpus = ensure_corpus(args.corpus.resolve(), 1000)
    n_reports = sum(1 for _ in corpus.glob("r*.txt"))
    exe = find_fzcheck(args.fzcheck)
    autocorrect = [sys.executable, "-c", AUTOCORRECT]

    cold_fz, cold_ac, cold_uncached = measure_cold(exe, report, args.runs, autocorrect if peer else None)
    bulk, cold_kept = measure_throughput(exe, report, corpus, max(1, args.throughput_runs), autocorrect if peer else None)

    # 3. memory at 1,000 and at --large reports
    memory: dict = {}
    if args.large:
        large = ensure_corpus(LARGE_CORPUS, args.large)
        for fmt in ("json", "text"):
            for name, folder in (("1000", corpus), (str(args.large), large)):
                memory[f"{fmt}_{name}"] = run_child([*exe, "check", "--no-cache", "--format", fmt, str(folder)], sample=True)

    import_total, offenders = import_offenders(exe, report, args.top)
    results = figures(args, load_at_start, exe, report, n_reports, cold_fz, cold_ac, bulk, memory)
    if cold_kept:
        results["cold"]["fzcheck_kept_cpu_s"] = round(median(cold_kept, "cpu_s"), 4)
    if cold_uncached:
        results["cold"]["fzcheck_uncached_cpu_s"] = round(median(cold_uncached, "cpu_s"), 4)
    results["importtime"] = {
        "top_level_total_ms": round(import_total, 1),
        "top": [{"module": m, "cumulative_ms": round(c, 1), "self_ms": round(s, 1)} for m, c, s in offenders],
    }
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        print(_table(results))
    return 0 if results["pass"] else 1


def figures(args, load_at_start, exe, report, n_reports, cold_fz, cold_ac, bulk, memory) -> dict:
    def ratio(a: float, b: float) -> float | None:
        return round(a / b, 2) if a and b else None

    cold_cpu = median(cold_fz, "cpu_s")
    cold = {
        "report": str(report.relative_to(ROOT) if report.is_relative_to(ROOT) else report),
        "runs": len(cold_fz),
        "fzcheck_cpu_s": round(cold_cpu, 4),
        "fzcheck_wall_s": round(median(cold_fz, "wall_s"), 4),
        "fzcheck_max_rss_mb": round(max(r["max_rss_mb"] for r in cold_fz), 1),
        "budget_cpu_s": BUDGET_COLD_CPU_S,
        "pass": cold_cpu <= BUDGET_COLD_CPU_S,
    }
    if cold_ac:
        cold["autocorrect_cpu_s"] = round(median(cold_ac, "cpu_s"), 4)
        cold["autocorrect_wall_s"] = round(median(cold_ac, "wall_s"), 4)
        cold["ratio_cpu"] = ratio(cold["autocorrect_cpu_s"], cold["fzcheck_cpu_s"])
        cold["ratio_wall"] = ratio(cold["autocorrect_wall_s"], cold["fzcheck_wall_s"])
    throughput: dict = {"reports": n_reports, "runs": len(bulk["fzcheck"])}
    for name, runs in bulk.items():
        if runs:
            wall, cpu = median(runs, "wall_s"), median(runs, "cpu_s")
            throughput[name] = {
                "wall_s": round(wall, 3),
                "cpu_s": round(cpu, 3),
                "reports_per_s": round(n_reports / wall, 1),
                "reports_per_cpu_s": round(n_reports / cpu, 1),
                "max_rss_mb": round(max(r["max_rss_mb"] for r in runs), 1),
            }
    if bulk["autocorrect"]:
        ac = throughput["autocorrect"]
        for name in ("fzcheck", "fzcheck_jobs1", "fzcheck_kept", "fzcheck_uncached"):
            throughput[name]["ratio_wall"] = ratio(ac["wall_s"], throughput[name]["wall_s"])
            throughput[name]["ratio_cpu"] = ratio(ac["cpu_s"], throughput[name]["cpu_s"])
        # each round's own ratio (the two tools run one after the other in it): how steady the median is
        each = [ratio(a["wall_s"], f["wall_s"]) for f, a in zip(bulk["fzcheck"], bulk["autocorrect"])]
        throughput["fzcheck"]["ratio_wall_each_round"] = each
        throughput["budget_ratio_wall"] = BUDGET_RATIO
        throughput["pass"] = (throughput["fzcheck"]["ratio_wall"] or 0) >= BUDGET_RATIO
    else:
        throughput["pass"] = False
    mem: dict = {"large": args.large}
    for fmt in ("json", "text"):
        small, large = memory.get(f"{fmt}_1000"), memory.get(f"{fmt}_{args.large}")
        if small and large:
            mem[fmt] = {
                "1000": {"max_rss_mb": round(small["max_rss_mb"], 1), "tree_mb": round(small["tree_rss_mb"], 1)},
                str(args.large): {"max_rss_mb": round(large["max_rss_mb"], 1), "tree_mb": round(large["tree_rss_mb"], 1)},
                "growth_max_rss": ratio(large["max_rss_mb"], small["max_rss_mb"]),
                "growth_tree": ratio(large["tree_rss_mb"], small["tree_rss_mb"]),
                "cpu_s": {"1000": round(small["cpu_s"], 2), str(args.large): round(large["cpu_s"], 2)},
            }
    growth = [mem[f][k] for f in ("json", "text") if f in mem for k in ("growth_max_rss", "growth_tree") if mem[f][k]]
    mem["budget_growth"] = BUDGET_MEMORY_GROWTH
    mem["pass"] = bool(growth) and max(growth) <= BUDGET_MEMORY_GROWTH
    results = {
        "machine": {
            "cpus": os.cpu_count(),
            "load_1min_start": round(load_at_start, 2),
            "load_1min_end": round(os.getloadavg()[0], 2),
            **versions(exe),
        },
        "bytecode_cache": not args.no_bytecode,
        "cold": cold,
        "throughput": throughput,
        "memory": mem,
    }
    results["pass"] = cold["pass"] and throughput["pass"] and (mem["pass"] or not args.large)
    return results


def stages(corpus: Path, as_json: bool) -> int:
    """Milliseconds per report of each stage and each rule kind, over the corpus, in this process.

    For finding hot spots, not for the budgets: it imports the checkout's ``checker``.
    """
    per_report = stage_times(corpus)
    if as_json:
        print(json.dumps({"reports": _count(corpus), "ms_per_report": {k: round(v, 4) for k, v in per_report.items()}}, indent=2))
    else:
        total = sum(per_report.values())
        print(f"{_count(corpus)} reports, {total:.2f} ms per report in all ({1000 / total:.0f} reports/s before start-up)")
        for name, ms in per_report.items():
            print(f"  {ms:7.3f} ms  {100 * ms / total:5.1f}%  {name}")
    return 0


def _count(corpus: Path) -> int:
    return sum(1 for _ in corpus.rglob("*.txt"))


def overhead(corpus: Path, exe: list[str], runs: int, as_json: bool) -> int:
    """What ``fzcheck check`` costs per file beyond the stages' own work: the CPU time of the command
    over the corpus (JSON, --no-cache; --jobs 1 and every core, median of ``runs``), less one cold
    start, per file, against the stages' sum measured in this process (text rendering left out)."""
    per_report = stage_times(corpus)
    work = sum(ms for name, ms in per_report.items() if name != "render text")
    n = _count(corpus)
    one = sorted(corpus.rglob("*.txt"))[0]
    command = [*exe, "check", "--format", "json", "--no-cache"]
    cold = median([run_child([*command, str(one)]) for _ in range(max(3, runs))], "cpu_s")
    figures = {"reports": n, "stages_ms_per_report": round(work, 3), "cold_cpu_s": round(cold, 3)}
    for jobs in ("1", "0"):
        cpu = median([run_child([*command, "--jobs", jobs, str(corpus)]) for _ in range(runs)], "cpu_s")
        per_file = 1000 * (cpu - cold) / n
        figures[f"jobs_{jobs}"] = {"cpu_s": round(cpu, 3), "ms_per_file": round(per_file, 3), "beyond_stages_ms": round(per_file - work, 3)}
    if as_json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"{n} reports; the stages' work (in-process, text rendering left out): {work:.3f} ms per report; one cold start {cold:.3f} s CPU")
        for jobs, label in (("1", "--jobs 1"), ("0", "every core")):
            x = figures[f"jobs_{jobs}"]
            print(f"  check -f json --no-cache, {label:<10}: CPU {x['cpu_s']:.2f} s = {x['ms_per_file']:.3f} ms per file after start-up,"
                  f" {x['beyond_stages_ms']:+.3f} ms beyond the stages")
    return 0


def stage_times(corpus: Path) -> dict[str, float]:
    """Milliseconds of CPU per report of each stage and each rule kind, most first, in this process."""
    sys.path.insert(0, str(ROOT))
    from checker.api import ruleset_for
    from checker.config import Config
    from checker.engine import active_rules, analyze, postprocess
    from checker.formats import RenderContext, piece
    from checker.ingest import read_path
    from checker.kinds import KINDS
    from checker.kinds.base import is_cross_report

    paths = sorted(corpus.rglob("*.txt"))
    if not paths:
        raise SystemExit(f"bench: no reports in {corpus}; run benchmarks/corpus.py")
    config = Config()
    ruleset = ruleset_for(config)
    rules = active_rules(ruleset, config)
    spent: dict[str, float] = {}
    clock = time.process_time  # CPU time of this process: other work on the machine does not count

    def add(name: str, since: float) -> float:
        now = clock()
        spent[name] = spent.get(name, 0.0) + now - since
        return now

    from checker.api import Result

    text_ctx, json_ctx = RenderContext(color=False, show_source=True, statistics=False), RenderContext()

    def one(path: Path) -> None:
        t = clock()
        doc = read_path(path)
        t = add("read (ingest)", t)
        report = analyze(doc, ruleset, config, with_roles=True)
        t = add("parse + analyze", t)
        found = []
        for rule in rules:
            kind = KINDS[rule.kind]
            if not is_cross_report(kind):  # those compare reports: fzcheck review runs them
                found.extend(kind.check(report, rule))
                t = add(f"kind {rule.kind}", t)
        result = Result(str(path), doc, report.outline, report.facts, postprocess(found, config), outline_roles=report.outline_roles)
        t = add("postprocess", t)
        piece("text", result, text_ctx, config.fail_on)
        t = add("render text", t)
        piece("json", result, json_ctx, config.fail_on)
        add("render json", t)
        report.outline.unlink()  # as check does once a file is written: nothing left for the cyclic collector

    one(paths[0])  # tables and caches made on first use: not what a report costs
    spent.clear()
    for path in paths:  # each report rendered as it is checked and then let go, as `fzcheck check` does
        one(path)
    return {k: 1000 * v / len(paths) for k, v in sorted(spent.items(), key=lambda kv: -kv[1])}


def _table(r: dict) -> str:
    def verdict(passed: bool) -> str:
        return "PASS" if passed else "FAIL"

    m, c, t, mem = r["machine"], r["cold"], r["throughput"], r["memory"]
    lines = [
        f"fzcheck {m['fzcheck']} · Python {m['python']} · typer {m['typer']} · lark {m['lark']} · jieba {m['jieba']}"
        f" · autocorrect-py {m.get('autocorrect-py', '-')}",
        f"{m['cpus']} CPUs, load average {m['load_1min_start']} at the start, {m['load_1min_end']} at the end;"
        " ratio = AutoCorrect's time / fzcheck's time, measured in this run (> 1: fzcheck is faster)",
        "",
        f"cold check of {c['report']} (median of {c['runs']}): CPU {c['fzcheck_cpu_s']:.3f} s, wall {c['fzcheck_wall_s']:.3f} s"
        f" — budget CPU <= {c['budget_cpu_s']} s: {verdict(c['pass'])}",
    ]
    if "autocorrect_cpu_s" in c:
        lines.append(
            f"  AutoCorrect cold: CPU {c['autocorrect_cpu_s']:.3f} s, wall {c['autocorrect_wall_s']:.3f} s;"
            f" ratio CPU {c['ratio_cpu']}, wall {c['ratio_wall']}"
        )
    lines.append(f"throughput, {t['reports']} reports (median of {t['runs']}):")
    if "fzcheck_uncached_cpu_s" in c:
        lines.append(f"  the first run, every per-user cache empty (FZCHECK_CACHE_DIR): CPU {c['fzcheck_uncached_cpu_s']:.3f} s")
    if "fzcheck_kept_cpu_s" in c:
        lines.append(f"  the same file again, its result kept from the run before: CPU {c['fzcheck_kept_cpu_s']:.3f} s")
    rows = (
        ("fzcheck", "fzcheck check --format json --no-cache"),
        ("fzcheck_jobs1", "  the same, --jobs 1"),
        ("fzcheck_uncached", "  the same, every per-user cache empty"),
        ("fzcheck_kept", "  unchanged files again, results kept"),
        ("autocorrect", "AutoCorrect lint_for, one process"),
    )
    for name, label in rows:
        if name in t:
            x = t[name]
            extra = f"  ratio wall {x['ratio_wall']}, CPU {x['ratio_cpu']}" if "ratio_wall" in x else ""
            lines.append(
                f"  {label:<42} wall {x['wall_s']:6.2f} s  CPU {x['cpu_s']:6.2f} s  {x['reports_per_s']:6.0f}/s"
                f"  ({x['reports_per_cpu_s']:.0f} per CPU s)  max RSS {x['max_rss_mb']:.0f} MB{extra}"
            )
    if "budget_ratio_wall" in t:
        each = t["fzcheck"].get("ratio_wall_each_round") or []
        if len(each) > 1:
            lines.append(f"  every core, each round's ratio (wall): {', '.join(map(str, each))}; {sum(x >= t['budget_ratio_wall'] for x in each if x)} of {len(each)} >= {t['budget_ratio_wall']}")
        lines.append(f"  budget: ratio (all cores, wall, median of the rounds) >= {t['budget_ratio_wall']}: {verdict(t['pass'])}")
    if "json" in mem or "text" in mem:
        lines.append(f"peak memory at 1,000 and {mem['large']:,} reports (largest process / process tree):")
        for fmt in ("json", "text"):
            if fmt in mem:
                x = mem[fmt]
                a, b = x["1000"], x[str(mem["large"])]
                lines.append(
                    f"  --format {fmt:<5} {a['max_rss_mb']:6.1f} / {a['tree_mb']:6.1f} MB  ->  {b['max_rss_mb']:6.1f} / {b['tree_mb']:6.1f} MB"
                    f"  growth {x['growth_max_rss']} / {x['growth_tree']}  (CPU {x['cpu_s']['1000']} s -> {x['cpu_s'][str(mem['large'])]} s)"
                )
        lines.append(f"  budget: growth <= {mem['budget_growth']}: {verdict(mem['pass'])}")
    lines.append(f"import time of one cold check (top-level imports, {r['importtime']['top_level_total_ms']:.0f} ms in all):")
    for row in r["importtime"]["top"]:
        lines.append(f"  {row['cumulative_ms']:7.1f} ms  {row['module']}  (self {row['self_ms']:.1f} ms)")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
