# LOAD_ATTR and STORE_ATTR on instance attributes from the same code
# location, while the instances, their dicts and their classes change
# under them (the interpreter may cache where it found the attribute).


class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b


def get_b(o):
    return o.b


def set_b(o, v):
    o.b = v


p = P(1, 2)
q = P(3, 4)
for _ in range(3):
    print(get_b(p), get_b(q))

# Attributes set in another order: b sits at another index.
r = P.__new__(P)
r.b = 10
r.a = 11
print(get_b(r), get_b(p))
set_b(r, 12)
set_b(p, 5)
print(r.b, r.a, p.b, p.a)

# Deleted and set again: the entry moves.
del p.b
try:
    get_b(p)
except AttributeError as e:
    print("AttributeError", e)
p.b = 6
print(get_b(p), p.__dict__)
set_b(p, 7)
print(p.__dict__)

# A fresh __dict__ replaces the old one.
p.__dict__ = {"b": 8}
print(get_b(p))
set_b(p, 9)
print(p.__dict__)


# A data descriptor added to the class later wins over the instance dict.
def getter(self):
    return "property"


P.b = property(getter, lambda self, v: print("setter", v))
print(get_b(q))
set_b(q, 13)
print(q.__dict__["b"])
del P.b
print(get_b(q))
set_b(q, 14)
print(get_b(q))

# A non-data descriptor (a plain class attribute) does not: the instance wins.
P.b = "class attribute"
print(get_b(q))
del q.b
print(get_b(q))
del P.b


# __class__ changes to a class with a property of that name.
class Q(P):
    @property
    def b(self):
        return "Q.b"


q.b = 15
print(get_b(q))
q.__class__ = Q
print(get_b(q))
try:
    set_b(q, 16)
except AttributeError as e:
    print("AttributeError", "can't set" in str(e) or "no setter" in str(e))
q.__class__ = P
print(get_b(q))


# __setattr__ / __getattribute__ overrides are honoured.
class Loud(P):
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)

    def __getattribute__(self, name):
        v = object.__getattribute__(self, name)
        return ("got", v) if name == "b" else v


s = Loud(1, 2)
set_b(s, 3)
print(get_b(s))


# Many instances and many attributes.
class Many:
    pass


objs = []
for i in range(50):
    o = Many()
    for k in range(i % 7):
        setattr(o, "x%d" % k, k)
    o.b = i
    objs.append(o)
print(sum(get_b(o) for o in objs))
for o in objs:
    set_b(o, get_b(o) * 2)
print(sum(o.b for o in objs))
# expect: 2 4
# expect: 2 4
# expect: 2 4
# expect: 10 2
# expect: 12 11 5 1
# expect: AttributeError 'P' object has no attribute 'b'
# expect: 6 {'a': 1, 'b': 6}
# expect: {'a': 1, 'b': 7}
# expect: 8
# expect: {'b': 9}
# expect: property
# expect: setter 13
# expect: 4
# expect: 4
# expect: 14
# expect: 14
# expect: class attribute
# expect: 15
# expect: Q.b
# expect: AttributeError True
# expect: 15
# expect: set a 1
# expect: set b 2
# expect: set b 3
# expect: ('got', 3)
# expect: 1225
# expect: 2450
