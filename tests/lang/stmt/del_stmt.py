# del: names, list items and slices, dict items, attributes, multiple targets.
x = 1
del x
try:
    x
except NameError as e:
    print(e)  # expect: name 'x' is not defined
a = [0, 1, 2, 3, 4, 5]
del a[0]
print(a)  # expect: [1, 2, 3, 4, 5]
del a[-1], a[0]
print(a)  # expect: [2, 3, 4]
a = list(range(8))
del a[1:7:2]
print(a)  # expect: [0, 2, 4, 6, 7]
d = {"a": 1, "b": 2}
del d["a"]
print(d)  # expect: {'b': 2}
class C:
    cls_attr = "c"
o = C()
o.attr = 1
print(hasattr(o, "attr"))  # expect: True
del o.attr
print(hasattr(o, "attr"))  # expect: False
del C.cls_attr
print(hasattr(C, "cls_attr"))  # expect: False
p, q = 1, 2
del p, q
print("p" in dir(), "q" in dir())  # expect: False False
def f():
    y = 5
    del y
    try:
        return y
    except UnboundLocalError as e:
        return str(e)
print(f())  # expect: cannot access local variable 'y' where it is not associated with a value
try:
    del o.missing
except AttributeError as e:
    print(e)  # expect: 'C' object has no attribute 'missing'
