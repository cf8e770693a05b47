# Generators across threads: one created in a thread can be resumed in another (the frame travels
# with the generator), but not concurrently: that is "ValueError: generator already executing".
import _thread
import sys

main_id = _thread.get_ident()


def where():
    return "main" if _thread.get_ident() == main_id else "worker"


def steps():
    total = 0
    while True:
        received = yield "%s: total %d" % (where(), total)
        total += received


g = steps()
print(next(g))  # expect: main: total 0
print(g.send(1))  # expect: main: total 1

# Resume it from a worker thread, then again from the main thread.
done = _thread.allocate_lock()
done.acquire()
results = []


def worker():
    results.append(g.send(10))
    results.append(g.send(100))
    done.release()


_thread.start_new_thread(worker, ())
done.acquire()  # wait for the worker
print(results)  # expect: ['worker: total 11', 'worker: total 111']
print(g.send(1000))  # expect: main: total 1111

# Concurrent resumption: while a worker is inside the generator (blocked on a lock, which lets
# other threads run), the main thread tries to resume it.
started = _thread.allocate_lock()
proceed = _thread.allocate_lock()
finished = _thread.allocate_lock()
for lock in (started, proceed, finished):
    lock.acquire()


def slow():
    started.release()  # tell the main thread we are running
    proceed.acquire()  # wait (the GIL is released while waiting)
    yield "slow value from " + where()


s = slow()
outcome = []


def runner():
    outcome.append(next(s))
    finished.release()


_thread.start_new_thread(runner, ())
started.acquire()  # the worker is inside the generator now
print("running:", s.gi_running, "suspended:", s.gi_suspended)  # expect: running: True suspended: False
for attempt in (lambda: next(s), lambda: s.send(None), lambda: s.throw(KeyError), lambda: s.close()):
    try:
        attempt()
    except ValueError as e:
        print(type(e).__name__ + ":", e)
# expect: ValueError: generator already executing
# expect: ValueError: generator already executing
# expect: ValueError: generator already executing
# expect: ValueError: generator already executing
proceed.release()
finished.acquire()
print(outcome, s.gi_running, s.gi_suspended)  # expect: ['slow value from worker'] False True


# Each thread keeps its own "exception being handled"; a generator brings its own along.
def handler():
    try:
        raise KeyError("inside the generator")
    except KeyError:
        yield repr(sys.exc_info()[1]) + " in " + where()


h = handler()
seen = []


def exc_worker():
    try:
        raise IndexError("the worker's own")
    except IndexError:
        seen.append(next(h))
        seen.append(repr(sys.exc_info()[1]))
    done.release()


_thread.start_new_thread(exc_worker, ())
done.acquire()
for line in seen:
    print(line)
# expect: KeyError('inside the generator') in worker
# expect: IndexError("the worker's own")
print(sys.exc_info())  # expect: (None, None, None)

# A generator abandoned by a worker thread is closed (its finally runs) in that thread.
def cleanup():
    try:
        yield
    finally:
        print("finally ran in", where())


def abandon():
    c = cleanup()
    next(c)
    del c
    done.release()


_thread.start_new_thread(abandon, ())
done.acquire()  # expect: finally ran in worker
