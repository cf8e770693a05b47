#!/usr/bin/env python3
"""Run minipy language tests: .py files whose expectations are written in comments.

Usage:
    run_lang.py --interp PATH [--oracle] [--timeout SECS] [-j N] [-v] FILE_OR_DIR...

Directories are searched recursively for *.py; helper modules whose file name starts
with "_" or "mod_" are not tests (tests import them) and are skipped.

Directives (Wren-style comments, anywhere on a line):
    # expect: TEXT         one expected line of stdout, in file order; stdout must be
                           exactly these lines ("# expect:" alone expects an empty line)
    # expect error: TEXT   exit status 1 and the LAST line of stderr equals TEXT;
                           without it the exit status must be 0 and stderr empty
    # expect stderr: TEXT  a line that stderr must contain; several must appear in
                           this order (other lines may come between them);
                           "# expect stderr:" alone means an empty line
    # expect exit: N       the expected exit status (sys.exit tests)
    # args: A B C          extra command-line arguments after the file
    # stdin: TEXT          one line of standard input (all joined by newlines, with a
                           trailing newline); without any, stdin is empty
    # skip-oracle: REASON  minipy-specific test: skipped in --oracle mode

In every expectation the token {FILE} stands for the test file path exactly as it is
passed to the interpreter, and {DIR} for the directory holding it (CPython shows a
helper module next to the test as {DIR}/mod_x.py in tracebacks).

Each test runs as `INTERP FILE ARGS...` in its own directory (the working directory),
where FILE is the absolute path of the test file (CPython shows the main script's
absolute path in tracebacks, so {FILE} means the same under every interpreter), with
PYTHONHASHSEED=0, PYTHONDONTWRITEBYTECODE=1, PYTHONIOENCODING=utf-8 and a timeout
(default 30 s). Tests run in parallel (-j, default: the number of CPUs); reports are
printed in file order.

Prints a diff for each failing test and a final line "passed N/M"; exits 0 when every
test passed, 1 otherwise (2 for bad usage).
"""

import argparse
import concurrent.futures
import os
import re
import shlex
import signal
import subprocess
import sys

FILE_TOKEN = "{FILE}"
DIR_TOKEN = "{DIR}"

# "# expect: TEXT" -- text is everything after "# expect: ", possibly empty.
RE_EXPECT = re.compile(r"# expect:(?: (.*))?$")
RE_ERROR = re.compile(r"# expect error: (.+)$")
RE_STDERR = re.compile(r"# expect stderr:(?: (.*))?$")
RE_EXIT = re.compile(r"# expect exit: (-?\d+)\s*$")
RE_ARGS = re.compile(r"# args:(?: (.*))?$")
RE_STDIN = re.compile(r"# stdin:(?: (.*))?$")
RE_SKIP_ORACLE = re.compile(r"# skip-oracle:(.*)$")
# Anything that looks like a directive but is none of the above is a mistake.
RE_DIRECTIVE_LIKE = re.compile(r"# (expect[\w ]*|args|stdin|skip-oracle)\s*:")
KNOWN_DIRECTIVES = {"expect", "expect error", "expect stderr", "expect exit", "args",
                    "stdin", "skip-oracle"}


class Spec:
    """Expectations parsed from one test file."""

    def __init__(self):
        self.stdout = []        # [(line_no, text)]
        self.error = None       # (line_no, text) or None
        self.stderr = []        # [(line_no, text)]
        self.exit = None        # (line_no, int) or None
        self.args = []
        self.stdin = None       # list of lines or None
        self.skip_oracle = None
        self.problems = []      # malformed directives


