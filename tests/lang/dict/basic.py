# dict: literals, lookup, assignment, len, membership, deletion, repr.
d = {"a": 1, "b": 2}
print(d)  # expect: {'a': 1, 'b': 2}
print(d["a"], len(d))  # expect: 1 2
d["c"] = 3
d["a"] = 10
print(d)  # expect: {'a': 10, 'b': 2, 'c': 3}
print("a" in d, "z" in d, 10 in d)  # expect: True False False
print("z" not in d)  # expect: True
del d["b"]
print(d)  # expect: {'a': 10, 'c': 3}
print({})  # expect: {}
print({1: "one", 2.5: None, (1, 2): [3], "k": {"n": 1}})  # expect: {1: 'one', 2.5: None, (1, 2): [3], 'k': {'n': 1}}
e = {1: "int"}
e[1.0] = "float"
e[True] = "bool"
print(e)  # expect: {1: 'bool'}
print(dict(x=1, y=2))  # expect: {'x': 1, 'y': 2}
print(dict([("a", 1), ("b", 2)]))  # expect: {'a': 1, 'b': 2}
print(dict({"a": 1}, b=2))  # expect: {'a': 1, 'b': 2}
print(dict(zip("abc", range(3))))  # expect: {'a': 0, 'b': 1, 'c': 2}
print({k: k * k for k in range(4)})  # expect: {0: 0, 1: 1, 2: 4, 3: 9}
print(list({"x": 1, "y": 2}))  # expect: ['x', 'y']
d = {"self": 1}
d["self"] = d
print(d)  # expect: {'self': {...}}
