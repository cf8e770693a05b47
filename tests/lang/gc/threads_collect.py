# Several threads call gc.collect() while others make and drop cycles and
# share containers: every cycle is reclaimed once, shared data survives, and
# a finalizer that resurrects its object (storing it in a shared list) keeps
# it alive.
import gc
import threading

lock = threading.Lock()
deleted = 0
saved = []
shared = {"list": [], "dict": {}}


class Node:
    def __init__(self, keep=False):
        self.me = self
        self.keep = keep

    def __del__(self):
        global deleted
        with lock:
            deleted += 1
            if self.keep:
                saved.append(self)


def maker(n, tid):
    for i in range(n):
        a = Node(keep=(i % 100 == 0))
        b = [a, {"b": None}]
        b[1]["b"] = b
        shared["list"].append((tid, i))
        shared["dict"][(tid, i)] = [tid]
        del a, b


def collector(n):
    total = 0
    for i in range(n):
        total += gc.collect()
    return total


gc.disable()
makers = [threading.Thread(target=maker, args=(500, t)) for t in range(2)]
collectors = [threading.Thread(target=collector, args=(20,)) for t in range(2)]
for t in makers + collectors:
    t.start()
for t in makers + collectors:
    t.join()
gc.collect()
print(deleted, len(saved))
# expect: 1000 10
print(len(shared["list"]), len(shared["dict"]), shared["dict"][(1, 499)])
# expect: 1000 1000 [1]
print(all(n.me is n for n in saved))
# expect: True
saved.clear()
gc.collect()
print(deleted)
# expect: 1000
gc.enable()
