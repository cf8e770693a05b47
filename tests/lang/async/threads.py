# Coroutines and async generators across threads: their frames travel with
# them, so one thread may resume what another started, but not while it runs
# ("coroutine already executing", also with the GIL off). The asyncgen hooks
# are per thread, as in CPython.
import _thread
import sys

main_id = _thread.get_ident()


def where():
    return "main" if _thread.get_ident() == main_id else "worker"


class Pause:
    def __await__(self):
        return (yield where())


async def ping(n):
    for i in range(n):
        got = await Pause()
        print(f"  step {i} resumed in {where()} with {got}")
    return where()


def in_thread(fn):
    done = _thread.allocate_lock()
    done.acquire()
    out = []

    def body():
        out.append(fn())
        done.release()

    _thread.start_new_thread(body, ())
    done.acquire()
    return out[0]


c = ping(2)
print(c.send(None))  # expect: main
print(in_thread(lambda: c.send("from worker")))
# expect:   step 0 resumed in worker with from worker
# expect: worker
try:
    c.send("from main")
except StopIteration as e:
    print("finished in", e.value)
# expect:   step 1 resumed in main with from main
# expect: finished in main

# Concurrent resumption is refused.
started = _thread.allocate_lock()
proceed = _thread.allocate_lock()
finished = _thread.allocate_lock()
for lock in (started, proceed, finished):
    lock.acquire()


async def slow():
    started.release()
    proceed.acquire()  # blocks the worker inside the coroutine (the GIL is released)
    return "slow done"


s = slow()
outcome = []


def runner():
    try:
        s.send(None)
    except StopIteration as e:
        outcome.append(e.value)
    finished.release()


_thread.start_new_thread(runner, ())
started.acquire()
print("running:", s.cr_running)  # expect: running: True
for attempt in (lambda: s.send(None), lambda: s.throw(KeyError), lambda: s.close()):
    try:
        attempt()
    except ValueError as e:
        print("ValueError:", e)
# expect: ValueError: coroutine already executing
# expect: ValueError: coroutine already executing
# expect: ValueError: coroutine already executing
proceed.release()
finished.acquire()
print(outcome, s.cr_running)  # expect: ['slow done'] False

# Async generator hooks belong to the thread that sets them.
calls = []
sys.set_asyncgen_hooks(firstiter=lambda ag: calls.append(("first", where())))


async def agen():
    yield where()


def first_item():
    try:
        agen().__anext__().send(None)
    except StopIteration as e:
        return e.value


print(first_item(), calls)  # expect: main [('first', 'main')]
print(in_thread(first_item), calls)  # expect: worker [('first', 'main')]
print(in_thread(lambda: tuple(sys.get_asyncgen_hooks())))  # expect: (None, None)
sys.set_asyncgen_hooks(None, None)

# Many threads, each driving its own coroutines to completion.
results = []
lock = _thread.allocate_lock()
remaining = [4]
all_done = _thread.allocate_lock()
all_done.acquire()


async def add_up(n):
    total = 0
    for i in range(n):
        total += await Pause() is not None
        total += i
    return total


def drive_many(k):
    totals = []
    for n in range(20):
        c = add_up(n)
        try:
            c.send(None)
            while True:
                c.send(k)
        except StopIteration as e:
            totals.append(e.value)
    with lock:
        results.append(sum(totals))
        remaining[0] -= 1
        if remaining[0] == 0:
            all_done.release()


for k in range(4):
    _thread.start_new_thread(drive_many, (k,))
all_done.acquire()
print(sorted(results))  # expect: [1330, 1330, 1330, 1330]
