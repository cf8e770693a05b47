# Specialized code shared by threads (with the GIL off, free threading makes
# code read-only: specialized instructions check their guards, and misses run
# the generic instruction). Each thread feeds the same sites other types.
import threading


class P:
    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x


def work(kind, n):
    total = 0
    for i in range(n):
        v = i if kind == 0 else (i * 0.5 if kind == 1 else str(i % 10))
        p = P(v)
        p.x = p.x + p.get()
        a, b = (p.x, kind)
        if kind == 0 and a < n * 2:
            total += a
        elif kind == 1 and a < float(n):
            total += a
        elif kind == 2 and a == "11":
            total += 1
    return total


# Warm up (specialize for ints) before the threads start.
work(0, 500)
results = {}


def run(kind):
    results[kind] = work(kind, 3000)


threads = [threading.Thread(target=run, args=(k,)) for k in (0, 1, 2, 0, 1, 2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))  # expect: [(0, 8997000), (1, 4498500.0), (2, 300)]
print(work(0, 10), work(1, 10), work(2, 100))  # expect: 90 45.0 10
