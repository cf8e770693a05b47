#!/usr/bin/env python3
"""Cases for util/fmtnum.c, with CPython 3.11 as the oracle.

    fmtnum_cases.py header [--seed S] [--per-kind N] > tests/unit/fmtnum_cases.h
        writes the table of representative cases that test_fmtnum.c checks.
    fmtnum_cases.py diff DRIVER [--seed S] [-n N] [--show K]
        a large random differential run: DRIVER is the test_fmtnum binary, run as
        `DRIVER --stdin`, which reads one case a line and prints one result a line.

A case is (kind, value, spec):
    F  format(float, spec)     value: float.hex()            I  format(int, spec)  value: "base:[-]digits"
    S  format(str, spec)       value: the str                R  repr(float)        value: float.hex()
    V  float(str) -> bits      value: the str                Q  spec % float       spec: "%-+08.3f"
    P  spec % int              value: "base:[-]digits"        T  spec % str         value: str(v)/repr(v)/ascii(v)
The expected result is the text, or "!ValueError: msg" / "!OverflowError: msg".
On the --stdin protocol every field is hex-encoded UTF-8 (tab-separated), results too.
"""
import argparse
import math
import random
import struct
import subprocess
import sys

KINDS = "FISRVQPT"

# --------------------------------------------------------------------------------------------
# The oracle


def float_bits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def parse_int_value(v):
    base, digits = v.split(":", 1)
    neg = digits.startswith("-")
    n = int(digits.lstrip("-"), int(base))
    return -n if neg else n


def expected(kind, value, spec):
    try:
        if kind == "F":
            return format(float.fromhex(value), spec)
        if kind == "I":
            return format(parse_int_value(value), spec)
        if kind == "S":
            return format(value, spec)
        if kind == "R":
            return repr(float.fromhex(value))
        if kind == "V":
            return float_bits(float(value))
        if kind == "Q":
            return spec % float.fromhex(value)
        if kind == "P":
            return spec % parse_int_value(value)
        if kind == "T":   # value is the converted text: str(v), repr(v) or ascii(v)
            return (spec[:-1] + "s") % value
    except (ValueError, OverflowError) as e:
        if kind == "V":
            return "!invalid"
        return "!%s: %s" % (type(e).__name__, e)
    raise AssertionError(kind)


# --------------------------------------------------------------------------------------------
# Random cases

FILLS = ["", "", "", " ", "*", "x", "0", "<", "=", "é", "€", "𝄞", "_", ","]
ALIGNS = ["", "", "<", ">", "=", "^"]
SIGNS = ["", "", "", "+", "-", " "]


def rand_spec(rng, types, allow_z=True):
    if rng.random() < 0.03:   # garbage for the error paths
        return "".join(rng.choice("<>=^+- z#0123456789,_.%dxXbcoefgEFGns€")
                       for _ in range(rng.randint(1, 6)))
    s = ""
    align = rng.choice(ALIGNS)
    if align:
        s += rng.choice(FILLS) + align
    s += rng.choice(SIGNS)
    if allow_z and rng.random() < 0.08:
        s += "z"
    if rng.random() < 0.15:
        s += "#"
    if rng.random() < 0.2:
        s += "0"
    if rng.random() < 0.5:
        s += str(rng.choice([0, 1, 2, 3, 5, 7, 8, 10, 12, 15, 20, 25, 30]))
    r = rng.random()
    if r < 0.15:
        s += ","
    elif r < 0.27:
        s += "_"
    if rng.random() < 0.45:
        s += "." + str(rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 16, 17, 20, 25, 40, 60]))
    s += rng.choice(types)
    return s


SPECIAL_FLOATS = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 0.125, 0.375, 1e16, 1e15, 9999999999999998.0,
                  1e-4, 1e-5, 0.0001, 0.00001, 1.5e-7, 123456789012345.0, 1234567890123456.0,
                  12345678901234567.0, 1e22, 1e23, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
                  math.inf, -math.inf, math.nan, -math.nan, 0.30000000000000004, 1/3, 2/3, 100.0,
                  1234.5, 0.999, 0.9999999, 9.5, 99.5, 999.5, 0.05, 0.005, 0.0005, 123.456, 1e100,
                  -1e-100, 2.0**52, 2.0**53, 2.0**53 + 2, 2.0**63, 2.0**-1022, 2.0**-1074 * 3,
                  4.35, 0.045, 1.005, 2.675]


