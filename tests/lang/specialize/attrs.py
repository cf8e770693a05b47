# LOAD_ATTR / STORE_ATTR / LOAD_METHOD sites that specialize on a class and
# then see the class or the instance change: new attribute layouts, data
# descriptors added after specialization, methods replaced on the class,
# instance attributes shadowing methods, __class__ and __dict__ assignment.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def total(self):
        return self.x + self.y


def get_x(o):
    return o.x


def set_x(o, v):
    o.x = v


def call_total(o):
    return o.total()


ps = [P(i, 2 * i) for i in range(100)]
for p in ps:
    set_x(p, get_x(p) + 1)
    call_total(p)
print(get_x(ps[5]), call_total(ps[5]))  # expect: 6 16
# Another layout: attributes inserted in another order, or deleted and re-added.
q = P(1, 2)
del q.x
q.z = 9
q.x = 40
print(get_x(q), call_total(q), sorted(vars(q)))  # expect: 40 42 ['x', 'y', 'z']
r = P(1, 2)
r.__dict__ = {"y": 5, "x": 7}
print(get_x(r), call_total(r))  # expect: 7 12
set_x(r, 8)
print(r.__dict__)  # expect: {'y': 5, 'x': 8}
# Missing attribute at a specialized site.
e = P(0, 0)
del e.x
try:
    get_x(e)
except AttributeError as err:
    print(err)  # expect: 'P' object has no attribute 'x'
# An instance attribute that shadows the method.
s = P(1, 1)
s.total = lambda: "shadowed"
print(call_total(s), call_total(ps[0]))  # expect: shadowed 1
# The method replaced on the class.
P.total = lambda self: "replaced"
print(call_total(ps[1]))  # expect: replaced
# A property (data descriptor) added on the class wins over the instance dict.
P.x = property(lambda self: "prop", lambda self, v: print("setter", v))
print(get_x(ps[2]))  # expect: prop
set_x(ps[2], 5)  # expect: setter 5
print(ps[2].__dict__["x"])  # expect: 3
del P.x
print(get_x(ps[2]))  # expect: 3
# __getattr__ added on the class later: only used when the lookup fails.
P.__getattr__ = lambda self, name: "getattr " + name
print(get_x(ps[3]), get_x(e))  # expect: 4 getattr x
del P.__getattr__
# __class__ assignment switches the layout.


class Q:
    x = "class attr"

    def total(self):
        return "Q.total"


t = P(1, 2)
t.__class__ = Q
print(get_x(t), call_total(t))  # expect: 1 Q.total
del t.x
print(get_x(t))  # expect: class attr
# Other kinds of objects at the same sites.


class Slots:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = "slot"

    def total(self):
        return "Slots.total"


def fn():
    pass


fn.x = "function attr"
print(get_x(Slots()), call_total(Slots()), get_x(fn), call_total(Slots()))  # expect: slot Slots.total function attr Slots.total
sl = Slots()
set_x(sl, "set")
print(sl.x)  # expect: set


class WithSetattr:
    def __setattr__(self, name, value):
        object.__setattr__(self, name, ("via", value))


w = WithSetattr()
set_x(w, 1)
print(w.x)  # expect: ('via', 1)
# A class attribute read through instances, then shadowed by an instance attribute.


class Counter:
    x = 0


c = Counter()
for i in range(100):
    get_x(c)
c.x = "own"
print(get_x(c), get_x(Counter()), Counter.x)  # expect: own 0 0
# Methods of builtin types (no instance dict) at a specialized site.


def upper(s):
    return s.upper()


for i in range(100):
    upper("a")
print(upper("abc"), upper(b"xy"))  # expect: ABC b'XY'


class U:
    def upper(self):
        return "U.upper"


print(upper(U()))  # expect: U.upper
# Class attributes rebound to other plain values (the version tag may stay):
# reads through the class, instances and subclasses see the new value, and a
# subclass that overrides the name keeps its own.


class Base:
    count = 0
    label = "base"


class Mid(Base):
    pass


class Leaf(Mid):
    label = "leaf"


def read(o):
    return o.count, o.label


objs = [Base(), Mid(), Leaf()]
for i in range(100):
    Base.count += 1
    for o in objs:
        read(o)
print(Base.count, [read(o) for o in objs])  # expect: 100 [(100, 'base'), (100, 'base'), (100, 'leaf')]
Base.label = "BASE"
Mid.count = -1
print([read(o) for o in objs])  # expect: [(100, 'BASE'), (-1, 'BASE'), (-1, 'leaf')]
del Mid.count
Base.count = 7
print([read(o) for o in objs], Leaf.count)  # expect: [(7, 'BASE'), (7, 'BASE'), (7, 'leaf')] 7
Base.count = lambda self: "now a method"
print(objs[2].count())  # expect: now a method
Base.count = 3
print(read(objs[1]))  # expect: (3, 'BASE')
