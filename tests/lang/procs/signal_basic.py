# The signal module: numbers, signal()/getsignal() with SIG_DFL, SIG_IGN
# and Python handlers (run in the main thread), default_int_handler.
import os
import signal
import sys
import time

print(signal.SIGINT, signal.SIGKILL, signal.SIGTERM, signal.SIGUSR1, signal.SIGCHLD)
# expect: 2 9 15 10 17
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGTERM) == signal.SIG_DFL, signal.SIG_DFL == 0, signal.SIG_IGN == 1)
# expect: True
# expect: True True True

got = []


def handler(signum, frame):
    got.append(signum)


old = signal.signal(signal.SIGUSR1, handler)
print(old == signal.SIG_DFL, signal.getsignal(signal.SIGUSR1) is handler)
os.kill(os.getpid(), signal.SIGUSR1)
print(got)
# expect: True True
# expect: [10]

# A handler that raises: the exception comes out of the code that was running.
def raiser(signum, frame):
    raise RuntimeError("from handler %d" % signum)


signal.signal(signal.SIGUSR2, raiser)
try:
    os.kill(os.getpid(), signal.SIGUSR2)
    for i in range(1000000):
        pass
except RuntimeError as e:
    print(e)
# expect: from handler 12

# Ignored: nothing happens.
signal.signal(signal.SIGTERM, signal.SIG_IGN)
os.kill(os.getpid(), signal.SIGTERM)
print("still here", signal.getsignal(signal.SIGTERM) == signal.SIG_IGN)
signal.signal(signal.SIGTERM, signal.SIG_DFL)
# expect: still here True

# SIGINT raises KeyboardInterrupt, even in a sleep.
try:
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(5)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
# expect: KeyboardInterrupt

# A child killed by a signal we send.
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    time.sleep(30)
    os._exit(0)
os.kill(pid, signal.SIGTERM)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == -signal.SIGTERM)
# expect: True

print(signal.strsignal(signal.SIGTERM), signal.strsignal(signal.SIGKILL))
# expect: Terminated Killed

for args in ((signal.SIGKILL, signal.SIG_IGN), (signal.SIGTERM, 5), (0, signal.SIG_DFL), (1000, signal.SIG_DFL)):
    try:
        signal.signal(*args)
    except (OSError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
# expect: OSError [Errno 22] Invalid argument
# expect: TypeError signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object
# expect: ValueError signal number out of range
# expect: ValueError signal number out of range
