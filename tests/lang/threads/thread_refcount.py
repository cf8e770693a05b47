# Reference counts of objects that travel between threads: made in one
# thread, dropped in another (with the GIL off, biased reference counting
# queues them to their owner, or merges them itself once the owner has
# ended), shared by several threads at once, and counted by sys.getrefcount.
import gc
import sys
import threading

deleted = []
lock = threading.Lock()


class Tracked:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        with lock:
            deleted.append(self.n)


def settle():
    # With the GIL off, objects other threads released may wait for this
    # thread to merge them or for every thread's quiescent point before they
    # are freed; gc.collect() is such a point.
    gc.collect()


def run(target, *args):
    t = threading.Thread(target=target, args=args)
    t.start()
    t.join()
    settle()


# Made here, dropped by another thread.
box = [Tracked(i) for i in range(1000)]


def drop_all(lst):
    while lst:
        lst.pop()


run(drop_all, box)
print(len(deleted), sorted(deleted) == list(range(1000)))  # expect: 1000 True
deleted.clear()

# Made by a thread that has ended by the time the last reference goes.
out = []


def make(n):
    for i in range(n):
        out.append(Tracked(i))


run(make, 500)
print(len(out), len(deleted))  # expect: 500 0
out.clear()
settle()
print(len(deleted))  # expect: 500
deleted.clear()

# Shared by several threads at once, each taking and dropping references.
shared = [Tracked(i) for i in range(200)]


def churn(rounds):
    for _ in range(rounds):
        for x in shared:
            y = x
            z = [y, y]
            del y, z


ts = [threading.Thread(target=churn, args=(200,)) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
settle()
print(len(deleted))  # expect: 0
print(sys.getrefcount(shared[0]))  # expect: 2
shared = None
settle()
print(len(deleted))  # expect: 200
deleted.clear()

# A reference kept by another thread is counted.
x = Tracked(-1)
keep = []


def keeper():
    keep.append(x)


run(keeper)
print(sys.getrefcount(x))  # expect: 3
keep.clear()
print(sys.getrefcount(x))  # expect: 2
del x
settle()
print(deleted)  # expect: [-1]
deleted.clear()


# Objects handed back and forth between two threads.
def ping(src, dst, n):
    for _ in range(n):
        dst.append(src.pop() if src else Tracked(0))


a, b = [], []
ts = [threading.Thread(target=ping, args=(a, b, 2000)), threading.Thread(target=ping, args=(b, a, 2000))]
for t in ts:
    t.start()
for t in ts:
    t.join()
n = len(a) + len(b)
a = b = None
settle()
print(len(deleted) == n)  # expect: True
deleted.clear()


# A generator made in one thread and closed when another drops it.
closed = []


def gen():
    try:
        yield 1
        yield 2
    finally:
        closed.append(True)


g = gen()
next(g)
holder = [g]
del g
run(holder.pop)
settle()
print(closed)  # expect: [True]
