"""Soak test: does memory stay flat when a program keeps making garbage that
only the cycle collector can free?

Each round builds and drops
  - cyclic structures: a ring of linked nodes, self-containing lists and
    dicts, objects with __del__ inside cycles, closures that refer to
    themselves, bound methods stored on their own instance;
  - generators: suspended inside try/finally and abandoned, never started,
    and suspended generators that hold a reference to themselves;
  - failing asyncio tasks: an event loop per round whose tasks raise after a
    few awaits; the exceptions, with their tracebacks (which hold the frames,
    which hold the exceptions again), are kept in a list and dropped;
  - threads: a few threads that each build cycles and pass them through a
    queue to the main thread.
After every round it reads the process's resident memory (VmRSS, and the
peak VmHWM, from /proc/self/status), and at the end compares the highest
resident size seen in the first tenth of the rounds with the highest in the
last tenth. Without a cycle collector every round's garbage would stay, and
the last tenth would be far above the first.

    minipy programs/soak.py [ROUNDS] [--warmup=N] [--check]

ROUNDS defaults to 200. Before them, N warm-up rounds (default 30) are run
and not measured: in the first rounds resident memory climbs to a working
size (the allocator's arenas, one per thread among them, and the collector's
oldest generation, which is only collected once enough objects have
survived into it) and then stays there, under CPython as under minipy.
Without the collector (gc.disable()) every round would add about 1.7 MB.
--check: exit with status 1 when memory did not hold flat (more than 10%
growth). Runs under python3 as well.
"""
import asyncio
import gc
import sys
import threading
import queue


# ---- memory -------------------------------------------------------------

def memory_kb():
    """(current resident KiB, peak resident KiB) of this process."""
    cur = peak = 0
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    cur = int(line.split()[1])
                elif line.startswith("VmHWM:"):
                    peak = int(line.split()[1])
    except OSError:
        import resource  # not on Linux: peak only (KiB on Linux, bytes on macOS)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        cur = peak
    return cur, peak


# ---- cycles -------------------------------------------------------------

class Node:
    def __init__(self, value):
        self.value = value
        self.prev = self.next = None
        self.payload = [value] * 8


class Finalized:
    finalized = 0

    def __init__(self):
        self.me = self          # a cycle through its own __dict__

    def __del__(self):
        Finalized.finalized += 1


class Holder:
    def __init__(self):
        self.callback = self.method     # instance -> bound method -> instance

    def method(self):
        return self


def make_cycles(n):
    # A doubly linked ring.
    first = prev = Node(0)
    for i in range(1, n):
        node = Node(i)
        node.prev = prev
        prev.next = node
        prev = node
    prev.next = first
    first.prev = prev
    # Containers that contain themselves, and each other.
    for i in range(n // 10):
        lst = [i, "x" * 20]
        lst.append(lst)
        d = {"self": None, "list": lst, "n": i}
        d["self"] = d
        lst.append(d)
        t = (lst, d)
        d["tuple"] = t
    # Finalizers inside cycles (PEP 442: each __del__ runs once).
    for _ in range(n // 20):
        a, b = Finalized(), Finalized()
        a.other, b.other = b, a
    # A closure that refers to itself (function -> cell -> function).
    for _ in range(n // 20):
        def outer():
            def inner(k):
                return inner if k else None
            return inner
        outer()
        Holder()
    return first.prev.value


# ---- generators ---------------------------------------------------------

cleaned_up = [0]


def counting(n):
    try:
        for i in range(n):
            yield i
    finally:
        cleaned_up[0] += 1


def self_referencing():
    me = yield        # receives the generator itself: frame -> generator
    box = [me, list(range(10))]
    yield box
    yield None


def make_generators(n):
    total = 0
    for i in range(n):
        g = counting(100)
        total += next(g) + next(g)          # suspended inside try/finally, dropped
        counting(5)                         # never started
        s = self_referencing()
        next(s)
        s.send(s)                           # suspended, holding itself
        gen_list = [x * 2 for x in range(5)]
        total += sum(gen_list)
    return total


# ---- asyncio --------------------------------------------------------------

class TaskFailed(Exception):
    pass


async def failing(i, depth):
    if depth:
        await asyncio.sleep(0)
        return await failing(i, depth - 1)
    await asyncio.sleep(0)
    local_data = [i] * 20      # kept alive by the traceback's frame
    raise TaskFailed("task %d failed with %d items" % (i, len(local_data)))


async def fine(i):
    await asyncio.sleep(0)
    return i


async def async_round(n):
    tasks = [asyncio.create_task(failing(i, 3)) for i in range(n)]
    tasks += [asyncio.create_task(fine(i)) for i in range(n)]
    results = await asyncio.gather(*tasks, return_exceptions=True)
    failures = [r for r in results if isinstance(r, TaskFailed)]
    # Every exception holds its traceback; format one to walk it.
    for exc in failures[:1]:
        tb = exc.__traceback__
        depth = 0
        while tb is not None:
            depth += 1
            tb = tb.tb_next
    # An exception caught and kept in a local of its own frame: a cycle.
    try:
        raise TaskFailed("kept")
    except TaskFailed as e:
        kept = e
    assert kept.__traceback__ is not None
    return len(failures)


# ---- threads ---------------------------------------------------------------

def worker(q, k, n):
    for i in range(n):
        a = {"id": (k, i)}
        b = {"peer": a}
        a["peer"] = b
        q.put(a)
    q.put(None)


def threads_round(nthreads, n):
    q = queue.Queue()
    threads = [threading.Thread(target=worker, args=(q, k, n)) for k in range(nthreads)]
    for t in threads:
        t.start()
    done = received = 0
    while done < nthreads:
        item = q.get()
        if item is None:
            done += 1
        else:
            received += 1
    for t in threads:
        t.join()
    return received


# ---- the soak -------------------------------------------------------------

def one_round():
    make_cycles(2000)
    make_generators(200)
    failed = asyncio.run(async_round(50))
    received = threads_round(4, 100)
    return failed, received


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    check = "--check" in sys.argv[1:]
    warmup = 30
    for a in sys.argv[1:]:
        if a.startswith("--warmup="):
            warmup = int(a.split("=", 1)[1])
    rounds = int(args[0]) if args else 200
    if rounds < 10:
        print("need at least 10 rounds")
        return 2
    for _ in range(warmup):
        one_round()
    cur, peak = memory_kb()
    print("after %d warm-up rounds: resident %.1f MB" % (warmup, cur / 1024))
    samples = []
    tenth = rounds // 10
    for r in range(1, rounds + 1):
        failed, received = one_round()
        assert failed == 50 and received == 400, (failed, received)
        cur, peak = memory_kb()
        samples.append(cur)
        if r % tenth == 0:
            print("round %4d/%d: resident %6.1f MB, peak so far %6.1f MB"
                  % (r, rounds, cur / 1024, peak / 1024))
    first = max(samples[:tenth])
    last = max(samples[-tenth:])
    growth = (last - first) / first * 100
    flat = last <= first * 1.10
    print("per round: %d cycle nodes, %d generators, %d failing tasks, %d threads"
          % (2000, 600, 50, 4))
    print("finalizers run: %s, generators closed by finally: %s"
          % ("yes" if Finalized.finalized else "no", "yes" if cleaned_up[0] else "no"))
    print("resident memory, highest in first tenth: %.1f MB, in last tenth: %.1f MB (%+.1f%%)"
          % (first / 1024, last / 1024, growth))
    print("held flat (within 10%%): %s" % ("yes" if flat else "NO"))
    return 0 if flat or not check else 1


if __name__ == "__main__":
    gc.enable()
    sys.exit(main())
