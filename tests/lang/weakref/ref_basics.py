# weakref.ref: calling it, sharing of the callback-less ref, callbacks when
# the referent dies (after its __del__), counts, hashing and equality, repr,
# and which objects can be weakly referenced.
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Node({self.name})"


a = Node("a")
r = weakref.ref(a)
print(r() is a, r is weakref.ref(a), weakref.ref(a, None) is r)  # expect: True True True
print(weakref.getweakrefcount(a), weakref.getweakrefs(a) == [r], a.__weakref__ is r)  # expect: 1 True True
print(type(r) is weakref.ReferenceType, weakref.ref is weakref.ReferenceType, r.__callback__)  # expect: True True None

events = []


def cb(wr):
    events.append(("cb", wr is r2, wr()))


r2 = weakref.ref(a, cb)
print(r2 is r, weakref.getweakrefcount(a), r2.__callback__ is cb)  # expect: False 2 True
print(r == r2, hash(r) == hash(r2) == hash(a))  # expect: True True
print(repr(r).startswith("<weakref at 0x"), "; to 'Node' at 0x" in repr(r))  # expect: True True

del a
print(events)  # expect: [('cb', True, None)]
print(r(), r2(), repr(r).endswith("; dead>"))  # expect: None None True
print(r == r2, r == r, r != r2)  # expect: False True True
h = hash(r)  # cached while alive
b = Node("b")
rb = weakref.ref(b)
del b
try:
    hash(rb)
except TypeError as e:
    print(e)  # expect: weak object has gone away


# __del__ runs before the weakrefs are cleared.
class Noisy:
    def __del__(self):
        print("del sees", wr() is self)


n = Noisy()
wr = weakref.ref(n, lambda w: print("callback", w() is None))
del n
# expect: del sees True
# expect: callback True

# Callbacks run newest first; a dead weakref's callback does not run.
x = Node("x")
order = []
w1 = weakref.ref(x, lambda w: order.append(1))
w2 = weakref.ref(x, lambda w: order.append(2))
w3 = weakref.ref(x, lambda w: order.append(3))
del w2
del x
print(order)  # expect: [3, 1]

# An exception in a callback is reported and ignored.
y = Node("y")
wy = weakref.ref(y, lambda w: 1 / 0)
del y
print("after")  # expect: after
# expect stderr: ZeroDivisionError: division by zero

# Cycles: the collector frees them and the callbacks run.
c1, c2 = Node("c1"), Node("c2")
c1.other, c2.other = c2, c1
dead = []
wc = weakref.ref(c1, lambda w: dead.append("c1"))
del c1, c2
gc.collect()
print(dead, wc())  # expect: ['c1'] None


# What can be weakly referenced.
def f():
    pass


def g():
    yield 1


print(all(weakref.ref(o)() is o for o in (f, Node, {1}, frozenset([2]), weakref, g())))  # expect: True
for o in (1, "s", (1,), [1], {}, None, b"x"):
    try:
        weakref.ref(o)
    except TypeError as e:
        print(e)
# expect: cannot create weak reference to 'int' object
# expect: cannot create weak reference to 'str' object
# expect: cannot create weak reference to 'tuple' object
# expect: cannot create weak reference to 'list' object
# expect: cannot create weak reference to 'dict' object
# expect: cannot create weak reference to 'NoneType' object
# expect: cannot create weak reference to 'bytes' object
m = Node("m").__repr__
print(weakref.ref(m)() == m)  # expect: True
print(weakref.ref(Node("n").__repr__)())  # expect: None


# A subclass of ref with extra state.
class Tagged(weakref.ref):
    def __init__(self, ob, callback=None, tag=None):
        super().__init__(ob, callback)
        self.tag = tag

    def __new__(cls, ob, callback=None, tag=None):
        return super().__new__(cls, ob, callback)


t_obj = Node("t")
t = Tagged(t_obj, None, "hello")
print(t() is t_obj, t.tag, t is not weakref.ref(t_obj), isinstance(t, weakref.ref))  # expect: True hello True True
