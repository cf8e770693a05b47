#!/usr/bin/env python3
"""Differential test of minipy's parser against CPython's ast module.

Usage: parser_oracle.py MP_ASTDUMP [--no-attrs] [-v] [FILE...]

Without FILEs, checks every .py file under tests/parser/corpus/ and
tests/lang/ (valid programs: mp_astdump's output must equal CPython's
ast.dump(ast.parse(src), include_attributes=True)) and every file under
tests/parser/errors/ (invalid programs: the error class, message, line and
columns must equal CPython's SyntaxError). A file whose first line is
`# mode: eval` or `# mode: single` is parsed in that mode.

Columns: mp_astdump reports 0-based UTF-8 byte columns; CPython reports
1-based character offsets, which this script converts to (as CPython does,
with the text of the error's first line).

Exits with status 1 on any mismatch, printing the first few.
"""
import ast
import os
import subprocess
import sys
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX_SHOWN = 5


def parse_mode(src):
    first = src.split(b"\n", 1)[0].strip()
    if first.startswith(b"# mode:"):
        mode = first.split(b":", 1)[1].strip().decode()
        if mode in ("eval", "single", "exec"):
            return mode
    return "exec"


def cpython_result(src, mode, attrs):
    """('ok', dump) or ('error', (kind, msg, lineno, offset, end_lineno, end_offset))."""
    # Compile text, as `python3 file.py` does: columns are then characters.
    try:
        text = src.decode("utf-8")
        if text.startswith("\ufeff"):
            text = text[1:]
    except UnicodeDecodeError:
        text = src
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = compile(text, "<oracle>", mode, ast.PyCF_ONLY_AST, dont_inherit=True)
    except SyntaxError as e:
        return "error", (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    except (ValueError, MemoryError, RecursionError) as e:
        return "exception", (type(e).__name__, str(e))
    if mode == "single":
        tree = ast.Module(body=tree.body, type_ignores=[])
    elif mode == "eval":
        tree = ast.Module(body=[ast.Expr(value=tree.body, lineno=tree.body.lineno,
                                         col_offset=tree.body.col_offset,
                                         end_lineno=tree.body.end_lineno,
                                         end_col_offset=tree.body.end_col_offset)],
                          type_ignores=[])
    try:
        return "ok", ast.dump(tree, include_attributes=attrs)
    except RecursionError as e:
        return "exception", (type(e).__name__, str(e))


def char_offset(lines, lineno, byte_col):
    """Our 0-based byte column -> CPython's 1-based character offset."""
    if byte_col < 0 or lineno is None or not (1 <= lineno <= len(lines)):
        return byte_col + 1
    line = lines[lineno - 1]
    n = min(byte_col + 1, len(line) + 1)
    return len(line[:n].decode("utf-8", "replace"))


def mine_result(tool, path, mode, attrs):
    cmd = [tool, "-e", "-m", {"exec": "file"}.get(mode, mode)]
    if attrs:
        cmd.append("-a")
    proc = subprocess.run(cmd + [path], capture_output=True, timeout=60)
    if proc.returncode < 0 or proc.returncode > 1:
        return "crash", proc.returncode, proc.stderr.decode("utf-8", "replace")
    out = proc.stdout.decode("utf-8", "replace").rstrip("\n")
    if proc.returncode == 1:
        parts = out.split("\t")
        if len(parts) != 8 or parts[0] != "ERROR":
            return "crash", proc.returncode, out
        kind, msg = parts[1], parts[2]
        lineno, col, end_lineno, end_col = (int(x) for x in parts[3:7])
        return "error", kind, msg, lineno, col, end_lineno, end_col
    return "ok", out


def first_difference(a, b, context=150):
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    lo = max(0, i - context)
    return "  minipy : ...%s\n  CPython: ...%s" % (a[lo:i + context], b[lo:i + context])


def decodable(src):
    if b"\0" in src:
        return False
    try:
        src.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def check_file(tool, path, attrs):
    """Returns None when minipy agrees with CPython, else a description."""
    with open(path, "rb") as f:
        src = f.read()
    if not decodable(src):
        # Source that is not UTF-8 or holds NUL bytes: compile() reports it
        # differently from `python3 file.py`, which minipy follows; the
        # tests/lang/errors cases check that end to end against python3.
        return None
    mode = parse_mode(src)
    expected = cpython_result(src, mode, attrs)
    mine = mine_result(tool, path, mode, attrs)
    if mine[0] == "crash":
        return "mp_astdump failed (status %s): %s" % (mine[1], mine[2][:500])
    if expected[0] == "ok":
        if mine[0] != "ok":
            return "CPython parses it, minipy says %s: %s (line %d, col %d)" % mine[1:5]
        if mine[1] != expected[1]:
            return "AST differs:\n" + first_difference(mine[1], expected[1])
        return None
    if expected[0] == "exception":
        return None     # a resource limit (recursion, memory), not a syntax question
    if mine[0] == "ok":
        return "CPython: %s: %s, minipy parses it" % expected[1][:2]
    # As CPython's tokenizer sees it: universal newlines, a final newline.
    if src.startswith(b"\xef\xbb\xbf"):
        src = src[3:]
    lines = (src.replace(b"\r\n", b"\n").replace(b"\r", b"\n") + b"\n").splitlines(keepends=True)
    kind, msg, lineno, col, end_lineno, end_col = mine[1:]
    got = (kind, msg, lineno, char_offset(lines, lineno, col), end_lineno,
           char_offset(lines, lineno, end_col) if end_col >= 0 else end_col + 1)
    want = expected[1]
    if got != want:
        return "error differs:\n  minipy : %r\n  CPython: %r" % (got, want)
    return None


def collect(dirs):
    files = []
    for d in dirs:
        if not os.path.isdir(d):
            continue
        for base, _, names in os.walk(d):
            files.extend(os.path.join(base, n) for n in names if n.endswith(".py"))
    return sorted(files)


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    tool = os.path.abspath(argv[1])
    attrs = "--no-attrs" not in argv
    verbose = "-v" in argv
    files = [a for a in argv[2:] if not a.startswith("-")]
    if not files:
        files = collect([os.path.join(ROOT, "tests", "parser", "corpus"),
                         os.path.join(ROOT, "tests", "lang"),
                         os.path.join(ROOT, "tests", "parser", "errors")])
    failures = []
    for path in files:
        problem = check_file(tool, path, attrs)
        if problem:
            failures.append((path, problem))
        elif verbose:
            print("ok", os.path.relpath(path, ROOT))
    for path, problem in failures[:MAX_SHOWN]:
        print("FAIL %s\n%s\n" % (os.path.relpath(path, ROOT), problem))
    print("parser oracle: %d files, %d mismatches" % (len(files), len(failures)))
    if failures:
        print("mismatched:", " ".join(os.path.relpath(p, ROOT) for p, _ in failures[:50]))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
