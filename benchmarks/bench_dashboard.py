"""Open review dashboards in headless chromium and time them until they are usable.

For each page, ``--runs`` times (pages interleaved, so a change in load hits each alike), in a fresh
browser context: the wall time from navigation to the page's ``load`` event followed by two
animation frames (the first paint of what was laid out), and the browser's own navigation timing
(``domContentLoaded``, ``loadEventEnd``); medians.  Usage::

    python benchmarks/bench_dashboard.py OLD.html NEW.html [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

CHROMIUM = os.environ.get("FZCHECK_CHROMIUM", "/usr/bin/chromium")

PAINTED = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))"
TIMING = """() => { const n = performance.getEntriesByType('navigation')[0];
  return {dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd}; }"""


def measure(browser, page_file: Path) -> dict:
    context = browser.new_context(viewport={"width": 1366, "height": 800})
    tab = context.new_page()
    start = time.perf_counter()
    tab.goto(page_file.resolve().as_uri(), wait_until="load", timeout=120_000)
    painted = tab.evaluate(PAINTED)
    wall = time.perf_counter() - start
    timing = tab.evaluate(TIMING)
    context.close()
    return {"wall_s": wall, "dcl_s": timing["dcl"] / 1000, "load_s": timing["load"] / 1000, "painted_s": painted / 1000}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    runs: dict[str, list[dict]] = {str(p): [] for p in args.pages}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            for p in args.pages:  # one untimed warm-up each (OS file cache)
                measure(browser, p)
            for _ in range(args.runs):
                for p in args.pages:
                    runs[str(p)].append(measure(browser, p))
        finally:
            browser.close()
    out = {"load_before": os.getloadavg()[0], "pages": {}}
    for name, rs in runs.items():
        out["pages"][name] = {
            "mb": round(Path(name).stat().st_size / 1e6, 2),
            **{k: round(statistics.median(r[k] for r in rs), 3) for k in rs[0]},
            "wall_runs_s": [round(r["wall_s"], 2) for r in rs],
        }
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        for name, r in out["pages"].items():
            print(f"{name}: {r['mb']} MB, usable after {r['painted_s']:.2f} s (load event {r['load_s']:.2f} s, "
                  f"wall {r['wall_s']:.2f} s; runs {r['wall_runs_s']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