def parse_spec(path):
    spec = Spec()
    # surrogateescape: a test may hold bytes that are not UTF-8 (bad-source tests).
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        lines = f.read().split("\n")
    for no, line in enumerate(lines, 1):
        line = line.rstrip("\r")
        hit = RE_DIRECTIVE_LIKE.search(line)
        if not hit:
            continue
        name = hit.group(1).rstrip()
        if name not in KNOWN_DIRECTIVES:
            spec.problems.append(f"line {no}: unknown directive '# {name}:'")
            continue
        m = RE_EXPECT.search(line)
        if m:
            spec.stdout.append((no, m.group(1) or ""))
            continue
        m = RE_ERROR.search(line)
        if m:
            if spec.error is not None:
                spec.problems.append(f"line {no}: second '# expect error:' "
                                     f"(first at line {spec.error[0]})")
            spec.error = (no, m.group(1))
            continue
        m = RE_STDERR.search(line)
        if m:
            spec.stderr.append((no, m.group(1) or ""))
            continue
        m = RE_EXIT.search(line)
        if m:
            if spec.exit is not None:
                spec.problems.append(f"line {no}: second '# expect exit:'")
            spec.exit = (no, int(m.group(1)))
            continue
        m = RE_ARGS.search(line)
        if m:
            spec.args.extend(shlex.split(m.group(1) or ""))
            continue
        m = RE_STDIN.search(line)
        if m:
            if spec.stdin is None:
                spec.stdin = []
            spec.stdin.append(m.group(1) or "")
            continue
        m = RE_SKIP_ORACLE.search(line)
        if m:
            spec.skip_oracle = m.group(1).strip() or "minipy-specific"
            continue
        spec.problems.append(f"line {no}: malformed directive: {line.strip()!r}")
    if not (spec.stdout or spec.error or spec.stderr or spec.exit):
        spec.problems.append("no expectations in file (add '# expect: ...' lines)")
    return spec


def collect(paths):
    """Expand directories into test files (sorted); keep explicit files as given."""
    files = []
    for p in paths:
        if os.path.isdir(p):
            found = []
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if d != "__pycache__")
                for n in names:
                    if n.endswith(".py") and not n.startswith(("_", "mod_")):
                        found.append(os.path.join(root, n))
            files.extend(sorted(found))
        elif os.path.isfile(p):
            files.append(p)
        else:
            raise FileNotFoundError(p)
    return files


def decode(b):
    return b.decode("utf-8", errors="backslashreplace")


def split_lines(text):
    """Split output into lines; report whether the last line lacked its newline."""
    if text == "":
        return [], False
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
        return lines, False
    return lines, True


