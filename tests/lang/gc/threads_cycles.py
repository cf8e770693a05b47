# Cycles made and dropped in several threads at once (with the GIL off, in
# parallel) are all reclaimed by gc.collect(); their __del__ runs once each.
import gc
import threading

lock = threading.Lock()
deleted = 0


class Node:
    def __init__(self, tag):
        self.tag = tag
        self.other = None
        self.items = [self]

    def __del__(self):
        global deleted
        with lock:
            deleted += 1


def make_cycles(n, tag):
    for i in range(n):
        a = Node(tag)
        b = Node(tag)
        a.other = b
        b.other = a
        d = {"self": None, "node": a}
        d["self"] = d


gc.disable()
gc.collect()
N = 300
threads = [threading.Thread(target=make_cycles, args=(N, t)) for t in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(deleted)
# expect: 0
found = gc.collect()
print(deleted, found >= 4 * N * 3)
# expect: 2400 True
print(gc.collect())
# expect: 0
print(deleted)
# expect: 2400
gc.enable()
