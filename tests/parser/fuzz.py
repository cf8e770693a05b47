#!/usr/bin/env python3
"""Mutation fuzzer for minipy's parser.

Usage: fuzz.py MP_ASTDUMP [-n COUNT] [-s SEED] [--compare] [--show N] [--save DIR] [FILE...]

Takes the corpus files (default: tests/parser/corpus/ and tests/parser/errors/),
applies random mutations (deleting, duplicating and swapping bytes and lines,
inserting brackets, quotes, operators, keywords, backslashes, tabs, non-ASCII
characters, NUL and invalid UTF-8 bytes, and deep nesting), and runs
mp_astdump on each mutant. Any crash, sanitizer report, timeout or malformed
output is a failure. Build mp_astdump with -fsanitize=address,undefined to
catch memory errors.

With --compare, each mutant is also parsed by CPython and the outcome
(AST, or error class, message and position) compared; disagreements are
counted and the first few shown (and all saved to DIR with --save), but do
not fail the run: they measure how closely the error messages follow CPython
on random input.
"""
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import parser_oracle  # noqa: E402

SNIPPETS = [
    b"(", b")", b"[", b"]", b"{", b"}", b":", b",", b";", b".", b"...", b"=", b"==", b":=",
    b"->", b"**", b"*", b"/", b"//", b"@", b"\\", b"\\\n", b"\n", b"\t", b"    ", b" ",
    b"'", b'"', b"'''", b'"""', b"f'", b'f"', b"b'", b"rb'", b"u'", b"{x}", b"{", b"}",
    b"#", b"if ", b"else ", b"elif ", b"for ", b"in ", b"not ", b"is ", b"lambda ",
    b"lambda x: ", b"yield ", b"await ", b"async ", b"def f():", b"class C:", b"return ",
    b"del ", b"global ", b"import ", b"from ", b"as ", b"with ", b"try:", b"except ",
    b"finally:", b"pass", b"0x", b"0o", b"0b", b"1_", b"1e", b"1j", b"0777", b".5",
    b"\xc3\xa9", b"\xe2\x80\xa6", b"\xc2\xa0", b"\xf0\x9f\x98\x80", b"\xff", b"\xc3",
    b"\x00", b"\x01", b"\x0c", b"\r", b"\r\n", b"\\N{", b"\\x", b"\\u12", b"!r", b"!x",
    b"=}", b"{{", b"}}", b"print ", b"x = ", b"*args", b"**kw", b"/, ", b"*, ",
]


def mutate(data, rng):
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(9)
        pos = rng.randint(0, len(data))
        if op == 0 and data:                        # delete a span
            end = min(len(data), pos + rng.randint(1, 8))
            del data[pos:end]
        elif op == 1:                               # insert a snippet
            data[pos:pos] = rng.choice(SNIPPETS)
        elif op == 2 and data:                      # duplicate a span
            end = min(len(data), pos + rng.randint(1, 40))
            data[pos:pos] = data[pos:end]
        elif op == 3 and len(data) > 1:             # swap two bytes
            i, j = rng.randrange(len(data)), rng.randrange(len(data))
            data[i], data[j] = data[j], data[i]
        elif op == 4:                               # a random byte
            data[pos:pos] = bytes([rng.randrange(256)])
        elif op == 5:                               # delete or duplicate a line
            lines = bytes(data).split(b"\n")
            i = rng.randrange(len(lines))
            if rng.random() < 0.5:
                del lines[i]
            else:
                lines.insert(i, lines[i])
            data = bytearray(b"\n".join(lines))
        elif op == 6:                               # change indentation of a line
            lines = bytes(data).split(b"\n")
            i = rng.randrange(len(lines))
            lines[i] = rng.choice([b"", b" ", b"\t", b"        "]) + lines[i].lstrip()
            data = bytearray(b"\n".join(lines))
        elif op == 7:                               # deep nesting
            depth = rng.choice([50, 199, 201, 1000, 5000])
            kind = rng.choice([(b"(", b")"), (b"[", b"]"), (b"-", b""), (b"not ", b""),
                               (b"lambda: ", b""), (b"x if y else ", b""), (b"a.", b""),
                               (b"f(", b")"), (b"{'a': ", b"}")])
            data[pos:pos] = kind[0] * depth + b"x" + kind[1] * depth
        else:                                       # truncate
            del data[pos:]
    return bytes(data)


def comparable(data):
    """Invalid UTF-8 and NUL bytes are reported differently on purpose."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in data


def run_one(tool, path, timeout=10):
    """Returns a failure description, or None."""
    try:
        proc = subprocess.run([tool, "-e", path], capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout"
    err = proc.stderr.decode("utf-8", "replace")
    if proc.returncode not in (0, 1):
        return "exit status %d: %s" % (proc.returncode, err[-2000:])
    if "runtime error" in err or "Sanitizer" in err:
        return "sanitizer: " + err[-2000:]
    out = proc.stdout.decode("utf-8", "replace")
    if proc.returncode == 1 and not out.startswith("ERROR\t"):
        return "malformed error output: " + out[:200]
    if proc.returncode == 0 and not out.startswith("Module("):
        return "malformed output: " + out[:200]
    return None


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    tool = os.path.abspath(argv[1])
    count, seed, compare, show, save, files = 2000, 1, False, 5, None, []
    args = iter(argv[2:])
    for a in args:
        if a == "-n":
            count = int(next(args))
        elif a == "-s":
            seed = int(next(args))
        elif a == "--compare":
            compare = True
        elif a == "--show":
            show = int(next(args))
        elif a == "--save":
            save = next(args)
            os.makedirs(save, exist_ok=True)
        else:
            files.append(a)
    if not files:
        files = parser_oracle.collect([os.path.join(HERE, "corpus"), os.path.join(HERE, "errors")])
    sources = []
    for f in files:
        with open(f, "rb") as fh:
            data = fh.read()
        if len(data) < 200_000:
            sources.append(data)
    rng = random.Random(seed)
    failures, differ, shown = 0, 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "mutant.py")
        for i in range(count):
            mutant = mutate(rng.choice(sources), rng)
            with open(path, "wb") as f:
                f.write(mutant)
            problem = run_one(tool, path)
            if problem:
                failures += 1
                keep = os.path.join(HERE, "fuzz_failure_%d.py" % i)
                with open(keep, "wb") as f:
                    f.write(mutant)
                print("FAILURE (saved to %s): %s" % (keep, problem))
                continue
            if compare and comparable(mutant):
                diff = parser_oracle.check_file(tool, path, False)
                if diff:
                    differ += 1
                    if save:
                        with open(os.path.join(save, "differs_%d.py" % i), "wb") as f:
                            f.write(mutant)
                    if shown < show:
                        shown += 1
                        print("--- differs from CPython on:\n%r\n%s\n" % (mutant[:300], diff))
    print("fuzz: %d mutants, %d failures%s" % (
        count, failures, ", %d differ from CPython" % differ if compare else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
