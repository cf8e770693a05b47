#!/usr/bin/env python3
"""Golden tests for `minipy -m dis`.

Each tests/dis/NAME.py has a golden NAME.dis: the exact output `minipy -m dis
NAME.py` must print. The program runs from tests/dis, so the file names in
code object reprs are the bare NAME.py. Code object addresses (0x...) are
masked on both sides. Lines at the top of a golden that start with '#' are
comments (dis output never starts with '#'); they say how the golden differs
from what CPython 3.11's `python3 -m dis NAME.py` prints.

Usage:
  run_dis_tests.py --interp MINIPY NAME.py [NAME.py ...]
      Compare minipy's output with the goldens (the ctest mode).
  run_dis_tests.py --cpython NAME.py [NAME.py ...]
      Print CPython 3.11's `dis` output for NAME.py with addresses masked
      (must run under python3.11): the reference the goldens were checked
      against.
  run_dis_tests.py --compare --interp MINIPY NAME.py [NAME.py ...]
      Diff minipy's output against CPython's (not against the golden).
  run_dis_tests.py --update --interp MINIPY NAME.py [NAME.py ...]
      Rewrite the goldens from minipy's current output, keeping their
      comment headers. Review the diff, and the headers, before committing.
"""
import argparse
import difflib
import io
import os
import re
import subprocess
import sys

ADDR = re.compile(r"0x[0-9a-fA-F]+")


def mask(text):
    return ADDR.sub("0x...", text)


def golden_path(py):
    return os.path.splitext(py)[0] + ".dis"


def read_golden(path):
    """Returns (header comment lines, expected output)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines(keepends=True)
    i = 0
    while i < len(lines) and lines[i].startswith("#"):
        i += 1
    return "".join(lines[:i]), "".join(lines[i:])


def run_minipy(interp, path):
    d, name = os.path.split(os.path.abspath(path))
    p = subprocess.run([interp, "-m", "dis", name], cwd=d, capture_output=True, text=True, timeout=60)
    out = p.stdout
    if p.returncode != 0 or p.stderr:
        out += "[exit status %d]\n%s" % (p.returncode, p.stderr)
    return mask(out)


def cpython_dis(path):
    import dis

    if sys.version_info[:2] != (3, 11):
        sys.exit("--cpython/--compare need CPython 3.11, this is %s" % sys.version.split()[0])
    name = os.path.basename(path)
    with open(path, encoding="utf-8") as f:
        source = f.read()
    buf = io.StringIO()
    dis.dis(compile(source, name, "exec"), file=buf)
    return mask(buf.getvalue())


def diff(expected, actual, a, b):
    return "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), a, b))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--interp")
    ap.add_argument("--cpython", action="store_true")
    ap.add_argument("--compare", action="store_true")
    ap.add_argument("--update", action="store_true")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    if args.cpython:
        for f in args.files:
            sys.stdout.write(cpython_dis(f))
        return 0
    if not args.interp:
        ap.error("--interp is required")
    failed = 0
    for f in args.files:
        actual = run_minipy(args.interp, f)
        if args.update:
            header = read_golden(golden_path(f))[0] if os.path.exists(golden_path(f)) else ""
            with open(golden_path(f), "w", encoding="utf-8") as out:
                out.write(header + actual)
            print("wrote %s" % golden_path(f))
            continue
        if args.compare:
            expected, label = cpython_dis(f), "cpython"
        else:
            expected, label = read_golden(golden_path(f))[1], "golden"
        if expected != actual:
            failed += 1
            print("FAIL %s" % f)
            sys.stdout.write(diff(expected, actual, "%s:%s" % (label, f), "minipy:%s" % f))
        else:
            print("ok   %s" % f)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