def run_one(interp, path, oracle, timeout):
    """Run one test; return (status, report_lines) with status pass/fail/skip."""
    try:
        spec = parse_spec(path)
    except (OSError, UnicodeDecodeError) as e:
        return "fail", [f"cannot read test: {e}"]
    if spec.problems:
        return "fail", ["bad test file:"] + ["  " + p for p in spec.problems]
    if oracle and spec.skip_oracle is not None:
        return "skip", [f"skipped in oracle mode: {spec.skip_oracle}"]

    # CPython makes the main script's path absolute (tracebacks, __file__), so the
    # file is passed as an absolute path: {FILE} then means the same for every
    # interpreter.
    file_arg = os.path.abspath(path)
    test_dir = os.path.dirname(file_arg)
    base = os.path.basename(path)

    def sub(text):
        return text.replace(FILE_TOKEN, file_arg).replace(DIR_TOKEN, test_dir)

    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    for var in ("PYTHONSTARTUP", "PYTHONINSPECT", "PYTHONWARNINGS"):
        env.pop(var, None)

    stdin_data = b""
    if spec.stdin is not None:
        stdin_data = ("\n".join(spec.stdin) + "\n").encode("utf-8")

    cmd = [interp, file_arg] + spec.args
    try:
        proc = subprocess.Popen(cmd, cwd=test_dir, env=env, stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True)
    except OSError as e:
        return "fail", [f"cannot start {interp}: {e}"]
    try:
        out, err = proc.communicate(stdin_data, timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            pass
        out, err = proc.communicate()
        report = [f"timed out after {timeout} s"]
        report += tail("stdout", decode(out)) + tail("stderr", decode(err))
        return "fail", report

    rc = proc.returncode
    out_text, err_text = decode(out), decode(err)
    report = []

    # stdout: exactly the expected lines.
    actual, partial = split_lines(out_text)
    expected = [(no, sub(t)) for no, t in spec.stdout]
    mismatches = 0
    for i in range(max(len(expected), len(actual))):
        if mismatches >= 10:
            report.append("  ... (more stdout differences not shown)")
            break
        if i < len(expected) and i < len(actual):
            no, want = expected[i]
            if want != actual[i]:
                mismatches += 1
                report.append(f"stdout line {i + 1} (expectation at {base}:{no}):")
                report.append(f"  expected: {want!r}")
                report.append(f"  actual:   {actual[i]!r}")
        elif i < len(expected):
            mismatches += 1
            no, want = expected[i]
            report.append(f"stdout line {i + 1} missing (expectation at {base}:{no}):")
            report.append(f"  expected: {want!r}")
        else:
            mismatches += 1
            report.append(f"stdout line {i + 1} not expected:")
            report.append(f"  actual:   {actual[i]!r}")
    if partial and not mismatches:
        report.append("stdout does not end with a newline")

    # exit status
    if spec.exit is not None:
        want_rc, where = spec.exit[1], f" ({base}:{spec.exit[0]})"
    elif spec.error is not None:
        want_rc, where = 1, f" (expect error at {base}:{spec.error[0]})"
    else:
        want_rc, where = 0, ""
    if rc != want_rc:
        if rc < 0:
            try:
                got = f"killed by {signal.Signals(-rc).name}"
            except ValueError:
                got = f"killed by signal {-rc}"
        else:
            got = str(rc)
        report.append(f"exit status: expected {want_rc}{where}, got {got}")

    # stderr
    err_lines, _ = split_lines(err_text)
    if spec.error is not None:
        no, want = spec.error[0], sub(spec.error[1])
        last = err_lines[-1] if err_lines else None
        if last != want:
            report.append(f"last line of stderr (expect error at {base}:{no}):")
            report.append(f"  expected: {want!r}")
            report.append(f"  actual:   {last!r}" if last is not None
                          else "  actual:   (stderr is empty)")
    if spec.stderr:
        pos = 0
        for no, want in spec.stderr:
            want = sub(want)
            try:
                pos = err_lines.index(want, pos) + 1
            except ValueError:
                where_from = f" after stderr line {pos}" if pos else ""
                report.append(f"stderr line not found{where_from} "
                              f"(expect stderr at {base}:{no}):")
                report.append(f"  expected: {want!r}")
                break
    if spec.error is None and not spec.stderr and err_text:
        report.append("stderr not empty but no '# expect error:' or '# expect stderr:'")

    if report:
        report += tail("stderr", err_text)
        return "fail", report
    return "pass", []


def tail(name, text, n=20):
    lines, _ = split_lines(text)
    if not lines:
        return []
    shown = lines[-n:]
    head = f"{name} (last {len(shown)} of {len(lines)} lines):" if len(lines) > n \
        else f"{name}:"
    return [head] + ["  | " + ln for ln in shown]


def main(argv=None):
    ap = argparse.ArgumentParser(description="Run minipy language tests.")
    ap.add_argument("--interp", required=True, help="interpreter to run the tests with")
    ap.add_argument("--oracle", action="store_true",
                    help="INTERP is CPython: skip tests marked '# skip-oracle:'")
    ap.add_argument("--timeout", type=float, default=30.0,
                    help="seconds allowed per test (default 30)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                    help="tests run in parallel (default: number of CPUs)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every test")
    ap.add_argument("paths", nargs="+", metavar="FILE", help="test files or directories")
    args = ap.parse_args(argv)

    interp = args.interp
    if os.sep in interp or (os.altsep and os.altsep in interp):
        interp = os.path.abspath(interp)  # tests run in their own directory

    try:
        files = collect(args.paths)
    except FileNotFoundError as e:
        print(f"run_lang.py: no such file or directory: {e}", file=sys.stderr)
        return 2
    if not files:
        print("run_lang.py: no test files found", file=sys.stderr)
        return 2

    jobs = max(1, args.jobs)
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(run_one, interp, f, args.oracle, args.timeout)
                   for f in files]
        results = [fut.result() for fut in futures]

    passed = failed = skipped = 0
    for path, (status, report) in zip(files, results):
        if status == "pass":
            passed += 1
            if args.verbose:
                print(f"PASS {path}")
        elif status == "skip":
            skipped += 1
            if args.verbose:
                print(f"SKIP {path}: {report[0]}")
        else:
            failed += 1
            print(f"FAIL {path}")
            for line in report:
                print("    " + line)
    total = passed + failed
    summary = f"passed {passed}/{total}"
    if skipped:
        summary += f" ({skipped} skipped)"
    print(summary)
    sys.stdout.flush()
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
