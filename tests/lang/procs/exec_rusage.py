# os.execv / os.execve replace a forked child's program (here: this
# interpreter again, as sys.executable, with -c); the parent reads the
# child's output through a pipe made its stdout. resource.getrusage: this
# process's and its waited-for children's CPU times and peak memory.
import os
import resource
import sys


def run(argv, env=None):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        os.dup2(w, 1)
        os.close(w)
        try:
            if env is None:
                os.execv(sys.executable, argv)
            os.execve(sys.executable, argv, env)
        finally:
            os._exit(127)
    os.close(w)
    chunks = []
    while True:
        data = os.read(r, 4096)
        if not data:
            break
        chunks.append(data)
    os.close(r)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), b"".join(chunks).decode()


before = resource.getrusage(resource.RUSAGE_CHILDREN)
print(run([sys.executable, "-c", "import sys; print(sys.argv[1:])", "a", "b c"]))
print(run([sys.executable, "-c", "import os; print(os.environ['LAB'], 'PATH' in os.environ)"],
          {"LAB": "value"}))
print(run([sys.executable, "-c", "import sys; sys.exit(3)"]))
print(run((sys.executable, "-c", "print(sum(i * i for i in range(300000)))")))
after = resource.getrusage(resource.RUSAGE_CHILDREN)
print("children's peak memory counted:", after.ru_maxrss > 0)
print("children's CPU time grew:", after.ru_utime + after.ru_stime > before.ru_utime + before.ru_stime)

me = resource.getrusage(resource.RUSAGE_SELF)
print(type(me).__name__, len(me), me.ru_maxrss == me[2], me.ru_utime == me[0], me.ru_maxrss > 0)
print(resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN, resource.RUSAGE_THREAD)
print(resource.getrusage(resource.RUSAGE_THREAD).ru_utime <= resource.getrusage(resource.RUSAGE_SELF).ru_utime)

for bad in [(), [], "x", [""]]:
    try:
        os.execv(sys.executable, bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    os.execv("/nonexistent/program", ["program"])
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
try:
    os.execve(sys.executable, ["x"], {"A=B": "c"})
except ValueError as e:
    print(e)
try:
    resource.getrusage(5)
except ValueError as e:
    print(e)
# expect: (0, "['a', 'b c']\n")
# expect: (0, 'value False\n')
# expect: (3, '')
# expect: (0, '8999955000050000\n')
# expect: children's peak memory counted: True
# expect: children's CPU time grew: True
# expect: struct_rusage 16 True True True
# expect: 0 -1 1
# expect: True
# expect: ValueError execv() arg 2 must not be empty
# expect: ValueError execv() arg 2 must not be empty
# expect: TypeError execv() arg 2 must be a tuple or list
# expect: ValueError execv() arg 2 first element cannot be empty
# expect: FileNotFoundError 2
# expect: illegal environment variable name
# expect: invalid who parameter
