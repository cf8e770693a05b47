#!/usr/bin/env python3
"""Tests of minipy's command line and REPL, with CPython 3.11 as the oracle.

    python3 tests/cli/test_cli.py --minipy build/minipy [--python python3] [GROUP ...]

Groups: args, exit, module, stdin, repl (the REPL in a pseudo-terminal, so
GNU readline runs). Every case runs under minipy and, when --python is a
CPython 3.11, under CPython too: each expectation is asserted for both, and
where the behaviour is meant to be identical the normalized outputs must be
equal. Normalizing replaces the interpreter's path by PROG; banners and the
name of the history file are the only differences the REPL cases allow.
"""
import argparse
import os
import pty
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time

TIMEOUT = 15

# Known differences from CPython whose fix lies outside main.c (see the
# comments); they are reported as XFAIL and do not fail the run. Remove an
# entry when it starts passing (reported as XPASS).
KNOWN = set()


class Failure(Exception):
    pass


def check(cond, what, detail=""):
    if not cond:
        raise Failure(what + ("\n" + detail if detail else ""))


# ---- Interpreters --------------------------------------------------------------------

class Interp:
    def __init__(self, name, path, is_minipy):
        self.name, self.path, self.is_minipy = name, path, is_minipy
        self.history = ".minipy_history" if is_minipy else ".python_history"

    def env(self, home, extra=None):
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("PYTHON", "MINIPY"))}
        env.update(HOME=home, TERM="dumb", INPUTRC="/dev/null", LC_ALL="C.UTF-8",
                   PYTHONDONTWRITEBYTECODE="1")
        env.update(extra or {})
        return env


class Result:
    def __init__(self, rc, out, err):
        self.rc, self.out, self.err = rc, out, err

    def __repr__(self):
        return f"rc={self.rc}\n--- stdout\n{self.out}--- stderr\n{self.err}---"


def normalize(text, interp):
    text = text.replace(interp.path, "PROG")
    text = re.sub(r"Try `\S+ -h'", "Try `PROG -h'", text)
    return text


