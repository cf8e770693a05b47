# Coroutines and async generators are containers for the cycle collector: a
# suspended one in an unreachable cycle is closed (finally blocks run, once)
# and freed; one never started gives the "never awaited" warning.
import gc


class Tick:
    def __await__(self):
        yield


async def task(name, box):
    try:
        await Tick()
        await Tick()
    finally:
        print("finally", name, len(box))


box = []
c = task("c", box)
box.append(c)  # box -> c -> (frame) box
c.send(None)
del c, box
print("collect")  # expect: collect
print(gc.collect())
# expect: finally c 1
# expect: 0


# A coroutine awaiting itself through an awaitable that holds it.
class Holder:
    def __init__(self):
        self.coro = None

    def __await__(self):
        yield "held"


async def selfish(h):
    try:
        await h
    finally:
        print("selfish finally", h.coro is not None)


h = Holder()
h.coro = selfish(h)
h.coro.send(None)
del h
gc.collect()
# expect: selfish finally True


# An async generator in a cycle with its own awaitable.
async def agen(store):
    try:
        yield 1
        yield 2
    finally:
        print("agen finally")


store = []
g = agen(store)
step = g.__anext__()
store.append(step)
try:
    step.send(None)
except StopIteration as e:
    print("got", e.value)
# expect: got 1
store.append(g)
del g, step, store
gc.collect()
# expect: agen finally


# A coroutine never started, only reachable from a cycle: freed by the
# collector, with the warning.
async def idle():
    pass


cyc = [idle()]
cyc.append(cyc)
del cyc
n = gc.collect()
print(n)  # expect: 2
# expect stderr: {FILE}:88: RuntimeWarning: coroutine 'idle' was never awaited
# expect stderr:   n = gc.collect()
# expect stderr: RuntimeWarning: Enable tracemalloc to get the object allocation traceback

# gc.get_referents sees into a suspended coroutine's frame.
marker = object()


async def holds(x):
    await Tick()


c = holds(marker)
c.send(None)
print(any(marker is r for r in gc.get_referents(c)))  # expect: True
c.close()
