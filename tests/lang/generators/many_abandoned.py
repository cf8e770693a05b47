# Creating and abandoning 100,000 suspended generators: each one is closed (its finally runs) and
# freed when dropped, so nothing accumulates. (tests/unit/test_gen_leaks.c checks memory itself.)
import sys

shared = object()
base = sys.getrefcount(shared)
closed = 0


def worker(obj, n):
    global closed
    local_list = [obj, n]
    try:
        while True:
            yield local_list
    finally:
        closed += 1


def delegating(obj, n):
    yield from worker(obj, n)


for i in range(100000):
    g = worker(shared, i)
    next(g)  # suspended at the yield, holding a list that holds `shared`
print(closed, sys.getrefcount(shared) - base)  # the last one is still alive  # expect: 99999 2
del g
print(closed, sys.getrefcount(shared) - base)  # expect: 100000 0

closed = 0
for i in range(100000):
    d = delegating(shared, i)
    next(d)
    d.send(None)
del d
print(closed, sys.getrefcount(shared) - base)  # expect: 100000 0

# Generator expressions and never-started generators too.
for i in range(100000):
    e = (shared for _ in range(2))
    next(e)
    u = worker(shared, i)
del e, u
print(closed, sys.getrefcount(shared) - base)  # expect: 100000 0

# Abandoned in a container.
batch = []
for i in range(1000):
    g = worker(shared, i)
    next(g)
    batch.append(g)
del g
print(sys.getrefcount(shared) - base)  # two per suspended generator: the argument and the list  # expect: 2000
del batch
print(closed, sys.getrefcount(shared) - base)  # expect: 101000 0
