# atexit: callbacks run at exit, newest first, after non-daemon threads
# are joined; an exception is reported and the others still run.
import atexit
import threading
import time


def say(*args, **kwargs):
    print("exit", args, kwargs)


atexit.register(say, 1, key="a")
atexit.register(say, 2)


class Broken:
    def __call__(self):
        raise ValueError("bad callback")

    def __repr__(self):
        return "<broken callback>"


atexit.register(Broken())


def never():
    print("never")


atexit.register(never)
atexit.unregister(never)

t = threading.Thread(target=lambda: (time.sleep(0.1), print("thread done")))
t.start()
print("main done")
# expect: main done
# expect: thread done
# expect: exit (2,) {}
# expect: exit (1,) {'key': 'a'}
# expect stderr: Exception ignored in atexit callback: <broken callback>
# expect stderr: ValueError: bad callback
