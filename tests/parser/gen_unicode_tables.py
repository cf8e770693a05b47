#!/usr/bin/env python3
"""Prints the Unicode range tables of compiler/lexer.c (run with CPython 3.11,
whose unicodedata is Unicode 14.0, and paste between the GENERATED markers).

Only code points >= 128 are listed; ASCII is handled in code."""
import sys


def ranges(pred):
    out, start = [], None
    for cp in range(128, sys.maxunicode + 2):
        ok = cp <= sys.maxunicode and pred(chr(cp))
        if ok and start is None:
            start = cp
        elif not ok and start is not None:
            out.append((start, cp - 1))
            start = None
    return out


def emit(name, rs):
    print(f"static const uint32_t {name}[][2] = {{")
    line = "   "
    for a, b in rs:
        item = f" {{0x{a:X}, 0x{b:X}}},"
        if len(line) + len(item) > 100:
            print(line)
            line = "   "
        line += item
    print(line)
    print("};")


emit("xid_start_ranges", ranges(lambda c: c.isidentifier()))
emit("xid_continue_ranges", ranges(lambda c: ("a" + c).isidentifier()))
emit("printable_ranges", ranges(lambda c: c.isprintable()))
