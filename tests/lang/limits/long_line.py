# A 10 MB single line of source: valid ones compile and run, one with an
# error at its far end is a SyntaxError at the right line and column, both
# through compile() and through importing a module file.
import os
import sys

N = 10_000_000
src = 's = "' + "a" * N + '"\n'
ns = {}
exec(compile(src, "<long>", "exec"), ns)
print(len(ns["s"]))  # expect: 10000000

src = "total = 0" + " + 1" * (N // 4) + "\n"
try:
    ns = {}
    exec(compile(src, "<long>", "exec"), ns)
    print(ns["total"])
except RecursionError as e:
    print("RecursionError:", e)
# expect: RecursionError: maximum recursion depth exceeded during compilation

src = "x = [" + "1, " * (N // 3) + "]\n" + "n = len(x)\n"
ns = {}
exec(compile(src, "<long>", "exec"), ns)
print(ns["n"])  # expect: 3333333

src = "# " + "c" * N + "\nok = 1\n"
ns = {}
exec(compile(src, "<long>", "exec"), ns)
print(ns["ok"])  # expect: 1

bad = 'x = 1\ny = "' + "b" * N + '" $\n'
try:
    compile(bad, "<long>", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset)
# expect: invalid syntax 2 10000008

bad = 'x = 1\ny = "' + "b" * N + "\n"
try:
    compile(bad, "<long>", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset)
# expect: unterminated string literal (detected at line 2) 2 5

# The same through a module file.
d = "/tmp/minipy_long_line_%d" % os.getpid()
os.mkdir(d)
sys.path.insert(0, d)
sys.dont_write_bytecode = True  # CPython: no __pycache__ to clean up
with open(os.path.join(d, "long_line_ok.py"), "w") as f:
    f.write('s = "' + "z" * N + '"\n')
with open(os.path.join(d, "long_line_bad.py"), "w") as f:
    f.write('v = "' + "y" * N + '" ?\n')
import long_line_ok
print(len(long_line_ok.s))  # expect: 10000000
try:
    import long_line_bad
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset)
# expect: invalid syntax 1 10000008
for name in os.listdir(d):
    if name.endswith(".py"):
        os.remove(os.path.join(d, name))
os.rmdir(d)
