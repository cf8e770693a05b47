# Forking while other threads hold a lock, wait on a queue, import a module
# and spin: only the forking thread survives in the child, which must not
# deadlock on anything the interpreter itself uses.
import os
import queue
import sys
import threading
import time

user_lock = threading.Lock()
release = threading.Event()
holding = threading.Event()
q = queue.Queue()
stop = False


def hold_lock():
    with user_lock:
        holding.set()
        release.wait()


def wait_on_queue():
    q.get()


def slow_import():
    import mod_slow_import


def spin():
    n = 0
    while not stop:
        n += 1


threads = [threading.Thread(target=hold_lock), threading.Thread(target=wait_on_queue),
           threading.Thread(target=slow_import), threading.Thread(target=spin)]
for t in threads:
    t.start()
holding.wait()
time.sleep(0.1)

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    # Only this thread exists here, and it is the main thread.
    print("threads:", threading.active_count(), threading.current_thread() is threading.main_thread())
    print("others alive:", [t.is_alive() for t in threads])
    # The lock stays held by a thread that does not exist here.
    print("user lock:", user_lock.acquire(timeout=0.1))
    # The queue works (its waiter is gone).
    q.put("x")
    print("queue:", q.get(timeout=1))
    import mod_fork_helper
    print("import:", mod_fork_helper.VALUE)
    out = []
    t = threading.Thread(target=lambda: out.append(threading.current_thread().name != "MainThread"))
    t.start()
    t.join()
    print("new thread:", out)
    sys.stdout.flush()
    os._exit(0)

_, status = os.waitpid(pid, 0)
print("child exit:", os.waitstatus_to_exitcode(status))
release.set()
q.put(None)
stop = True
for t in threads:
    t.join()
print("parent threads:", threading.active_count())
# expect: threads: 1 True
# expect: others alive: [False, False, False, False]
# expect: user lock: False
# expect: queue: x
# expect: import: 42
# expect: new thread: [True]
# expect: child exit: 0
# expect: parent threads: 1
