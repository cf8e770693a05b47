# collections.defaultdict: __missing__ via the factory, repr, copy, errors.
from collections import defaultdict

groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(groups)  # expect: defaultdict(<class 'list'>, {'a': ['apple', 'avocado'], 'b': ['banana', 'blueberry'], 'c': ['cherry']})
print(groups["z"], len(groups), "z" in groups)  # expect: [] 4 True
print(groups.get("q"), "q" in groups)  # expect: None False

counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(dict(counts), counts.default_factory)  # expect: {'m': 1, 'i': 4, 's': 4, 'p': 2} <class 'int'>
print(isinstance(counts, dict), counts == {'m': 1, 'i': 4, 's': 4, 'p': 2})  # expect: True True

nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 2
print(nested["x"]["y"], dict(nested["x"]))  # expect: 2 {'y': 2}

plain = defaultdict()
print(plain, plain.default_factory)  # expect: defaultdict(None, {}) None
try:
    plain["missing"]
except KeyError as e:
    print("KeyError:", e)  # expect: KeyError: 'missing'

print(defaultdict(str, {"a": "x"}, b="y"))  # expect: defaultdict(<class 'str'>, {'a': 'x', 'b': 'y'})
print(defaultdict(list, [("k", [1])]))  # expect: defaultdict(<class 'list'>, {'k': [1]})

c = counts.copy()
c["new"] += 5
print(type(c).__name__, c["new"], "new" in counts, c.default_factory)  # expect: defaultdict 5 False <class 'int'>
merged = defaultdict(int, {"a": 1}) | {"b": 2}
print(merged)  # expect: defaultdict(<class 'int'>, {'a': 1, 'b': 2})

# The factory can be changed or removed.
counts.default_factory = None
try:
    counts["zz"]
except KeyError as e:
    print("KeyError:", e)  # expect: KeyError: 'zz'
counts.default_factory = lambda: -1
print(counts["zz"])  # expect: -1

try:
    defaultdict(5)
except TypeError as e:
    print("TypeError:", e)  # expect: TypeError: first argument must be callable or None

class Tree(defaultdict):
    def __init__(self):
        super().__init__(Tree)
t = Tree()
t["a"]["b"]["c"]
print(list(t), list(t["a"]), list(t["a"]["b"]), type(t["a"]).__name__)  # expect: ['a'] ['b'] ['c'] Tree