class Suite:
    def __init__(self, minipy, python, tmp):
        self.interps = [Interp("minipy", minipy, True)]
        if python:
            self.interps.append(Interp("python3", python, False))
        self.tmp = tmp
        self.home = os.path.join(tmp, "home")
        os.makedirs(self.home, exist_ok=True)
        self.passed = 0
        self.failed = []
        self.xfailed = []

    def run(self, interp, args, stdin=b"", cwd=None, env=None, timeout=TIMEOUT):
        p = subprocess.run([interp.path] + list(args), input=stdin, capture_output=True,
                           cwd=cwd or self.tmp, env=interp.env(self.home, env), timeout=timeout)
        return Result(p.returncode, normalize(p.stdout.decode("utf-8", "replace"), interp),
                      normalize(p.stderr.decode("utf-8", "replace"), interp))

    def case(self, name, args, *, stdin=b"", rc=0, out=None, err=None, out_has=(), err_has=(),
             err_re=None, same=True, minipy_only=False, cwd=None, env=None):
        """Runs args under each interpreter; checks the expectations for each,
        and equality of the results if `same`."""
        results, errors = {}, []
        for interp in self.interps:
            if minipy_only and not interp.is_minipy:
                continue
            try:
                r = self.run(interp, args, stdin=stdin, cwd=cwd, env=env)
            except subprocess.TimeoutExpired as e:
                errors.append(f"[{interp.name}] {name}: timeout: {e}")
                continue
            results[interp.name] = r
            where = f"[{interp.name}] {name}: "
            try:
                check(rc is None or r.rc == rc, where + f"exit status {r.rc}, expected {rc}", repr(r))
                check(out is None or r.out == out, where + f"stdout {r.out!r}, expected {out!r}", repr(r))
                check(err is None or r.err == err, where + f"stderr {r.err!r}, expected {err!r}", repr(r))
                for s in out_has:
                    check(s in r.out, where + f"stdout lacks {s!r}", repr(r))
                for s in err_has:
                    check(s in r.err, where + f"stderr lacks {s!r}", repr(r))
                check(err_re is None or re.search(err_re, r.err), where + f"stderr !~ {err_re!r}", repr(r))
            except Failure as e:
                errors.append(str(e))
        if same and not errors and "python3" in results:
            a, b = results["minipy"], results["python3"]
            if (a.rc, a.out, a.err) != (b.rc, b.out, b.err):
                errors.append(f"{name}: minipy differs from python3\nminipy:\n{a!r}\npython3:\n{b!r}")
        if errors:
            self.fail(name, "\n".join(errors))
        else:
            self.ok(name)

    def known(self, name):
        return name in KNOWN or re.sub(r" \[\w+\]$", "", name) in KNOWN

    def ok(self, name):
        self.passed += 1
        if self.known(name):
            print(f"XPASS {name} (remove it from KNOWN)", flush=True)

    def fail(self, name, msg):
        if self.known(name):
            self.xfailed.append(name)
            print(f"XFAIL {name}\n{textwrap.indent(msg, '    ')}\n", flush=True)
            return
        self.failed.append(name)
        print(f"FAIL {name}\n{textwrap.indent(msg, '    ')}\n", flush=True)

    def write(self, rel, text):
        path = os.path.join(self.tmp, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(textwrap.dedent(text))
        return path


# ---- Fixtures ------------------------------------------------------------------------

def make_fixtures(s):
    s.write("show.py", """\
        import sys
        print(sys.argv)
        print(sys.path[0])
        print(__name__, __file__)
        """)
    s.write("sub/inner.py", """\
        import sys
        print(sys.argv[0], sys.path[0])
        import helper
        print(helper.VALUE)
        """)
    s.write("sub/helper.py", "VALUE = 'helper next to the script'\n")
    os.symlink(os.path.join(s.tmp, "show.py"), os.path.join(s.tmp, "sub", "link_show.py"))
    s.write("boom.py", """\
        def f(x):
            return 1 / x

        f(0)
        """)
    s.write("synerr.py", "x = (1,\ny = 2\n")
    s.write("exit_msg.py", "import sys\nprint('before')\nsys.exit('fatal: stopping')\n")
    s.write("loop.py", "print('ready', flush=True)\nwhile True:\n    pass\n")
    s.write("noeol.py", "print('no newline at the end', end='')")
    s.write("mymod.py", """\
        import sys
        print('mymod', __name__, sys.argv, sys.path[0] == __import__('mymod_helper').CWD)
        """)
    s.write("mymod_helper.py", "CWD = %r\n" % s.tmp)
    s.write("pkg/__init__.py", "print('pkg init', __name__)\n")
    s.write("pkg/__main__.py", "import sys\nprint('pkg main', __name__, __package__, sys.argv)\n")
    s.write("pkg/sub.py", "import sys\nprint('pkg.sub', __name__, __package__, sys.argv)\n")
    s.write("nomainpkg/__init__.py", "")
    s.write("badpkg/__init__.py", "1 / 0\n")
    s.write("dirapp/__main__.py", "import sys\nprint('dirapp', __name__, sys.argv, sys.path[0].endswith('dirapp'))\n")
    os.makedirs(os.path.join(s.tmp, "emptydir"), exist_ok=True)
    s.write("dis_me.py", "def add(a, b):\n    return a + b\nprint(add(1, 2))\n")
    s.write("inspect_me.py", "value = 41 + 1\nraise ValueError('script failed')\n")
    s.write("inspect_exit.py", "value = 7\nraise SystemExit(5)\n")


# ---- args ----------------------------------------------------------------------------

def group_args(s):
    s.case("script argv, sys.path[0], __name__, __file__", ["show.py", "a", "b c", "-x"],
           out="['show.py', 'a', 'b c', '-x']\n%s\n__main__ %s/show.py\n" % (s.tmp, s.tmp))
    s.case("script in a subdirectory imports its neighbours", ["sub/inner.py"],
           out="sub/inner.py %s/sub\nhelper next to the script\n" % s.tmp)
    s.case("script path with '..' is not normalized", ["./../show.py"], cwd=os.path.join(s.tmp, "sub"),
           out="['./../show.py']\n%s\n__main__ %s/sub/./../show.py\n" % (s.tmp, s.tmp))
    s.case("symlinked script: sys.path[0] is the real directory", ["sub/link_show.py"],
           out="['sub/link_show.py']\n%s\n__main__ %s/sub/link_show.py\n" % (s.tmp, s.tmp))
    s.case("-c: argv[0] is '-c', sys.path[0] is ''",
           ["-c", "import sys; print(sys.argv, repr(sys.path[0]))", "x", "-c", "--y"],
           out="['-c', 'x', '-c', '--y'] ''\n")
    s.case("-c: no __file__", ["-c", "print('__file__' in dir())"], out="False\n")
    s.case("-c joined to its argument, after other flags", ["-qc", "print(6 * 7)"], out="42\n")
    s.case("-- ends the options", ["--", "show.py", "-i"],
           out="['show.py', '-i']\n%s\n__main__ %s/show.py\n" % (s.tmp, s.tmp))
    s.case("-X options go to sys._xoptions",
           ["-X", "foo", "-Xbar=baz", "-X", "gil=0", "-c", "import sys; print(sys._xoptions)"],
           out="{'foo': True, 'bar': 'baz', 'gil': '0'}\n")
    s.case("no -X: empty sys._xoptions", ["-c", "import sys; print(sys._xoptions)"], out="{}\n")
    lim = "import sys; print(sys.get_int_max_str_digits(), len(str(10 ** 799)))"
    s.case("-X int_max_str_digits", ["-X", "int_max_str_digits=800", "-c", lim], out="800 800\n")
    s.case("PYTHONINTMAXSTRDIGITS", ["-c", lim], env={"PYTHONINTMAXSTRDIGITS": "0"}, out="0 800\n")
    s.case("-X int_max_str_digits beats PYTHONINTMAXSTRDIGITS", ["-X", "int_max_str_digits=900", "-c", lim],
           env={"PYTHONINTMAXSTRDIGITS": "700"}, out="900 800\n")
    s.case("-E ignores PYTHONINTMAXSTRDIGITS", ["-E", "-c", lim], env={"PYTHONINTMAXSTRDIGITS": "700"},
           out="4300 800\n")
    s.case("-X int_max_str_digits too small", ["-X", "int_max_str_digits=5", "-c", "pass"], rc=1,
           err_has=["-X int_max_str_digits: invalid limit; must be >= 640 or 0 for unlimited."])
    s.case("PYTHONINTMAXSTRDIGITS not a number", ["-c", "pass"], env={"PYTHONINTMAXSTRDIGITS": "lots"}, rc=1,
           err_has=["PYTHONINTMAXSTRDIGITS: invalid limit; must be >= 640 or 0 for unlimited."])
    s.case("--version", ["--version"], out_has=["Python 3.11"], same=False)
    s.case("-V", ["-V"], out_has=["Python 3.11"], same=False)
    s.case("-h", ["-h"], out_has=["usage: PROG [option] ... [-c cmd | -m mod | file | -] [arg] ...",
                                  "-c cmd", "-m mod", "-i ", "-X opt"], same=False)
    s.case("--help", ["--help"], out_has=["usage: PROG"], same=False)
    s.case("unknown option", ["-Z"], rc=2, out="",
           err="Unknown option: -Z\nusage: PROG [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
               "Try `PROG -h' for more information.\n")
    s.case("unknown long option", ["--frobnicate"], rc=2, out="",
           err="unknown option --frobnicate\nusage: PROG [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
               "Try `PROG -h' for more information.\n")
    for opt in ("-c", "-m", "-X"):
        s.case(f"{opt} without its argument", [opt], rc=2, out="",
               err=f"Argument expected for the {opt} option\n"
                   "usage: PROG [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
                   "Try `PROG -h' for more information.\n")
    s.case("non-ASCII arguments", ["-c", "import sys; print(sys.argv[1:], len(sys.argv[1]))", "héllo", "日本"],
           out="['héllo', '日本'] 5\n")
    for interp in s.interps:
        r = s.run(interp, ["-c", "import sys; print(sys.executable)"])
        try:
            check(os.path.realpath(r.out.strip().replace("PROG", interp.path)) == os.path.realpath(interp.path),
                  f"[{interp.name}] sys.executable is {r.out.strip()!r}")
            s.ok("sys.executable")
        except Failure as e:
            s.fail("sys.executable", str(e))
    s.case("MINIPYPATH comes after sys.path[0]",
           ["-c", "import sys; print(sys.path[:3]); import helper; print(helper.VALUE)"],
           env={"MINIPYPATH": os.path.join(s.tmp, "sub") + ":/nonexistent"},
           out="['', '%s/sub', '/nonexistent']\nhelper next to the script\n" % s.tmp, minipy_only=True)
    s.case("-E ignores MINIPYPATH", ["-E", "-c", "import sys; print(sys.path)"],
           env={"MINIPYPATH": "/nonexistent"}, out="['']\n", minipy_only=True)
    s.case("-P: no sys.path[0]", ["-P", "-c", "import sys; print(sys.path)"], minipy_only=True, out="[]\n")
    s.case("stdout is flushed at exit", ["noeol.py"], out="no newline at the end")


# ---- exit ----------------------------------------------------------------------------

def group_exit(s):
    s.case("success is 0", ["-c", "pass"], out="", err="")
    s.case("uncaught exception is 1 with a traceback", ["boom.py"], rc=1, out="",
           err_has=["Traceback (most recent call last):\n",
                    '  File "%s/boom.py", line 4, in <module>\n    f(0)\n' % s.tmp,
                    '  File "%s/boom.py", line 2, in f\n    return 1 / x\n' % s.tmp,
                    "ZeroDivisionError: division by zero\n"])
    s.case("-c traceback has no source lines", ["-c", "1/0"], rc=1,
           err='Traceback (most recent call last):\n  File "<string>", line 1, in <module>\n'
               'ZeroDivisionError: division by zero\n')
    s.case("syntax error is 1 with a caret", ["synerr.py"], rc=1, out="",
           err_has=['  File "%s/synerr.py", line 1\n' % s.tmp, "    x = (1,\n", "        ^\n",
                    "SyntaxError: '(' was never closed\n"])
    s.case("syntax error in -c", ["-c", "def f(:"], rc=1,
           err='  File "<string>", line 1\n    def f(:\n          ^\nSyntaxError: invalid syntax\n')
    s.case("sys.exit(3)", ["-c", "import sys; sys.exit(3)"], rc=3, out="", err="")
    s.case("sys.exit() is 0", ["-c", "import sys; sys.exit()"], rc=0, err="")
    s.case("sys.exit(None) is 0", ["-c", "import sys; sys.exit(None)"], rc=0, err="")
    s.case("sys.exit(0)", ["-c", "import sys; sys.exit(0)"], rc=0, err="")
    s.case("SystemExit(True) is 1", ["-c", "raise SystemExit(True)"], rc=1, err="")
    s.case("sys.exit(256) wraps to 0", ["-c", "import sys; sys.exit(256)"], rc=0)
    s.case("sys.exit('msg') prints msg to stderr, status 1", ["exit_msg.py"], rc=1,
           out="before\n", err="fatal: stopping\n")
    s.case("exit() builtin", ["-c", "exit(4)"], rc=4, err="")
    s.case("quit() builtin", ["-c", "quit()"], rc=0, err="")
    s.case("SystemExit inside try/finally still exits",
           ["-c", "import sys\ntry:\n    sys.exit(6)\nfinally:\n    print('cleanup')"], rc=6, out="cleanup\n")
    s.case("raise KeyboardInterrupt ends the process with SIGINT", ["-c", "raise KeyboardInterrupt"],
           rc=-signal.SIGINT, out="",
           err='Traceback (most recent call last):\n  File "<string>", line 1, in <module>\nKeyboardInterrupt\n')
    for interp in s.interps:
        name = f"shell sees 130 after KeyboardInterrupt [{interp.name}]"
        p = subprocess.run(["sh", "-c", '"$0" -c "raise KeyboardInterrupt" 2>/dev/null; echo $?', interp.path],
                           capture_output=True, text=True, env=interp.env(s.home))
        try:
            check(p.stdout == "130\n", name, repr(p.stdout))
            s.ok(name)
        except Failure as e:
            s.fail(name, str(e))
    s.case("nonexistent script", ["nonexistent.py"], rc=2, out="",
           err="PROG: can't open file '%s/nonexistent.py': [Errno 2] No such file or directory\n" % s.tmp)
    s.case("directory without __main__.py", ["emptydir"], rc=1, out="",
           err="PROG: can't find '__main__' module in '%s/emptydir'\n" % s.tmp)
    s.case("directory with __main__.py", ["dirapp", "z"], out="dirapp __main__ ['dirapp', 'z'] True\n")
    for interp in s.interps:
        name = f"SIGINT while running: traceback and death by SIGINT [{interp.name}]"
        p = subprocess.Popen([interp.path, "loop.py"], cwd=s.tmp, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=interp.env(s.home))
        try:
            line = p.stdout.readline()
            check(line == b"ready\n", name, repr(line))
            time.sleep(0.2)
            p.send_signal(signal.SIGINT)
            out, err = p.communicate(timeout=TIMEOUT)
            err = err.decode()
            check(p.returncode == -signal.SIGINT, name + f": status {p.returncode}", err)
            check(err.startswith("Traceback (most recent call last):\n") and
                  re.search(r'  File ".*/loop.py", line [23], in <module>\n', err) and
                  err.endswith("KeyboardInterrupt\n"), name, err)
            s.ok(name)
        except (Failure, subprocess.TimeoutExpired) as e:
            p.kill()
            p.wait()
            s.fail(name, str(e))


# ---- module --------------------------------------------------------------------------

def group_module(s):
    s.case("-m module: argv[0] is its file, sys.path[0] is the cwd", ["-m", "mymod", "a", "-b"],
           out="mymod __main__ ['%s/mymod.py', 'a', '-b'] True\n" % s.tmp)
    s.case("-m package runs its __main__", ["-m", "pkg", "x"],
           out="pkg init pkg\npkg main __main__ pkg ['%s/pkg/__main__.py', 'x']\n" % s.tmp)
    s.case("-m package.module", ["-m", "pkg.sub"],
           out="pkg init pkg\npkg.sub __main__ pkg ['%s/pkg/sub.py']\n" % s.tmp)
    s.case("-m joined to its argument", ["-mmymod"], out_has=["mymod __main__"])
    s.case("-m missing module", ["-m", "nosuchmodule"], rc=1, out="", err="PROG: No module named nosuchmodule\n")
    s.case("-m missing parent package", ["-m", "nosuch.sub"], rc=1, out="",
           err="PROG: Error while finding module specification for 'nosuch.sub' "
               "(ModuleNotFoundError: No module named 'nosuch')\n")
    s.case("-m parent is not a package", ["-m", "mymod_helper.x"], rc=1, out="",
           err="PROG: Error while finding module specification for 'mymod_helper.x' (ModuleNotFoundError: "
               "__path__ attribute not found on 'mymod_helper' while trying to find 'mymod_helper.x')\n")
    s.case("-m package without __main__", ["-m", "nomainpkg"], rc=1, out="",
           err="PROG: No module named nomainpkg.__main__; 'nomainpkg' is a package and cannot be directly "
               "executed\n")
    s.case("-m package whose __init__ fails", ["-m", "badpkg.x"], rc=1, out="", same=False,
           err_has=['  File "%s/badpkg/__init__.py", line 1, in <module>\n' % s.tmp,
                    "ZeroDivisionError: division by zero\n"])
    s.case("-m relative name", ["-m", ".x"], rc=1, err="PROG: Relative module names not supported\n")
    s.case("-m built-in module", ["-m", "sys"], rc=1, err="PROG: No code object available for sys\n")
    s.case("-m dis FILE", ["-m", "dis", "dis_me.py"], same=False, err="",
           out_has=["RESUME", "LOAD_CONST", "RETURN_VALUE", "Disassembly of <code object add at"])


# ---- stdin ---------------------------------------------------------------------------

def group_stdin(s):
    s.case("program piped on stdin, no prompts", [], stdin=b"import sys\nprint(sys.argv)\nx = 5\nprint(x * 2)\n",
           out="['']\n10\n", err="")
    s.case("- reads stdin, with arguments", ["-", "a", "b"], stdin=b"import sys; print(sys.argv)\n",
           out="['-', 'a', 'b']\n", err="")
    s.case("stdin program: error is 1, no source lines", [], stdin=b"print('x')\n1/0\n", rc=1, out="x\n",
           err='Traceback (most recent call last):\n  File "<stdin>", line 2, in <module>\n'
               'ZeroDivisionError: division by zero\n')
    s.case("stdin program: a block needs no empty line", [], stdin=b"if True:\n    print('in')\nprint('out')\n",
           out="in\nout\n")
    s.case("stdin program: syntax error", [], stdin=b"x = = 1\n", rc=1, out="", same=True,
           err='  File "<stdin>", line 1\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n')
    s.case("stdin program: sys.exit('msg')", [], stdin=b"import sys; sys.exit('bye')\n", rc=1, err="bye\n")
    # -i with a pipe: the REPL reads stdin, prompts on stderr, as CPython.
    prog = b"x = 1\nx\nif x:\n  print(2)\n\n1/0\nprint('after')\n"
    results = {}
    for interp in s.interps:
        r = s.run(interp, ["-i"], stdin=prog)
        results[interp.name] = r
    try:
        for name, r in results.items():
            check(r.rc == 0 and r.out == "1\n2\nafter\n", f"[{name}] -i with piped stdin: stdout", repr(r))
            lines = r.err.split("\n")
            check(lines[0].startswith("Python 3.11"), f"[{name}] -i with piped stdin: banner", repr(r))
            skip = 3 if len(lines) > 2 and lines[2].startswith("GIL ") else 2  # minipy's GIL line
            rest = "\n".join(lines[skip:])
            check(rest == ">>> >>> >>> ... ... >>> Traceback (most recent call last):\n"
                          '  File "<stdin>", line 1, in <module>\nZeroDivisionError: division by zero\n'
                          ">>> >>> \n", f"[{name}] -i with piped stdin: stderr", repr(r))
        s.ok("-i with piped stdin")
    except Failure as e:
        s.fail("-i with piped stdin", str(e))
    s.case("-q: no banner", ["-q", "-i"], stdin=b"6 * 7\n", out="42\n", err=">>> >>> \n")
    s.case("-i -c: the REPL follows, sharing __main__", ["-i", "-c", "v = 'shared'"], stdin=b"v\n",
           out="'shared'\n", err=">>> >>> \n")
    s.case("-i after an uncaught exception", ["-i", "inspect_me.py"], stdin=b"value\n", rc=0, out="42\n",
           err_has=["ValueError: script failed\n>>> >>> \n"])
    s.case("-i: SystemExit in the script is printed, the REPL follows", ["-i", "inspect_exit.py"],
           stdin=b"value\n", rc=0, out="7\n",
           err_has=["Traceback (most recent call last):\n", "SystemExit: 5\n>>> >>> \n"])
    s.case("-i: nonexistent script, then the REPL", ["-i", "nonexistent.py"], stdin=b"1 + 1\n", rc=0,
           out="2\n", err_has=["can't open file"])
    s.case("REPL: exit status of SystemExit", ["-q", "-i"], stdin=b"raise SystemExit(4)\nprint(5)\n", rc=4,
           out="", err=">>> ")
    s.case("REPL: sys.exit('msg')", ["-q", "-i"], stdin=b"import sys\nsys.exit('gone')\n", rc=1,
           out="", err=">>> >>> gone\n")
    s.case("REPL: KeyboardInterrupt raised by code returns to the prompt", ["-q", "-i"],
           stdin=b"raise KeyboardInterrupt\nprint(5)\n", rc=0, out="5\n",
           err='>>> Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\n'
               "KeyboardInterrupt\n>>> >>> \n")
    s.case("REPL: EOF in a block ends the block", ["-q", "-i"], stdin=b"if 1:\n  print(5)", out="5\n",
           err=">>> ... ... \n>>> \n")
    s.case("REPL: blocks, echo, _ and None", ["-q", "-i"],
           stdin=b"def f(n):\n    return n * 2\n\nf(21)\n_ + 1\nNone\n's'\n1; 2\n",
           out="42\n43\n's'\n1\n2\n")
    s.case("REPL: expressions in top-level blocks are echoed", ["-q", "-i"],
           stdin=b"for i in range(2):\n    i\n\nif 1:\n  3\n\nwhile True:\n  4\n  break\n\n"
                 b"try:\n  5\nfinally:\n  6\n\ndef f():\n  7\n\nf()\nclass C:\n  8\n\n",
           out="0\n1\n3\n4\n5\n6\n")
    s.case("REPL: syntax error with caret, then continues", ["-q", "-i"], stdin=b"1 +\nprint('next')\n",
           out="next\n", err='>>>   File "<stdin>", line 1\n    1 +\n       ^\nSyntaxError: invalid syntax\n>>> >>> \n')
    s.case("REPL: a statement after a block without an empty line", ["-q", "-i"],
           stdin=b"if 1:\n  x = 1\ny = 2\n",
           err='>>> ... ...   File "<stdin>", line 3\n    y = 2\n    ^\nSyntaxError: invalid syntax\n>>> \n')
    s.case("REPL: empty block body", ["-q", "-i"], stdin=b"if 1:\n\n",
           err=">>> ...   File \"<stdin>\", line 2\n    \n    ^\n"
               "IndentationError: expected an indented block after 'if' statement on line 1\n>>> \n")
    s.case("REPL: comments, whitespace lines, brackets and strings", ["-q", "-i"],
           stdin=b"# just a comment\n   \nx = [\n  1,\n\n  2]\nx\ns = '''a\n\nb'''\ns\nif 1:\n   y = 5\n   \n\ny\n",
           out="[1, 2]\n'a\\n\\nb'\n5\n")
    s.case("REPL: decorators and classes", ["-q", "-i"],
           stdin=b"def deco(f):\n    return lambda: f() + 1\n\n@deco\ndef g():\n    return 1\n\ng()\n"
                 b"class C:\n    @property\n    def p(self):\n        return 'prop'\n    def m(self):\n"
                 b"        return 'meth'\n\nC().p, C().m()\n",
           out="2\n('prop', 'meth')\n")
    s.case("REPL: try/except/else/finally", ["-q", "-i"],
           stdin=b"try:\n    1/0\nexcept ZeroDivisionError as e:\n    print('caught', e)\nelse:\n    pass\n"
                 b"finally:\n    print('finally')\n\n",
           out="caught division by zero\nfinally\n")
    s.case("REPL: traceback of a function from an earlier input", ["-q", "-i"],
           stdin=b"def f(a):\n    return 1 / a\n\nf(0)\n", out="",
           err='>>> ... ... >>> Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\n'
               '  File "<stdin>", line 2, in f\nZeroDivisionError: division by zero\n>>> \n')
    s.case("REPL: sys.ps1 and sys.ps2 are the prompts", ["-q", "-i"],
           stdin=b"import sys\nsys.ps1 = 'A> '\nsys.ps2 = 'B> '\nif 1:\n  pass\n\n",
           out="", err=">>> >>> A> A> B> B> A> \n")
    s.case("REPL: exit and quit", ["-q", "-i"], stdin=b"exit\nquit\nexit(3)\n", rc=3,
           out="Use exit() or Ctrl-D (i.e. EOF) to exit\nUse quit() or Ctrl-D (i.e. EOF) to exit\n")
    # CPython reads REPL lines through C stdio, whose buffer swallows what
    # input() would read from a pipe; minipy reads both through sys.stdin.
    s.case("REPL: input() reads the following line", ["-q", "-i"], stdin=b"s = input('q? ')\nhello\ns\n",
           out="q? 'hello'\n", minipy_only=True)
    s.case("REPL: errors go through sys.excepthook", ["-q", "-i"],
           stdin=b"import sys\ndef h(t, v, tb): print('HOOK', t.__name__, v)\n\nsys.excepthook = h\n1/0\n"
                 b"def bad(*a): raise RuntimeError('hook broke')\n\nsys.excepthook = bad\n1/0\n",
           out="HOOK ZeroDivisionError division by zero\n",
           err_has=["Error in sys.excepthook:\n", "RuntimeError: hook broke\n\nOriginal exception was:\n"])
    s.case("REPL: sys.last_value after an error", ["-q", "-i"], stdin=b"1/0\nimport sys\nsys.last_value\n",
           out="ZeroDivisionError('division by zero')\n", same=False)


# ---- repl (pseudo-terminal) ----------------------------------------------------------

ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][0-9A-Za-z]|\x1b[=>]|\x07|\r")


