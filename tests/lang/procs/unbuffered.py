# -u and PYTHONUNBUFFERED (unless -E) make stdout unbuffered: what was
# printed before os.execv replaced the program is not lost. Without them,
# stdout to a pipe is block-buffered and the exec drops it, as in CPython.
import os
import sys

CHILD = "import os, sys; print('printed before exec'); os.execv(sys.executable, [sys.executable, '-c', 'pass'])"


def run(options, env):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(r)
            os.dup2(w, 1)
            os.close(w)
            os.execve(sys.executable, [sys.executable] + options + ["-c", CHILD], env)
        finally:
            os._exit(127)
    os.close(w)
    out = b""
    while True:
        data = os.read(r, 4096)
        if not data:
            break
        out += data
    os.close(r)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), out.decode()


env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
print("buffered:", run([], env))
print("-u:", run(["-u"], env))
print("PYTHONUNBUFFERED=1:", run([], dict(env, PYTHONUNBUFFERED="1")))
print("PYTHONUNBUFFERED empty:", run([], dict(env, PYTHONUNBUFFERED="")))
print("-E:", run(["-E"], dict(env, PYTHONUNBUFFERED="1")))
# expect: buffered: (0, '')
# expect: -u: (0, 'printed before exec\n')
# expect: PYTHONUNBUFFERED=1: (0, 'printed before exec\n')
# expect: PYTHONUNBUFFERED empty: (0, '')
# expect: -E: (0, '')
