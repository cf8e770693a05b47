# UNPACK_SEQUENCE and BINARY_SUBSCR sites that specialize on tuples, lists or
# dicts and then see other containers; a FOR_ITER site whose iterable turns
# from a list into a tuple, a range and a generator.


def swap(pair):
    a, b = pair
    return b, a


def three(seq):
    x, y, z = seq
    return x + y + z


def first(c, k):
    return c[k]


for i in range(100):
    swap((i, i + 1))
    three((1, 2, 3))
    first([1, 2, 3], 1)
    first((1, 2), -1)
    first({"a": 1}, "a")
print(swap((1, 2)), three((1, 2, 3)), first([5, 6], 1), first((7, 8), -2), first({"k": 9}, "k"))  # expect: (2, 1) 6 6 7 9
# The tuple sites see lists, strings, generators and wrong lengths.
print(swap([3, 4]), swap("ab"), swap(x for x in (5, 6)), three([1, 2, 3]), three("abc"))  # expect: (4, 3) ('b', 'a') (6, 5) 6 abc
try:
    swap((1, 2, 3))
except ValueError as e:
    print(e)  # expect: too many values to unpack (expected 2)
try:
    three([1])
except ValueError as e:
    print(e)  # expect: not enough values to unpack (expected 3, got 1)
try:
    swap(5)
except TypeError as e:
    print(e)  # expect: cannot unpack non-iterable int object
# Subscript sites: out of range, negative, other keys and containers.
try:
    first([1, 2], 2)
except IndexError as e:
    print(e)  # expect: list index out of range
try:
    first((1, 2), -3)
except IndexError as e:
    print(e)  # expect: tuple index out of range
try:
    first({}, "missing")
except KeyError as e:
    print(repr(e))  # expect: KeyError('missing')
print(first([1, 2, 3], -1), first([1, 2, 3], 2**70 // 2**69), first("xyz", 1), first([1, 2, 3], slice(1, None)))  # expect: 3 3 y [2, 3]
print(first({(1, 2): "t"}, (1, 2)), first(range(10), 4), first([1, 2], True))  # expect: t 4 2


class D(dict):
    def __missing__(self, key):
        return "missing " + key


print(first(D(), "k"))  # expect: missing k
# A FOR_ITER site over a list, then a tuple, a range, a dict and a generator.


def total(items):
    t = 0
    for v in items:
        t += v
    return t


data = list(range(10))
for i in range(100):
    total(data)
print(total(data), total(tuple(data)), total(range(10)), total({1: "a", 2: "b"}), total(v for v in data))  # expect: 45 45 45 3 45
# Mutating the list while a specialized site iterates it.
grow = [1, 2, 3]
seen = []
for v in grow:
    seen.append(v)
    if v < 5:
        grow.append(v + 3)
print(seen)  # expect: [1, 2, 3, 4, 5, 6, 7]
# STORE_SUBSCR sites: list then dict then other containers, out of range.


def put(c, k, v):
    c[k] = v


lst = [0] * 5
dct = {}
for i in range(100):
    put(lst, i % 5, i)
    put(dct, i % 3, i)
print(lst, dct)  # expect: [95, 96, 97, 98, 99] {0: 99, 1: 97, 2: 98}
put(lst, -1, "last")
put(dct, "k", "v")

class Box:
    def __setitem__(self, k, v):
        print("Box set", k, v)


put(Box(), 0, 65)  # expect: Box set 0 65
put(lst, slice(0, 2), ["x"])
print(lst, dct["k"])  # expect: ['x', 97, 98, 'last'] v
try:
    put(lst, 10, 0)
except IndexError as e:
    print(e)  # expect: list assignment index out of range
try:
    put({}, [], 0)
except TypeError as e:
    print(e)  # expect: unhashable type: 'list'
