# Deeply nested data: repr, str, ==, <, hash, json-like printing and
# deallocation never overflow the C stack. The recursive operations raise
# RecursionError; freeing a 1,000,000-deep list just works.

def nest_list(n):
    a = []
    for _ in range(n):
        a = [a]
    return a

def nest_dict(n):
    d = {}
    for _ in range(n):
        d = {"k": d}
    return d

def nest_tuple(n):
    t = ()
    for _ in range(n):
        t = (t,)
    return t

def attempt(what, fn):
    try:
        fn()
        print(what, "ok")
    except RecursionError as e:
        print(what, "RecursionError")

a = nest_list(100000)
attempt("repr(list)", lambda: repr(a))
attempt("str(list)", lambda: str(a))
attempt("print(list)", lambda: print(a))
b = nest_list(100000)
attempt("list == list", lambda: a == b)
attempt("list < list", lambda: a < b)
d = nest_dict(100000)
attempt("str(dict)", lambda: str(d))
attempt("dict == dict", lambda: d == nest_dict(100000))
attempt("format(dict)", lambda: f"{d}")
t = nest_tuple(100000)
attempt("repr(tuple)", lambda: repr(t))
attempt("tuple == tuple", lambda: t == nest_tuple(100000))
# expect: repr(list) RecursionError
# expect: str(list) RecursionError
# expect: print(list) RecursionError
# expect: list == list RecursionError
# expect: list < list RecursionError
# expect: str(dict) RecursionError
# expect: dict == dict RecursionError
# expect: format(dict) RecursionError
# expect: repr(tuple) RecursionError
# expect: tuple == tuple RecursionError

# A shallow structure still prints, and a self-reference shows as [...].
s = nest_list(3)
print(s)
# expect: [[[[]]]]
s.append(s)
print(s)
# expect: [[[[]]], [...]]
dd = {}
dd["self"] = dd
print(dd)
# expect: {'self': {...}}

# Deallocation of very deep structures (the trashcan), built in loops.
del a, b, d, t
deep = nest_list(1000000)
del deep
deep = nest_dict(300000)
del deep
deep = nest_tuple(300000)
del deep
x = None
for i in range(300000):
    x = {"next": x, "items": [x]}
del x
class Node:
    pass
n = None
for i in range(300000):
    m = Node()
    m.next = n
    n = m
del n, m
it = iter([])
for i in range(100000):
    it = iter([it])
del it
print("freed")
# expect: freed
