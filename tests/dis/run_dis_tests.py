#!/usr/bin/env python3
"""Golden tests for `minipy -m dis`.

Each tests/dis/NAME.py has a golden NAME.dis: the exact output `minipy -m dis
NAME.py` must print (run from tests/dis, so file names in code object reprs are
the bare NAME.py). Code object addresses (0x...) are masked on both sides.
Lines at the top of a golden that start with '#' are comments (dis output
never starts with '#'): they say how the golden differs from CPython 3.11.

Usage:
  run_dis_tests.py --interp MINIPY NAME.py [NAME.py ...]
      Compare minipy's output with the goldens (the ctest mode).
  run_dis_tests.py --cpython NAME.py
      Print the output CPython 3.11 gives for NAME.py, converted to minipy's
      bytecode: without PRECALL and CACHE entries, offsets, jump arguments,
      jump targets and the exception table renumbered accordingly. Must run
      under python3.11. This is how the goldens were made.
  run_dis_tests.py --compare --interp MINIPY NAME.py [NAME.py ...]
      Diff minipy's output against the converted CPython output (not the golden).
"""
import argparse
import difflib
import os
import re
import subprocess
import sys

ADDR = re.compile(r"0x[0-9a-fA-F]+")


def mask(text):
    return ADDR.sub("0x...", text)


def read_golden(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines(keepends=True)
    i = 0
    while i < len(lines) and lines[i].startswith("#"):
        i += 1
    return "".join(lines[i:])


def run_minipy(interp, path):
    d, name = os.path.split(os.path.abspath(path))
    p = subprocess.run([interp, "-m", "dis", name], cwd=d, capture_output=True, text=True, timeout=60)
    out = p.stdout
    if p.returncode != 0 or p.stderr:
        out += "[exit status %d]\n%s" % (p.returncode, p.stderr)
    return mask(out)


# ---- CPython 3.11 -> minipy conversion ----------------------------------------

def cpython_expected(path):
    import dis

    if sys.version_info[:2] != (3, 11):
        sys.exit("--cpython needs CPython 3.11, this is %s" % sys.version.split()[0])
    d, name = os.path.split(os.path.abspath(path))
    with open(path, encoding="utf-8") as f:
        source = f.read()
    code = compile(source, name, "exec")
    out = []

    def code_repr(co):
        return '<code object %s at 0x..., file "%s", line %d>' % (co.co_name, co.co_filename, co.co_firstlineno)

    def one(co):
        instrs = []
        carry = None    # the line a dropped instruction started, for the next kept one
        for ins in dis.get_instructions(co):
            if ins.opname in ("PRECALL", "CACHE"):
                if ins.starts_line is not None:
                    carry = ins.starts_line
                continue
            if carry is not None and ins.starts_line is None:
                ins = ins._replace(starts_line=carry)
            carry = None
            instrs.append(ins)
        newoff = {}
        for k, ins in enumerate(instrs):
            newoff[ins.offset] = 2 * k
        total = 2 * len(instrs)

        def map_at_or_after(old):
            for ins in instrs:
                if ins.offset >= old:
                    return newoff[ins.offset]
            return total

        entries = []
        for e in dis._parse_exception_table(co):
            entries.append((map_at_or_after(e.start), map_at_or_after(e.end), newoff[e.target], e.depth, e.lasti))
        labels = {e[2] for e in entries}
        fixed = []
        for k, ins in enumerate(instrs):
            arg, argval, argrepr = ins.arg, ins.argval, ins.argrepr
            if ins.opcode in dis.hasjrel:
                assert k == 0 or instrs[k - 1].opname != "EXTENDED_ARG", "EXTENDED_ARG before a jump"
                target = newoff[ins.argval]
                nxt = 2 * k + 2
                arg = (target - nxt) // 2 if target >= nxt else (nxt - target) // 2
                argval, argrepr = target, "to %d" % target
                labels.add(target)
            if ins.opcode in dis.hasconst and hasattr(ins.argval, "co_code"):
                argrepr = code_repr(ins.argval)
            fixed.append(ins._replace(offset=2 * k, arg=arg, argval=argval, argrepr=argrepr))
        linestarts = [i.starts_line for i in fixed if i.starts_line is not None]
        maxline = max(linestarts) if linestarts else 0
        lineno_width = len(str(maxline)) if maxline >= 1000 else 3
        maxoffset = total - 2
        offset_width = len(str(maxoffset)) if maxoffset >= 10000 else 4
        for ins in fixed:
            ins = ins._replace(is_jump_target=ins.offset in labels)
            if ins.starts_line is not None and ins.offset > 0:
                out.append("")
            out.append(ins._disassemble(lineno_width, False, offset_width))
        if entries:
            out.append("ExceptionTable:")
            for s, e, t, depth, lasti in entries:
                out.append("  %d to %d -> %d [%d]%s" % (s, e - 2, t, depth, " lasti" if lasti else ""))

    def rec(co):
        one(co)
        for c in co.co_consts:
            if hasattr(c, "co_code"):
                out.append("")
                out.append("Disassembly of %s:" % code_repr(c))
                rec(c)

    rec(code)
    return "\n".join(out) + "\n"


def diff(expected, actual, a, b):
    return "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), a, b))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--interp")
    ap.add_argument("--cpython", action="store_true")
    ap.add_argument("--compare", action="store_true")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    if args.cpython:
        for f in args.files:
            sys.stdout.write(cpython_expected(f))
        return 0
    if not args.interp:
        ap.error("--interp is required")
    failed = 0
    for f in args.files:
        actual = run_minipy(args.interp, f)
        if args.compare:
            expected, label = cpython_expected(f), "cpython"
        else:
            expected, label = read_golden(os.path.splitext(f)[0] + ".dis"), "golden"
        if expected != actual:
            failed += 1
            print("FAIL %s" % f)
            sys.stdout.write(diff(expected, actual, "%s:%s" % (label, f), "minipy:%s" % f))
        else:
            print("ok   %s" % f)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
