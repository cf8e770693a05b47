# dict: get, setdefault, pop, popitem, update, copy, fromkeys, clear.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0))  # expect: 1 None 0
print(d.setdefault("a", 100), d.setdefault("c", 3))  # expect: 1 3
print(d)  # expect: {'a': 1, 'b': 2, 'c': 3}
print(d.setdefault("n"))  # expect: None
print(d.pop("n"), d.pop("zz", "default"))  # expect: None default
print(d.popitem())  # expect: ('c', 3)
print(d)  # expect: {'a': 1, 'b': 2}
d.update({"b": 20, "x": 5})
print(d)  # expect: {'a': 1, 'b': 20, 'x': 5}
d.update([("y", 6)], z=7)
print(d)  # expect: {'a': 1, 'b': 20, 'x': 5, 'y': 6, 'z': 7}
c = d.copy()
c["a"] = 0
print(d["a"], c["a"])  # expect: 1 0
print(dict.fromkeys("ab"))  # expect: {'a': None, 'b': None}
print(dict.fromkeys([1, 2], 0))  # expect: {1: 0, 2: 0}
c.clear()
print(c, len(c))  # expect: {} 0
lists = {}
lists.setdefault("k", []).append(1)
lists.setdefault("k", []).append(2)
print(lists)  # expect: {'k': [1, 2]}
try:
    {}.popitem()
except KeyError as e:
    print(e)  # expect: 'popitem(): dictionary is empty'
try:
    d.pop("missing")
except KeyError as e:
    print(repr(e))  # expect: KeyError('missing')
