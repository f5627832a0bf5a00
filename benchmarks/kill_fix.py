"""20 kill -9 interruptions of ``fzcheck check --fix`` on a 50 MB file (issue 16).

    python benchmarks/kill_fix.py /path/to/50mb-report.txt

Half the kills fall anywhere in the run, half in the write phase (0–400 ms after the backup
appears).  After each kill: is the report the original or the complete fix (never anything
else)?  Does the backup hold the original?  Which files besides them are in the folder, right
after the kill and after the next fzcheck run that writes in that folder?  The report must have
ASCII commas between Han characters to fix (FZ401).  Results: benchmarks/README.md.
"""

import os
import random
import signal
import subprocess
import sys
import tempfile
import time

FZ = [sys.executable, "-m", "checker"]
SRC = sys.argv[1]
D = tempfile.mkdtemp(prefix="fzcheck-kill-")
orig = open(SRC, "rb").read()
fixed = orig.replace(b",", "，".encode())
os.makedirs(D, exist_ok=True)
args = [*FZ, "check", "r.txt", "--fix", "--select", "FZ401", "--format", "json"]
def fresh():
    for n in os.listdir(D):
        os.unlink(os.path.join(D, n))
    open(os.path.join(D, "r.txt"), "wb").write(orig)
    open(os.path.join(D, "small.txt"), "w", encoding="utf-8").write("依法行政,成效明显。\n")
# uninterrupted run: the duration and the phase where writing starts
fresh()
t = time.monotonic()
subprocess.run(args, cwd=D, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
T = time.monotonic() - t
print(f"uninterrupted: {T:.1f} s wall; result {'fixed' if open(D+'/r.txt','rb').read()==fixed else 'WRONG'}", flush=True)
rng = random.Random(16)
rows = []
for k in range(20):
    fresh()
    p = subprocess.Popen(args, cwd=D, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    start = time.monotonic()
    if k % 2 == 0:   # anywhere in the run
        delay = rng.uniform(0.3, T * 1.05)
        while time.monotonic() - start < delay and p.poll() is None:
            time.sleep(0.005)
        when = f"{time.monotonic()-start:.2f}s"
    else:            # while writing: from the moment the backup appears, 0-400 ms later
        while not os.path.exists(os.path.join(D, "r.txt.bak")) and p.poll() is None:
            time.sleep(0.002)
        delay = rng.uniform(0, 0.4)
        t0 = time.monotonic()
        while time.monotonic() - t0 < delay and p.poll() is None:
            time.sleep(0.001)
        when = f"{time.monotonic()-start:.2f}s (bak+{delay*1000:.0f}ms)"
    finished = p.poll() is not None
    if not finished:
        os.kill(p.pid, signal.SIGKILL)
    p.wait()
    names = sorted(os.listdir(D))
    target = open(os.path.join(D, "r.txt"), "rb").read()
    state = "original" if target == orig else "fixed" if target == fixed else "CORRUPT"
    bak = os.path.join(D, "r.txt.bak")
    bak_state = ("original" if open(bak, "rb").read() == orig else "BAD") if os.path.exists(bak) else "-"
    strays = [n for n in names if n not in ("r.txt", "r.txt.bak", "small.txt")]
    # the next run writing in this folder (a small file) cleans what an interrupted run left
    subprocess.run([*FZ, "check", "small.txt", "--fix", "--no-backup"], cwd=D, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = [n for n in sorted(os.listdir(D)) if n not in ("r.txt", "r.txt.bak", "small.txt")]
    row = f"{k+1:2} kill at {when:<22} {'(had finished)' if finished else '':14} target={state:8} bak={bak_state:8} strays={strays} after-next-run={after}"
    rows.append((state, bak_state, strays, after, finished))
    print(row, flush=True)
print("summary:", sum(r[0]=='original' for r in rows), "original,", sum(r[0]=='fixed' for r in rows), "fixed,",
      sum(r[0]=='CORRUPT' for r in rows), "corrupt;", sum(bool(r[2]) for r in rows), "with strays right after the kill;",
      sum(bool(r[3]) for r in rows), "with strays after the next run;", sum(r[4] for r in rows), "finished before the kill")