def rand_float(rng):
    r = rng.random()
    if r < 0.2:
        return rng.choice(SPECIAL_FLOATS)
    if r < 0.45:   # any bit pattern
        return struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
    if r < 0.6:    # short decimals
        return float("%se%d" % (rng.randint(1, 99999), rng.randint(-12, 12))) * rng.choice([1, -1])
    if r < 0.7:    # exact halves, quarters ... ties in rounding
        return rng.randint(-100000, 100000) / rng.choice([2, 4, 8, 16, 1024])
    if r < 0.8:    # powers of two (lopsided rounding intervals)
        return math.ldexp(1.0, rng.randint(-1074, 1023)) * rng.choice([1, -1])
    if r < 0.9:
        return rng.uniform(-1000, 1000)
    return rng.uniform(0, 1) * 10.0 ** rng.randint(-320, 308)


def rand_int(rng):
    r = rng.random()
    if r < 0.3:
        n = rng.randint(0, 1000)
    elif r < 0.6:
        n = rng.randint(0, 10 ** rng.randint(1, 20))
    elif r < 0.8:
        n = rng.getrandbits(rng.randint(1, 400))
    elif r < 0.9:
        n = rng.choice([0, 1, 9, 10, 65, 0x10ffff, 0x110000, 0xD800, 2**63 - 1, 2**63, 2**64, 10**308,
                        2**1023, 2**1024, 2**1024 - 2**970, 2**1024 - 2**971, 2**53 + 1, 255, 4095, 4096])
    else:
        n = rng.getrandbits(rng.randint(1, 4000))
    if rng.random() < 0.4:
        n = -n
    return n


def int_value(rng, n):
    base = rng.choice([10, 10, 10, 16, 8, 2])
    fmt = {10: "d", 16: rng.choice("xX"), 8: "o", 2: "b"}[base]
    digits = format(abs(n), fmt)
    if rng.random() < 0.05:
        digits = "00" + digits
    return "%d:%s%s" % (base, "-" if n < 0 else "", digits)


STRS = ["", "a", "abc", "hello world", "é", "naïve", "日本語", "𝄞x𝄞", "tab\there", "0123456789abcdef"]


def rand_str(rng):
    if rng.random() < 0.7:
        return rng.choice(STRS)
    return "".join(rng.choice("ab cdé€𝄞xyz") for _ in range(rng.randint(0, 30)))


FLOAT_STRS = ["1", "1.", ".5", ".", "-", "+", "", " ", "1e5", "1E5", "1e", "1e+", "1e-5", "e5", "1.5e-7",
              "inf", "-inf", "+inf", "Infinity", "-iNfInItY", "infinit", "infinityy", "nan", "-nan", "+NaN",
              "nan(1)", "0x10", "0x1p3", "1_000", "1__000", "_1", "1_", "1_.5", "1._5", "1.5_", "1e1_0",
              "1_e10", "1e_10", "  1.5  ", "\t\n1\r\v\f", "1 2", "١٢.٥", "\u20031.5\u3000", "\x1c1",
              "1\x00", "+-1", "--1", "00001", "1e400", "-1e400", "1e-400", "-1e-400", "4.9e-324",
              "2.4703282292062328e-324", "2.4703282292062327e-324", "0.1e1", "12345678901234567890",
              "9007199254740993", "1.7976931348623158e308", "1.7976931348623159e308", "٣", "1\u00a0",
              "½", "1.5\u200b", "123_456.789_012e1_0", "0_0", "-0", "-0.0", "+0e-5", "in f", "i_nf",
              "1.0e+0_1"]


def rand_float_str(rng):
    r = rng.random()
    if r < 0.3:
        return rng.choice(FLOAT_STRS)
    if r < 0.5:
        return repr(rand_float(rng))
    if r < 0.75:   # long exact decimals, near halfway points
        x = rand_float(rng)
        if not math.isfinite(x):
            return repr(x)
        return "%.*e" % (rng.randint(15, 40), x)
    s = ""
    if rng.random() < 0.3:
        s += rng.choice(" \t+-")
    s += "".join(rng.choice("0123456789_.eE+-") for _ in range(rng.randint(1, 12)))
    if rng.random() < 0.2:
        s += " "
    return s


def rand_printf(rng, convs):
    s = "%"
    for f in "-+ #0":
        if rng.random() < 0.2:
            s += f
    if rng.random() < 0.5:
        s += str(rng.randint(0, 25))
    if rng.random() < 0.5:
        s += "." + str(rng.choice([0, 1, 2, 3, 5, 6, 10, 17, 20, 30]))
    return s + rng.choice(convs)


