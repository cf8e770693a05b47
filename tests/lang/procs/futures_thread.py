# concurrent.futures: Future's API and ThreadPoolExecutor (submit, map
# with a timeout, shutdown with cancel_futures, context manager, errors,
# initializer, max_workers).
import concurrent.futures as cf
import os
import threading
import time


def square(x):
    return x * x


def fail(msg):
    raise ValueError(msg)


def nap(seconds):
    time.sleep(seconds)
    return seconds


# Future by hand.
f = cf.Future()
print(f.done(), f.running(), f.cancelled())
print(f.cancel(), f.cancelled(), f.done())
try:
    f.result()
except cf.CancelledError:
    print("CancelledError")
# expect: False False False
# expect: True True True
# expect: CancelledError

f = cf.Future()
print(f.set_running_or_notify_cancel(), f.running(), f.cancel())
calls = []
f.add_done_callback(lambda fut: calls.append(("cb", fut.result())))
f.set_result(42)
print(f.result(), f.exception(), f.done(), calls)
f.add_done_callback(lambda fut: calls.append("late"))
print(calls)
try:
    f.set_result(1)
except cf.InvalidStateError:
    print("InvalidStateError")
# expect: True True False
# expect: 42 None True [('cb', 42)]
# expect: [('cb', 42), 'late']
# expect: InvalidStateError

f = cf.Future()
f.set_exception(KeyError("missing"))
print(repr(f.exception()))
try:
    f.result()
except KeyError as e:
    print("KeyError", e)
try:
    cf.Future().result(timeout=0.01)
except cf.TimeoutError:
    print("TimeoutError")
print(cf.TimeoutError is TimeoutError, issubclass(cf.CancelledError, cf._base.Error))
# expect: KeyError('missing')
# expect: KeyError 'missing'
# expect: TimeoutError
# expect: True True

with cf.ThreadPoolExecutor(max_workers=4) as ex:
    futures = [ex.submit(square, i) for i in range(8)]
    print([fut.result() for fut in futures])
    print(list(ex.map(square, range(5))), list(ex.map(pow, [2, 3], [5, 2])))
    bad = ex.submit(fail, "boom")
    print(type(bad.exception()).__name__, bad.exception())
    # expect: [0, 1, 4, 9, 16, 25, 36, 49]
    # expect: [0, 1, 4, 9, 16] [32, 9]
    # expect: ValueError boom

    slow = ex.submit(nap, 0.3)
    try:
        slow.result(timeout=0.01)
    except cf.TimeoutError:
        print("timeout, running:", slow.running())
    print(slow.result())
    # expect: timeout, running: True
    # expect: 0.3

    try:
        for x in ex.map(nap, [0.01, 1.0], timeout=0.2):
            print("map result", x)
    except cf.TimeoutError:
        print("map TimeoutError")
    # expect: map result 0.01
    # expect: map TimeoutError

    try:
        list(ex.map(fail, ["in map"]))
    except ValueError as e:
        print("map raised", e)
    # expect: map raised in map

# Threads are named after the pool; the current thread runs the callback
# of a future that is already done.
names = []
with cf.ThreadPoolExecutor(2, thread_name_prefix="worker") as ex:
    ex.submit(lambda: names.append(threading.current_thread().name)).result()
print(names)
# expect: ['worker_0']

# One worker: the queued calls are cancelled by shutdown(cancel_futures=True).
ex = cf.ThreadPoolExecutor(max_workers=1)
first = ex.submit(nap, 0.2)
rest = [ex.submit(nap, 0.2) for _ in range(4)]
time.sleep(0.05)
ex.shutdown(wait=True, cancel_futures=True)
print(first.result(), [f.cancelled() for f in rest])
try:
    ex.submit(square, 2)
except RuntimeError as e:
    print("RuntimeError:", e)
# expect: 0.2 [True, True, True, True]
# expect: RuntimeError: cannot schedule new futures after shutdown

state = threading.local()


def init(value):
    state.value = value


with cf.ThreadPoolExecutor(2, initializer=init, initargs=("ready",)) as ex:
    print(ex.submit(lambda: state.value).result())
# expect: ready


def broken_init():
    raise OSError("no")


with cf.ThreadPoolExecutor(1, initializer=broken_init) as ex:
    f = ex.submit(square, 3)
    try:
        f.result()
    except cf.thread.BrokenThreadPool as e:
        print("BrokenThreadPool:", e)
# expect: BrokenThreadPool: A thread initializer failed, the thread pool is not usable anymore
# expect stderr: Exception in initializer:
# expect stderr: OSError: no

print(cf.ThreadPoolExecutor()._max_workers == min(32, (os.cpu_count() or 1) + 4))
for bad in (0, -1):
    try:
        cf.ThreadPoolExecutor(bad)
    except ValueError as e:
        print("ValueError:", e)
# expect: True
# expect: ValueError: max_workers must be greater than 0
# expect: ValueError: max_workers must be greater than 0

# A pool never shut down: its idle workers end at exit.
leftover = cf.ThreadPoolExecutor(2)
print(leftover.submit(square, 9).result())
# expect: 81
