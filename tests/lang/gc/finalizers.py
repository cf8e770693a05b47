# PEP 442: __del__ of an object in a cycle runs once, before the cycle is
# destroyed; a __del__ that stores its object somewhere resurrects it (and
# everything it refers to), and does not run again.
import gc

class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name, "sees", self.partner.name)

a = A("a")
b = A("b")
a.partner = b
b.partner = a
del a, b
gc.collect()
# expect: del a sees b
# expect: del b sees a
print(gc.collect())         # expect: 0

saved = []
class R:
    calls = 0
    def __del__(self):
        R.calls += 1
        print("R.__del__", R.calls)
        saved.append(self)

r = R()
r.me = r
r.data = [1, 2, 3]
del r
print(gc.collect())         # expect: R.__del__ 1
# expect: 0
print(len(saved), saved[0].data, saved[0].me is saved[0])   # expect: 1 [1, 2, 3] True
saved.clear()
print(gc.collect() > 0)     # expect: True
print(R.calls)              # expect: 1

# Resurrecting one object of a cycle keeps the whole cycle alive.
keep = []
class K:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("K del", self.name)
        if self.name == "k1":
            keep.append(self)

k1 = K("k1")
k2 = K("k2")
k1.next = k2
k2.next = k1
del k1, k2
print(gc.collect())
# expect: K del k1
# expect: K del k2
# expect: 0
print(keep[0].next.name)    # expect: k2
keep.clear()
print(gc.collect() > 0)     # expect: True
print("no second __del__")  # expect: no second __del__

# Errors in __del__ are reported, and the collection goes on.
class Bad:
    def __del__(self):
        raise ValueError("boom")
x = Bad()
x.me = x
del x
print(gc.collect() > 0)     # expect: True
# expect stderr: Traceback (most recent call last):
# expect stderr:     raise ValueError("boom")
# expect stderr: ValueError: boom