def rand_case(rng, kind):
    if kind == "F":
        return kind, rand_float(rng).hex(), rand_spec(rng, ["", "", "e", "E", "f", "F", "g", "G", "n", "%",
                                                          "", "f", "g", "d", "x", "s", "c"])
    if kind == "I":
        n = rand_int(rng)
        types = ["", "d", "b", "o", "x", "X", "n", "c", "e", "f", "g", "%", "E", "G", "F", "s", "z", "q"]
        spec = rand_spec(rng, types)
        if rng.random() < 0.3:   # drop the precision, which ints refuse, more often
            spec = spec.split(".")[0] if "." in spec else spec
        if spec.endswith("c") and rng.random() < 0.8:
            n = rng.choice([rng.randint(0, 0x10ffff), rng.randint(32, 127), rng.randint(0, 300)])
        return kind, int_value(rng, n), spec
    if kind == "S":
        return kind, rand_str(rng), rand_spec(rng, ["", "", "s", "d", "r"])
    if kind == "R":
        return kind, rand_float(rng).hex(), ""
    if kind == "V":
        return kind, rand_float_str(rng), ""
    if kind == "Q":
        return kind, rand_float(rng).hex(), rand_printf(rng, "eEfFgG")
    if kind == "P":
        return kind, int_value(rng, rand_int(rng)), rand_printf(rng, "diuoxX")
    if kind == "T":
        spec = rand_printf(rng, "sra")
        v = rand_str(rng)
        return kind, {"s": str, "r": repr, "a": ascii}[spec[-1]](v), spec
    raise AssertionError(kind)


def rand_cases(seed, n_per_kind, kinds=KINDS):
    rng = random.Random(seed)
    out = []
    for kind in kinds:
        for _ in range(n_per_kind):
            out.append(rand_case(rng, kind))
    return out


# Hand-picked cases that the header always contains.
FIXED = [
    ("F", 1.0, ""), ("F", 1e20, ""), ("F", 1.2345, ".2"), ("F", 1234.5, "010,.1f"), ("F", math.inf, "05"),
    ("F", -math.inf, "=+10"), ("F", math.nan, "x^9"), ("F", 1e16, "#"), ("F", 1.0, "#.0"), ("F", 0.5, ".0%"),
    ("F", -0.0001, "z.2f"), ("F", -0.0, "z"), ("F", 1234567.891, ",.2f"), ("F", 1234567.891, "_.3e"),
    ("F", 1234567.891, "020_.2f"), ("F", 1e300, "f"), ("F", 0.1, ".30g"), ("F", 2.5, ".0f"),
    ("F", 3.5, ".0f"), ("F", 0.125, ".2"), ("F", 1.0, "d"), ("F", 1.0, ",n"), ("F", 1.0, ".2147483648f"),
    ("F", 123.0, "n"), ("F", 1.5, "+#010.3G"), ("F", 1e-7, "^+20.5e"), ("F", 1.0, "é^9"),
    ("I", 1234, "x<010,"), ("I", 1, "0=10,"), ("I", 255, "#x"), ("I", 255, "#X"), ("I", 255, "#010b"),
    ("I", -255, "#_b"), ("I", 2**64, "_x"), ("I", 123456789, ","), ("I", 123456789, "_"),
    ("I", -123456789, "015,d"), ("I", 65, "c"), ("I", 65, "^5c"), ("I", 65, "+c"), ("I", 65, "#c"),
    ("I", -1, "c"), ("I", 2**70, "c"), ("I", 0x110000, "c"), ("I", 1, ".2"), ("I", 1, "z"), ("I", 1, "q"),
    ("I", 1, "é"), ("I", 1, ",x"), ("I", 1, ",n"), ("I", 1, "_c"), ("I", 10**400, "f"), ("I", 10**20, "e"),
    ("I", 2**53 + 1, ".0f"), ("I", 1, "abc"), ("I", 1, "."), ("I", 1, "99999999999999999999"),
    ("I", 1, ",_"), ("I", 1, "_,"), ("I", 1, "<<<"), ("I", 12345, "n"), ("I", 0, "#o"), ("I", -0, "+d"),
    ("I", 7, " 5"), ("I", 1, "١٠"), ("I", 1, "\x01"),
    ("S", "x", " "), ("S", "x", "+"), ("S", "x", "z"), ("S", "x", "#"), ("S", "x", "="), ("S", "x", "d"),
    ("S", "x", ","), ("S", "ab", "05"), ("S", "ab", "^05"), ("S", "héllo", ".2"), ("S", "日本語", "*^8.2"),
    ("S", "abc", "é>6"), ("S", "abc", ""), ("S", "", "5"),
    ("R", 0.30000000000000004, ""), ("R", 1e16, ""), ("R", 1e-5, ""), ("R", 1.5e-7, ""),
    ("R", 123456789012345.0, ""), ("R", -0.0, ""), ("R", math.inf, ""), ("R", -math.inf, ""),
    ("R", math.nan, ""), ("R", 5e-324, ""), ("R", 1.7976931348623157e308, ""), ("R", 2.0**-1022, ""),
    ("R", 9007199254740993.0, ""), ("R", 0.1, ""), ("R", 100.0, ""), ("R", 1e15, ""), ("R", 0.0001, ""),
    ("Q", 3.14159, "%5.2f"), ("Q", -3.0, "% 08.2e"), ("Q", 2.0, "%#.0f"), ("Q", 2.0, "%#g"),
    ("Q", math.inf, "%05f"), ("Q", 1.5, "%-05.1f"), ("Q", math.nan, "%+.3g"), ("Q", 1e100, "%G"),
    ("P", 8, "%#08o"), ("P", 255, "%#08x"), ("P", 255, "%-#08x"), ("P", 255, "%+#8X"), ("P", -5, "%+08.3d"),
    ("P", 42, "%.5i"), ("P", -42, "% u"), ("T", "héllo", "%-8.3s"), ("T", "abc", "%5s"), ("T", "x", "%+05s"),
]
FIXED_V = ["1_000.5", "  -inf ", "nan", "1e", "0x10", "١٢.٥", "1__0", " 1e400", "-0", ".5", "1.", "."]