class Pty:
    def __init__(self, interp, args, home, cwd):
        self.interp = interp
        argv = [interp.path] + list(args)
        env = interp.env(home)
        pid, fd = pty.fork()
        if pid == 0:
            try:
                os.chdir(cwd)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.raw = b""
        self.pos = 0
        self.status = None

    def text(self):
        return ANSI.sub(b"", self.raw).decode("utf-8", "replace")

    def send(self, data):
        os.write(self.fd, data.encode() if isinstance(data, str) else data)

    def interrupt(self):
        """Ctrl-C, once the program is back waiting: CPython checks signals only
        when select() is interrupted, so a Ctrl-C that arrives while readline
        handles the previous key waits for the next key there."""
        time.sleep(0.3)
        self.send("\x03")

    def _read(self, timeout):
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return True
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b""
        if not data:
            return False
        self.raw += data
        return True

    def expect(self, pattern, timeout=TIMEOUT):
        """Waits for regex `pattern` in the output after the last match."""
        deadline = time.time() + timeout
        rx = re.compile(pattern)
        while True:
            m = rx.search(self.text(), self.pos)
            if m:
                self.pos = m.end()
                return m
            left = deadline - time.time()
            if left <= 0 or not self._read(min(left, 0.2)) and time.time() > deadline:
                raise Failure(f"[{self.interp.name}] expected {pattern!r}; output after the last match:\n"
                              f"{self.text()[self.pos:]!r}")

    def expect_line(self, line, timeout=TIMEOUT):
        return self.expect(re.escape(line), timeout)

    def wait(self, timeout=TIMEOUT):
        deadline = time.time() + timeout
        while time.time() < deadline:
            self._read(0.05)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                while self._read(0.05) and len(self.raw):
                    r, _, _ = select.select([self.fd], [], [], 0)
                    if not r:
                        break
                self.status = os.waitstatus_to_exitcode(status)
                return self.status
        raise Failure(f"[{self.interp.name}] still running; output:\n{self.text()[self.pos:]!r}")

    def close(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        os.close(self.fd)


PROMPT = ">>> "


def repl_case(s, name, body, args=("-q",), setup=None):
    """body(p) drives a REPL in a pseudo-terminal, under each interpreter."""
    for interp in s.interps:
        home = tempfile.mkdtemp(dir=s.tmp, prefix="home-")
        if setup:
            setup(interp, home)
        p = Pty(interp, args, home, s.tmp)
        try:
            body(p, home)
            s.ok(f"{name} [{interp.name}]")
        except Failure as e:
            s.fail(f"{name} [{interp.name}]", str(e))
        finally:
            p.close()


def line(p, text, *expect):
    """Sends text + Enter; waits for each regex in expect."""
    p.send(text + "\r")
    for e in expect:
        p.expect(e)


def repl_basics(p, home):
    p.expect_line(PROMPT)
    line(p, "x = 6 * 7", re.escape("x = 6 * 7\n>>> "))
    line(p, "x", r"x\n42\n>>> ")
    line(p, "_ + 1", r"_ \+ 1\n43\n>>> ")
    line(p, "None", r"None\n>>> ")
    line(p, "print('hi')", r"\)\nhi\n>>> ")
    line(p, "def f(n):", r"def f\(n\):\n\.\.\. ")
    line(p, "    return n * 2", r"n \* 2\n\.\.\. ")
    line(p, "", r"\n>>> ")
    line(p, "f(21)", r"f\(21\)\n42\n>>> ")
    line(p, "for i in range(3):", r"\.\.\. ")
    line(p, "    if i % 2:", r"\.\.\. ")
    line(p, "        print('odd', i)", r"\.\.\. ")
    line(p, "    else:", r"\.\.\. ")
    line(p, "        print('even', i)", r"\.\.\. ")
    line(p, "", r"even 0\nodd 1\neven 2\n>>> ")
    line(p, "1/0", r"1/0\nTraceback \(most recent call last\):\n  File \"<stdin>\", line 1, in <module>\n"
                   r"ZeroDivisionError: division by zero\n>>> ")
    line(p, "f(None)", r"Traceback \(most recent call last\):\n  File \"<stdin>\", line 1, in <module>\n"
                       r"  File \"<stdin>\", line 2, in f\nTypeError: unsupported operand type\(s\) for \*: "
                       r"'NoneType' and 'int'\n>>> ")
    line(p, "1 +", r"  File \"<stdin>\", line 1\n    1 \+\n       \^\nSyntaxError: invalid syntax\n>>> ")
    line(p, "x = (", r"\.\.\. ")
    line(p, "", r"\.\.\. ")
    line(p, "1)", r"1\)\n>>> ")
    line(p, "x", r"x\n1\n>>> ")
    line(p, "exit", r"Use exit\(\) or Ctrl-D \(i\.e\. EOF\) to exit\n>>> ")
    p.send("\x04")
    check(p.wait() == 0, f"Ctrl-D: status {p.status}")


def repl_ctrl_c(p, home):
    p.expect_line(PROMPT)
    p.send("abc")
    p.expect("abc")
    p.interrupt()
    p.expect(r"\nKeyboardInterrupt\n>>> ")
    line(p, "1 + 1", r"1 \+ 1\n2\n>>> ")
    # In a block: the whole block is dropped.
    line(p, "if True:", r"\.\.\. ")
    p.send("    print('never')")
    p.expect("never'\\)")
    p.interrupt()
    p.expect(r"\nKeyboardInterrupt\n>>> ")
    line(p, "'still here'", r"'still here'\n>>> ")
    # While code runs: KeyboardInterrupt in the code, back to the prompt.
    line(p, "if True:", r"\.\.\. ")
    line(p, "    print('spinning')", r"\.\.\. ")
    line(p, "    while True: pass", r"\.\.\. ")
    line(p, "", r"spinning\n")
    p.interrupt()
    p.expect(r"Traceback \(most recent call last\):\n  File \"<stdin>\", line 3, in <module>\n"
             r"KeyboardInterrupt\n>>> ")
    # In a blocking call.
    line(p, "import time; t0 = time.time(); time.sleep(30)", r"sleep\(30\)\n")
    p.interrupt()
    p.expect(r"Traceback \(most recent call last\):\n  File \"<stdin>\", line 1, in <module>\n"
             r"KeyboardInterrupt\n>>> ")
    line(p, "time.time() - t0 < 10", r"True\n>>> ")
    # In input().
    line(p, "s = input('q? ')", r"'\)\nq\? ")
    p.interrupt()
    p.expect(r"KeyboardInterrupt\n>>> ")
    line(p, "s = input('q? ')", r"'\)\nq\? ")
    line(p, "typed", r"typed\n>>> ")
    line(p, "s", r"'typed'\n>>> ")
    p.send("\x04")
    check(p.wait() == 0, f"Ctrl-D: status {p.status}")


def repl_eof_in_block(p, home):
    p.expect_line(PROMPT)
    line(p, "if 1:", r"\.\.\. ")
    line(p, "  print(5)", r"\.\.\. ")
    p.send("\x04")
    p.expect(r"\n5\n>>> ")
    line(p, "'alive'", r"'alive'\n>>> ")
    line(p, "exit(3)")
    check(p.wait() == 3, f"exit(3): status {p.status}")


def repl_system_exit(p, home):
    p.expect_line(PROMPT)
    line(p, "import sys", r">>> ")
    line(p, "sys.exit('so long')", r"so long\n")
    check(p.wait() == 1, f"sys.exit('so long'): status {p.status}")


def repl_history(p, home):
    p.expect_line(PROMPT)
    line(p, "hist_marker = 12345", r">>> ")
    line(p, "hist_marker", r"12345\n>>> ")
    p.send("\x04")
    check(p.wait() == 0, f"status {p.status}")
    path = os.path.join(home, p.interp.history)
    check(os.path.exists(path), f"[{p.interp.name}] no history file {path}")
    with open(path) as f:
        hist = f.read().splitlines()
    check("hist_marker = 12345" in hist, f"[{p.interp.name}] history: {hist!r}")
    # A new session finds it: Ctrl-P twice recalls the assignment.
    q = Pty(p.interp, ["-q"], home, os.path.dirname(home))
    try:
        q.expect_line(PROMPT)
        q.send("\x10\x10")
        q.expect("hist_marker = 12345")
        q.send("\r")
        q.expect(r"\n>>> ")
        line(q, "hist_marker + 1", r"12346\n>>> ")
        q.send("\x04")
        check(q.wait() == 0, f"status {q.status}")
    finally:
        q.close()


def repl_completion(p, home):
    p.expect_line(PROMPT)
    line(p, "my_long_variable = 5", r">>> ")
    p.send("my_lo\t")
    p.expect("my_long_variable")
    line(p, "", r"\n5\n>>> ")
    p.send("pri\t")
    p.expect(r"print\(")
    line(p, "'completed')", r"completed\n>>> ")
    line(p, "class Kon:", r"\.\.\. ")
    line(p, "    alpha = 1", r"\.\.\. ")
    line(p, "    def beta(self): return 7", r"\.\.\. ")
    line(p, "    @property", r"\.\.\. ")
    line(p, "    def gamma(self): print('EVALUATED'); return 3", r"\.\.\. ")
    line(p, "", r">>> ")
    line(p, "k = Kon()", r">>> ")
    p.send("k.al\t")
    p.expect("k.alpha")
    line(p, "", r"\n1\n>>> ")
    p.send("k.be\t")
    p.expect(r"k\.beta\(\)")  # no parameters: "()", as rlcompleter
    line(p, "", r"\n7\n>>> ")
    p.send("Ko\t")
    p.expect(r"Kon\(\)")
    line(p, ".alpha", r"\n1\n>>> ")
    p.send("k.gam\t")
    p.expect(r"k\.gamma")
    line(p, "", r"\nEVALUATED\n3\n>>> ")
    check(p.text().count("EVALUATED") == 2,  # the source line echo and one evaluation
          f"[{p.interp.name}] completion evaluated a property:\n{p.text()!r}")
    line(p, "import sys", r">>> ")
    p.send("sys.std\t\t")
    p.expect(r"(?s)sys\.stderr\s.*sys\.stdin\s.*sys\.stdout\s")
    p.send("\x15")  # kill the line
    line(p, "", r">>> ")
    # Tab on an empty word indents.
    line(p, "if 1:", r"\.\.\. ")
    p.send("\t")
    line(p, "y = 9", r"\.\.\. ")
    line(p, "", r">>> ")
    line(p, "y", r"\n9\n>>> ")
    p.send("\x04")
    check(p.wait() == 0, f"status {p.status}")


def repl_banner(p, home):
    m = p.expect(r"Python 3\.11[^\n]* on linux\n[^\n]*\n(?:GIL on: sys\._set_gil_enabled\(False\) switches it off\.\n)?>>> ")
    p.send("\x04")
    check(p.wait() == 0, f"status {p.status}")


def repl_inspect(p, home):
    p.expect(r"ValueError: script failed\n>>> ")
    line(p, "value", r"\n42\n>>> ")
    p.send("\x04")
    check(p.wait() == 0, f"status {p.status}")


def repl_paste(p, home):
    p.expect_line(PROMPT)
    # Several lines at once, as a paste delivers them.
    p.send("a = 1\rb = 2\rdef h():\r    return a + b\r\rh() * 10\r")
    p.expect(r"\n30\n>>> ")
    p.send("\x04")
    check(p.wait() == 0, f"status {p.status}")


def group_repl(s):
    repl_case(s, "REPL basics", repl_basics)
    repl_case(s, "REPL banner", repl_banner, args=())
    repl_case(s, "REPL Ctrl-C", repl_ctrl_c)
    repl_case(s, "REPL Ctrl-D in a block", repl_eof_in_block)
    repl_case(s, "REPL sys.exit('msg')", repl_system_exit)
    repl_case(s, "REPL history", repl_history)
    repl_case(s, "REPL completion", repl_completion)
    repl_case(s, "REPL -i after a failing script", repl_inspect, args=("-i", "inspect_me.py"))
    repl_case(s, "REPL several lines at once", repl_paste)


GROUPS = {"args": group_args, "exit": group_exit, "module": group_module, "stdin": group_stdin,
          "repl": group_repl}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--minipy", required=True)
    ap.add_argument("--python", default=shutil.which("python3"),
                    help="CPython 3.11 to compare with ('' to skip)")
    ap.add_argument("groups", nargs="*", default=list(GROUPS))
    a = ap.parse_args()
    # Children inherit an ignored SIGINT (a test run started in the background
    # of a shell script), and then neither CPython nor minipy take it over.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    minipy = os.path.abspath(a.minipy)
    python = a.python
    if python:
        v = subprocess.run([python, "-c", "import sys; print(sys.version_info[:2] == (3, 11))"],
                           capture_output=True, text=True).stdout.strip()
        if v != "True":
            print(f"note: {python} is not CPython 3.11; checking minipy alone")
            python = None
        else:
            python = shutil.which(python) or python
    with tempfile.TemporaryDirectory(prefix="minipy-cli-") as tmp:
        tmp = os.path.realpath(tmp)
        s = Suite(minipy, python, tmp)
        make_fixtures(s)
        for g in a.groups:
            GROUPS[g](s)
    print(f"{s.passed} passed, {len(s.failed)} failed, {len(s.xfailed)} known differences (XFAIL)")
    return 1 if s.failed else 0


if __name__ == "__main__":
    sys.exit(main())
