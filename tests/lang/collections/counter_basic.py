# collections.Counter: counting, most_common, elements, update/subtract, arithmetic, repr.
from collections import Counter

c = Counter("abracadabra")
print(c)  # expect: Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1})
print(c["a"], c["z"], "z" in c)  # expect: 5 0 False
print(c.most_common(2), c.most_common(0), len(c.most_common()))  # expect: [('a', 5), ('b', 2)] [] 5
print(c.total(), sorted(c.elements()))  # expect: 11 ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'c', 'd', 'r', 'r']
print(Counter(), Counter(cats=4, dogs=8), Counter({"x": 2, "y": 3}))  # expect: Counter() Counter({'dogs': 8, 'cats': 4}) Counter({'y': 3, 'x': 2})

words = "the quick brown fox jumps over the lazy dog the end".split()
print(Counter(words).most_common(1))  # expect: [('the', 3)]

c.update("aaz")
c.update({"b": 10})
c.subtract(a=6, r=2)
c.subtract("c")
print(c)  # expect: Counter({'b': 12, 'a': 1, 'd': 1, 'z': 1, 'r': 0, 'c': 0})
del c["nothing"]    # no KeyError
del c["r"]
print(list(c))  # expect: ['a', 'b', 'c', 'd', 'z']

x = Counter(a=3, b=1, c=-2)
y = Counter(a=1, b=2, d=4)
print(x + y)  # expect: Counter({'a': 4, 'd': 4, 'b': 3})
print(x - y)  # expect: Counter({'a': 2})
print(x | y)  # expect: Counter({'d': 4, 'a': 3, 'b': 2})
print(x & y)  # expect: Counter({'a': 1, 'b': 1})
print(+x, -x)  # expect: Counter({'a': 3, 'b': 1}) Counter({'c': 2})
z = Counter(a=1)
z += Counter(a=1, b=-5)
print(z)  # expect: Counter({'a': 2})
z -= Counter(a=5)
print(z)  # expect: Counter()

print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) != Counter(a=2))  # expect: True True
print(Counter(a=1) <= Counter(a=1, b=1), Counter(a=2) < Counter(a=1))  # expect: True False
print(Counter("ab") == {"a": 1, "b": 1})  # expect: True

try:
    Counter.fromkeys("abc")
except NotImplementedError as e:
    print("NotImplementedError:", e)  # expect: NotImplementedError: Counter.fromkeys() is undefined.  Use Counter(iterable) instead.

# Ties keep first-encountered order.
print(Counter("bbaacc").most_common())  # expect: [('b', 2), ('a', 2), ('c', 2)]
print(Counter([1, 2, 2, 3, 3, 3]).most_common(2))  # expect: [(3, 3), (2, 2)]
copy = Counter("aab").copy()
print(type(copy).__name__, copy)  # expect: Counter Counter({'a': 2, 'b': 1})
print(sum(Counter("hello").values()), max(Counter("hello").items(), key=lambda kv: kv[1]))  # expect: 5 ('l', 2)
