# Weak references used from several threads at once (with the GIL off they
# run in parallel): refs made, called and dropped while their objects die in
# other threads; callbacks run once per object. With the GIL off an object
# that other threads may still see is freed at the next quiescent point
# (vm/ft.c), which gc.collect() is: the counts are taken after one.
import gc
import threading
import weakref


class Item:
    pass


lock = threading.Lock()
died = []
shared = [Item() for _ in range(200)]
refs = [weakref.ref(o, lambda w, i=i: died.append(i)) for i, o in enumerate(shared)]


def reader(out):
    alive = 0
    for _ in range(20):
        for r in refs:
            o = r()
            if o is not None:
                alive += 1
                weakref.ref(o)  # the shared basic ref, made or found
    out.append(alive >= 0)


def killer():
    for i in range(0, 200, 2):
        with lock:
            shared[i] = None


def churn(out):
    ws = weakref.WeakSet()
    for _ in range(300):
        objs = [Item() for _ in range(10)]
        for o in objs:
            ws.add(o)
        del objs, o
    sets.append(ws)


out = []
threads = [threading.Thread(target=reader, args=(out,)) for _ in range(3)]
threads += [threading.Thread(target=killer)]
sets = []
threads += [threading.Thread(target=churn, args=(out,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
gc.collect()
print(out, [len(ws) for ws in sets])  # expect: [True, True, True] [0, 0]
print(sorted(died) == list(range(0, 200, 2)))  # expect: True
print(sum(r() is not None for r in refs))  # expect: 100
shared.clear()
gc.collect()
print(len(died), sum(r() is not None for r in refs))  # expect: 200 0
