#!/usr/bin/env python3
"""Runs every program in programs/ once, small, under minipy with the GIL on
and off: each must exit 0, print something, and write nothing to stderr.
The programs are for people to read and run; this keeps them working.

    python3 tests/run_programs.py --interp build/minipy
"""
import argparse
import os
import subprocess
import sys

# Arguments that make a program short (the defaults are sized for reading).
SMALL_ARGS = {
    "async_vs_sync.py": ["4"],
    "echo_server.py": ["--self-test", "50"],
    "producer_consumer.py": ["40"],
    "rate_limit.py": ["100", "10"],
    "cpu_threads.py": ["1"],
    "cpu_processes.py": ["1"],
    "wake_latency.py": ["20"],
}


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
            cmd = [args.interp, "-X", "gil=" + gil, os.path.join(root, name)] + SMALL_ARGS.get(name, [])
            try:
                p = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout,
                                   stdin=subprocess.DEVNULL)
                ok = p.returncode == 0 and p.stdout.strip() and not p.stderr
                why = "exit %d, stderr:\n%s" % (p.returncode, p.stderr[-2000:])
            except subprocess.TimeoutExpired:
                ok, why = False, "timed out"
            if not ok:
                failed += 1
                print("FAIL %s (gil=%s): %s" % (name, gil, why))
    print("passed %d/%d" % (total - failed, total))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
