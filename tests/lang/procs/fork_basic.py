# os.fork, waitpid and the wait status helpers, os._exit, os.kill with
# signal numbers, os.register_at_fork.
import os
import signal
import sys
import time


def child_exit(code):
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        os._exit(code)
    return pid


pid = child_exit(7)
got, status = os.waitpid(pid, 0)
print(got == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status))
print(os.waitstatus_to_exitcode(status))
# expect: True True 7 False
# expect: 7

# The child sees itself as a new process whose parent is us.
r, w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, ("%d %d" % (os.getpid(), os.getppid())).encode())
    os._exit(0)
os.close(w)
child_pid, child_ppid = map(int, os.read(r, 100).split())
os.close(r)
os.waitpid(pid, 0)
print(child_pid == pid, child_ppid == os.getpid())
# expect: True True

# Killed by a signal: WIFSIGNALED, WTERMSIG, a negative exit code.
for sig in (signal.SIGTERM, signal.SIGKILL):
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        time.sleep(30)
        os._exit(0)
    os.kill(pid, sig)
    _, status = os.waitpid(pid, 0)
    print(os.WIFSIGNALED(status), os.WTERMSIG(status) == sig, os.waitstatus_to_exitcode(status) == -sig)
# expect: True True True
# expect: True True True

# WNOHANG: (0, 0) while the child runs.
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    time.sleep(0.3)
    os._exit(0)
print(os.waitpid(pid, os.WNOHANG))
os.waitpid(pid, 0)
# expect: (0, 0)

# No child left: ChildProcessError.
try:
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError as e:
    print("ChildProcessError", e.errno)
# expect: ChildProcessError 10

try:
    os.waitstatus_to_exitcode(0x137f)       # stopped, not exited
except ValueError as e:
    print(e)
# expect: process stopped by delivery of signal 19

# register_at_fork: `before` newest first; the others in registration order.
events = []
os.register_at_fork(before=lambda: events.append("before 1"),
                    after_in_parent=lambda: events.append("parent 1"),
                    after_in_child=lambda: events.append("child 1"))
os.register_at_fork(before=lambda: events.append("before 2"),
                    after_in_parent=lambda: events.append("parent 2"),
                    after_in_child=lambda: events.append("child 2"))
r, w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.write(w, repr(events).encode())
    os._exit(0)
os.close(w)
child_events = os.read(r, 1000).decode()
os.close(r)
os.waitpid(pid, 0)
print("parent:", events)
print("child:", child_events)
# expect: parent: ['before 2', 'before 1', 'parent 1', 'parent 2']
# expect: child: ['before 2', 'before 1', 'child 1', 'child 2']

for kwargs in ({}, {"before": 1}, {"after_in_child": "x"}):
    try:
        os.register_at_fork(**kwargs)
    except TypeError as e:
        print(e)
# expect: At least one argument is required.
# expect: 'before' must be callable, not int
# expect: 'after_in_child' must be callable, not str
