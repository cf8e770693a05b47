#!/usr/bin/env python3
"""Runs every program in programs/ once, small, under minipy with the GIL on
and off: each must exit 0, print something, and write nothing to stderr.
The programs are for people to read and run; this keeps them working.

    python3 tests/run_programs.py --interp build/minipy
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

# Arguments that make a program short (the defaults are sized for reading).
SMALL_ARGS = {
    "async_vs_sync.py": ["4"],
    "echo_server.py": ["--self-test", "50"],
    "producer_consumer.py": ["40"],
    "rate_limit.py": ["100", "10"],
    "cpu_threads.py": ["1"],
    "cpu_processes.py": ["1"],
    "wake_latency.py": ["20"],
    "lab.py": ["--quick", "--svg", "{tmp}/lab.svg"],
    "soak.py": ["10", "--warmup=2"],      # the flat-memory check is ctest programs/soak
}


def check_lab(stdout, tmp):
    """programs/lab.py's table: 3 workloads x 6 models, each row with wall,
    CPU, peak MB and speed-up for the GIL on and off, every one a number
    > 0 (measured, not "n/a" or "failed"); and its SVG: well-formed, with a
    bar per cell for the speed-up and for the memory. Shape only: no
    speeds are checked. Returns what is wrong, or None."""
    workloads = ["io", "cpu", "mixed"]
    models = ["sequential", "threads", "asyncio", "asyncio+to_thread", "processes", "asyncio+procpool"]
    rows = {}
    for line in stdout.splitlines():
        f = line.split()
        if len(f) >= 2 and f[0] in workloads and f[1] in models:
            rows[(f[0], f[1])] = f[2:]
    if len(rows) != len(workloads) * len(models):
        return "expected %d table rows, got %d" % (len(workloads) * len(models), len(rows))
    for (w, m), cells in rows.items():
        if len(cells) != 8:
            return "row %s %s: %d cells, not 8" % (w, m, len(cells))
        for c in cells:
            try:
                v = float(c[:-1] if c.endswith("x") else c)
            except ValueError:
                return "row %s %s: cell %r not measured" % (w, m, c)
            if not v > 0:
                return "row %s %s: cell %r not > 0" % (w, m, c)
    try:
        svg = ET.parse(os.path.join(tmp, "lab.svg")).getroot()
    except (OSError, ET.ParseError) as e:
        return "lab.svg: %s" % e
    bars = [e for e in svg.iter() if e.get("class") == "bar"]
    if len(bars) != 2 * 2 * len(rows):
        return "lab.svg: %d bars, not %d" % (len(bars), 2 * 2 * len(rows))
    return None


# Programs whose output is checked beyond "printed something".
CHECKS = {"lab.py": check_lab}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--interp", required=True)
    ap.add_argument("--timeout", type=float, default=120)
    args = ap.parse_args()
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "programs")
    failed = total = 0
    for name in sorted(os.listdir(root)):
        if not name.endswith(".py"):
            continue
        for gil in ("1", "0"):
            total += 1
            tmp = tempfile.mkdtemp(prefix="minipy-programs-")
            cmd = [args.interp, "-X", "gil=" + gil, os.path.join(root, name)]
            cmd += [a.replace("{tmp}", tmp) for a in SMALL_ARGS.get(name, [])]
            try:
                p = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout,
                                   stdin=subprocess.DEVNULL)
                ok = p.returncode == 0 and p.stdout.strip() and not p.stderr
                why = "exit %d, stderr:\n%s" % (p.returncode, p.stderr[-2000:])
                if ok and name in CHECKS:
                    problem = CHECKS[name](p.stdout, tmp)
                    ok, why = problem is None, "%s; output:\n%s" % (problem, p.stdout[-3000:])
            except subprocess.TimeoutExpired:
                ok, why = False, "timed out"
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
            if not ok:
                failed += 1
                print("FAIL %s (gil=%s): %s" % (name, gil, why))
    print("passed %d/%d" % (total - failed, total))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
