# getattr (with default), setattr, hasattr, delattr, callable, vars, dir, isinstance with tuples.
class C:
    cls = "class attr"
    def __init__(self):
        self.x = 1
    def method(self):
        return "m"
c = C()
print(getattr(c, "x"), getattr(c, "cls"), getattr(c, "nope", "dflt"))  # expect: 1 class attr dflt
print(getattr(c, "method")())  # expect: m
setattr(c, "y", 2)
print(c.y, hasattr(c, "y"), hasattr(c, "z"))  # expect: 2 True False
delattr(c, "y")
print(hasattr(c, "y"))  # expect: False
print(callable(c), callable(C), callable(c.method), callable(print), callable(3))  # expect: False True True True False
print(vars(c))  # expect: {'x': 1}
print("method" in dir(c), "x" in dir(c), "cls" in dir(C))  # expect: True True True
print("append" in dir([]), "upper" in dir(""), "keys" in dir({}))  # expect: True True True
print(isinstance(1, (str, int)), isinstance("s", (int, float)))  # expect: True False
print(isinstance(True, int), isinstance(1, bool))  # expect: True False
print(isinstance([], (list, tuple)), isinstance({}, dict))  # expect: True True
print(getattr([], "__len__")())  # expect: 0
print(getattr("abc", "upper")())  # expect: ABC
try:
    getattr(c, "missing")
except AttributeError as e:
    print(e)  # expect: 'C' object has no attribute 'missing'
import math
print(hasattr(math, "tau"), getattr(math, "nope", None))  # expect: True None
