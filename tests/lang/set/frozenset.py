# frozenset: immutable, hashable, usable as dict key and set element, repr.
f = frozenset([1, 2, 3])
print(f)  # expect: frozenset({1, 2, 3})
print(frozenset())  # expect: frozenset()
print(f | {4})  # expect: frozenset({1, 2, 3, 4})
print({4} | f)  # expect: {1, 2, 3, 4}
print(f & frozenset([2, 9]))  # expect: frozenset({2})
print(f == {1, 2, 3})  # expect: True
d = {f: "frozen"}
print(d[frozenset([3, 2, 1])])  # expect: frozen
print({frozenset([1]), frozenset([1])})  # expect: {frozenset({1})}
print(hash(f) == hash(frozenset([3, 1, 2])))  # expect: True
print(2 in f, len(f))  # expect: True 3
print(type(f).__name__)  # expect: frozenset
print(hasattr(f, "add"))  # expect: False
try:
    hash({1})
except TypeError as e:
    print(e)  # expect: unhashable type: 'set'