def fixed_cases():
    out = []
    for kind, v, spec in FIXED:
        if kind in "FRQ":
            v = float(v).hex()
        elif kind in "IP":
            v = "10:%d" % v
        out.append((kind, v, spec))
    out += [("V", s, "") for s in FIXED_V]
    return out


# --------------------------------------------------------------------------------------------
# Output


def c_string(s):
    out = '"'
    for b in s.encode("utf-8", "surrogatepass"):
        c = chr(b)
        if c == '"' or c == "\\":
            out += "\\" + c
        elif 32 <= b < 127 and c != "?":   # '?' avoids trigraphs
            out += c
        else:
            out += "\\%03o" % b
    return out + '"'


def write_header(seed, per_kind):
    cases = fixed_cases() + rand_cases(seed, per_kind)
    seen = set()
    lines = []
    for kind, v, spec in cases:
        exp = expected(kind, v, spec)
        if (kind, v, spec) in seen or "\x00" in exp or "\x00" in v or "\x00" in spec:
            continue
        seen.add((kind, v, spec))
        lines.append("    {'%s', %s, %s, %s}," % (kind, c_string(v), c_string(spec), c_string(exp)))
    print("// Generated by tests/unit/fmtnum_cases.py header --seed %d --per-kind %d with CPython %s."
          % (seed, per_kind, sys.version.split()[0]))
    print("// Do not edit: regenerate. Fields: kind, value, spec, expected (see fmtnum_cases.py).")
    print("static const struct { char kind; const char *value, *spec, *expected; } fmtnum_cases[] = {")
    print("\n".join(lines))
    print("};")


def run_diff(driver, seed, n, show):
    cases = rand_cases(seed, n)
    payload = "".join("%s\t%s\t%s\n" % (k, v.encode().hex(), s.encode().hex()) for k, v, s in cases)
    proc = subprocess.run([driver, "--stdin"], input=payload.encode(), stdout=subprocess.PIPE, check=True)
    results = proc.stdout.decode().split("\n")
    per_kind = {}
    bad = []
    for i, (k, v, s) in enumerate(cases):
        got = bytes.fromhex(results[i]).decode("utf-8", "surrogatepass")
        exp = expected(k, v, s)
        tot = per_kind.setdefault(k, [0, 0])
        tot[0] += 1
        if got != exp:
            tot[1] += 1
            bad.append((k, v, s, exp, got))
    for k in KINDS:
        if k in per_kind:
            print("%s: %d cases, %d mismatches" % (k, per_kind[k][0], per_kind[k][1]))
    for k, v, s, exp, got in bad[:show]:
        print("MISMATCH %s value=%r spec=%r\n  python: %r\n  minipy: %r" % (k, v, s, exp, got))
    print("total: %d cases, %d mismatches" % (len(cases), len(bad)))
    return 1 if bad else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    h = sub.add_parser("header")
    h.add_argument("--seed", type=int, default=3011)
    h.add_argument("--per-kind", type=int, default=60)
    d = sub.add_parser("diff")
    d.add_argument("driver")
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("-n", type=int, default=5000, help="cases per kind")
    d.add_argument("--show", type=int, default=20)
    a = ap.parse_args()
    if a.cmd == "header":
        write_header(a.seed, a.per_kind)
        return 0
    return run_diff(a.driver, a.seed, a.n, a.show)


if __name__ == "__main__":
    sys.exit(main())
