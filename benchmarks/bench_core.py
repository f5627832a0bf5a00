"""Measure fzcheck against its budgets: cold start, throughput and peak memory.

1. cold ``fzcheck check <one report>``: wall time of a fresh process, median of
   ``--runs`` runs (after one untimed warm-up run that fills the OS file cache
   and lark's parser cache); budget < 0.3 s;
2. throughput of ``fzcheck check <corpus>/`` over the whole corpus (1,000
   reports) in one process, median of ``--throughput-runs`` runs; budget > 200
   reports/s;
3. peak memory: the largest max RSS of any of those child processes (from
   ``os.wait4``, i.e. ``getrusage`` of that child); budget < 200 MB;

Each child's CPU time (user + system) is recorded too; when the 1-minute load
average exceeds the number of CPUs, other processes dominate wall time and the
time budgets are judged by CPU time instead (the table says so).
4. ``python -X importtime`` of the same cold run: the slowest top-level imports.

Children run as an installed fzcheck does: Python's bytecode cache is on (the
warm-up run writes ``__pycache__``) even when ``PYTHONDONTWRITEBYTECODE`` is set
here; ``--no-bytecode`` measures the worst case, every module compiled from
source on every run.

Usage::

    python benchmarks/bench_core.py            # builds benchmarks/corpus/ first if it is missing
    python benchmarks/bench_core.py --json     # the same figures as JSON on stdout
    python benchmarks/bench_core.py --runs 31 --report fixtures/seeds/000_0c2af4e7f0c2d5ea.txt

Exit status 0 when every budget passes, 1 otherwise.  A benchmark, not a test:
figures depend on the machine (the budgets are for the project's 2-core machine).
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
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_CORPUS = HERE / "corpus"

BUDGET_COLD_S = 0.3
BUDGET_RATE = 200.0
BUDGET_RSS_MB = 200.0

_IMPORT_LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


CHILD_ENV = dict(os.environ)


def run_child(cmd: list[str], cwd: Path = ROOT) -> tuple[float, int, float, float]:
    """Run ``cmd`` with output discarded; return (wall s, exit code, max RSS in MB, CPU s = user + system)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=CHILD_ENV, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert proc.stderr is not None
    err = proc.stderr.read()  # small: fzcheck writes findings to stdout
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.stderr.close()
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"bench: {' '.join(cmd)} exited {code}:\n{err.decode(errors='replace')}")
    return wall, code, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime  # ru_maxrss is in KiB on Linux


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
for name in ("fzcheck", "typer", "lark", "jieba"):
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="fzcheck benchmark: cold start, throughput, peak memory.")
    parser.add_argument("--runs", type=int, default=21, help="cold runs to take the median of (>= 15; default 21)")
    parser.add_argument("--throughput-runs", type=int, default=3, help="runs over the corpus (default 3)")
    parser.add_argument("--report", type=Path, default=None, help="report for the cold run (default seed 004)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder (default benchmarks/corpus)")
    parser.add_argument("--fzcheck", default=None, help="fzcheck executable (default: the one beside this Python)")
    parser.add_argument("--top", type=int, default=8, help="import-time offenders to list (default 8)")
    parser.add_argument("--no-bytecode", action="store_true", help="children compile every module from source")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    parser.add_argument(
        "--stages",
        action="store_true",
        help="instead: where the time of one report goes, in this process, by stage and rule kind",
    )
    args = parser.parse_args(argv)
    if args.stages:
        return stages(args.corpus.resolve(), args.json)
    if args.runs < 15:
        parser.error("--runs must be at least 15")
    load_at_start = os.getloadavg()[0]  # other work on the machine skews every figure
    if args.no_bytecode:
        CHILD_ENV["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        CHILD_ENV.pop("PYTHONDONTWRITEBYTECODE", None)

    report = (args.report or default_report()).resolve()
    corpus = args.corpus.resolve()
    if not any(corpus.glob("*.txt")):
        sys.path.insert(0, str(HERE))
        from corpus import build

        build(out=corpus)
    n_reports = sum(1 for _ in corpus.rglob("*.txt"))
    exe = find_fzcheck(args.fzcheck)

    run_child([*exe, "check", str(report)])  # warm-up: OS file cache, lark parser cache
    cold = [run_child([*exe, "check", str(report)]) for _ in range(args.runs)]
    walls = [c[0] for c in cold]
    cold_median = statistics.median(walls)
    cold_cpu = statistics.median(c[3] for c in cold)

    bulk = [run_child([*exe, "check", str(corpus)]) for _ in range(max(1, args.throughput_runs))]
    bulk_wall = statistics.median(b[0] for b in bulk)
    rate = n_reports / bulk_wall
    cpu_rate = n_reports / statistics.median(b[3] for b in bulk)
    peak_mb = max(r[2] for r in (*cold, *bulk))
    # On a busy machine other processes dominate the wall time: judge by CPU time then (and say so).
    busy = load_at_start > (os.cpu_count() or 1)

    import_total, offenders = import_offenders(exe, report, args.top)
    results = {
        "machine": {"cpus": os.cpu_count(), "load_1min": round(load_at_start, 2), **versions(exe)},
        "bytecode_cache": not args.no_bytecode,
        "cold": {
            "report": str(report.relative_to(ROOT) if report.is_relative_to(ROOT) else report),
            "runs": len(walls),
            "median_s": round(cold_median, 4),
            "min_s": round(min(walls), 4),
            "max_s": round(max(walls), 4),
            "median_cpu_s": round(cold_cpu, 4),
            "max_rss_mb": round(max(c[2] for c in cold), 1),
            "budget_s": BUDGET_COLD_S,
            "judged_by": "cpu" if busy else "wall",
            "pass": (cold_cpu if busy else cold_median) < BUDGET_COLD_S,
        },
        "throughput": {
            "reports": n_reports,
            "runs": len(bulk),
            "median_wall_s": round(bulk_wall, 3),
            "reports_per_s": round(rate, 1),
            "reports_per_cpu_s": round(cpu_rate, 1),
            "budget_reports_per_s": BUDGET_RATE,
            "judged_by": "cpu" if busy else "wall",
            "pass": (cpu_rate if busy else rate) > BUDGET_RATE,
        },
        "memory": {"peak_rss_mb": round(peak_mb, 1), "budget_mb": BUDGET_RSS_MB, "pass": peak_mb < BUDGET_RSS_MB},
        "importtime": {
            "top_level_total_ms": round(import_total, 1),
            "top": [{"module": m, "cumulative_ms": round(c, 1), "self_ms": round(s, 1)} for m, c, s in offenders],
        },
    }
    ok = all(results[k]["pass"] for k in ("cold", "throughput", "memory"))
    results["pass"] = ok
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        print(_table(results))
    return 0 if ok else 1


def stages(corpus: Path, as_json: bool) -> int:
    """Milliseconds per report of each stage and each rule kind, over the corpus, in this process.

    For finding hot spots, not for the budgets: it imports the checkout's ``checker``.
    """
    sys.path.insert(0, str(ROOT))
    from checker.api import ruleset_for
    from checker.config import Config
    from checker.engine import active_rules, analyze, postprocess
    from checker.formats import RenderContext, render
    from checker.ingest import read_path
    from checker.kinds import KINDS

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

    results = []
    for path in paths:
        t = clock()
        doc = read_path(path)
        t = add("read (ingest)", t)
        report = analyze(doc, ruleset, config, with_roles=True)
        t = add("parse + analyze", t)
        found = []
        for rule in rules:
            found.extend(KINDS[rule.kind].check(report, rule))
            t = add(f"kind {rule.kind}", t)
        results.append(Result(str(path), doc, report.outline, report.facts, postprocess(found, config)))
        add("postprocess", t)
    t = clock()
    render("text", results, RenderContext(color=False, show_source=True, statistics=False))
    t = add("render text", t)
    render("json", results, RenderContext())
    add("render json", t)
    per_report = {k: 1000 * v / len(paths) for k, v in sorted(spent.items(), key=lambda kv: -kv[1])}
    if as_json:
        print(
            json.dumps(
                {"reports": len(paths), "ms_per_report": {k: round(v, 4) for k, v in per_report.items()}}, indent=2
            )
        )
    else:
        total = sum(per_report.values())
        print(f"{len(paths)} reports, {total:.2f} ms per report in all ({1000 / total:.0f} reports/s before start-up)")
        for name, ms in per_report.items():
            print(f"  {ms:7.3f} ms  {100 * ms / total:5.1f}%  {name}")
    return 0


def _table(r: dict) -> str:
    def verdict(passed: bool) -> str:
        return "PASS" if passed else "FAIL"

    m, c, t, mem = r["machine"], r["cold"], r["throughput"], r["memory"]
    rows = [
        ("metric", "value", "budget", "result"),
        (
            f"cold check, 1 report (median of {c['runs']})",
            f"{c['median_s']:.3f} s (CPU {c['median_cpu_s']:.3f} s)",
            f"< {c['budget_s']} s",
            verdict(c["pass"]) + (" (by CPU time)" if c["judged_by"] == "cpu" else ""),
        ),
        (
            f"throughput, {t['reports']} reports",
            f"{t['reports_per_s']:.0f} /s (per CPU s {t['reports_per_cpu_s']:.0f})",
            f"> {t['budget_reports_per_s']:.0f} /s",
            verdict(t["pass"]) + (" (by CPU time)" if t["judged_by"] == "cpu" else ""),
        ),
        ("peak memory (max RSS)", f"{mem['peak_rss_mb']:.1f} MB", f"< {mem['budget_mb']:.0f} MB", verdict(mem["pass"])),
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [
        f"fzcheck {m['fzcheck']} · Python {m['python']} · typer {m['typer']} · lark {m['lark']} · jieba {m['jieba']}",
        f"{m['cpus']} CPUs, load average {m['load_1min']} at the start"
        + (" (busy: budgets judged by CPU time)" if c["judged_by"] == "cpu" else "")
        + "; bytecode cache "
        + ("on (as installed)" if r["bytecode_cache"] else "off (--no-bytecode)"),
        "",
    ]
    for k, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines += [
        "",
        f"cold: {c['report']}  min {c['min_s']:.3f} s, max {c['max_s']:.3f} s, max RSS {c['max_rss_mb']:.1f} MB",
        f"throughput: median wall {t['median_wall_s']:.2f} s over {t['runs']} run(s)",
        f"import time of one cold check (top-level imports, {r['importtime']['top_level_total_ms']:.0f} ms in all):",
    ]
    for row in r["importtime"]["top"]:
        lines.append(f"  {row['cumulative_ms']:7.1f} ms  {row['module']}  (self {row['self_ms']:.1f} ms)")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
