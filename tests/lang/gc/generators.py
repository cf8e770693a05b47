# A suspended generator in an unreachable cycle is closed by the collector:
# its finally blocks run (GeneratorExit at the yield), once.
import gc

def worker(name, box):
    try:
        yield 1
        yield 2
    finally:
        print("finally", name, len(box))

box = []
g = worker("g", box)
box.append(g)               # box -> g -> (frame) box
next(g)
del g, box
print("collect")            # expect: collect
n = gc.collect()            # expect: finally g 1
# Closing the generator cleared its frame, which broke the cycle: reference
# counting freed both objects before the collector got to count them.
print(n)                    # expect: 0

# A generator that refers to itself through its own frame.
def selfish():
    me = yield
    try:
        yield "got me"
    finally:
        print("selfish finally", me is not None)

s = selfish()
next(s)
print(s.send(s))            # expect: got me
del s
print(gc.collect())         # expect: selfish finally True
# expect: 0

# A generator that was never started has no finally to run.
def never():
    try:
        yield 1
    finally:
        print("never printed")
lst = [never()]
lst.append(lst)
del lst
print(gc.collect())         # expect: 2

# Finished generators hold nothing.
def done():
    yield 1
d = done()
for _ in d:
    pass
d2 = [d]
d2.append(d2)
del d, d2
print(gc.collect())         # expect: 2
