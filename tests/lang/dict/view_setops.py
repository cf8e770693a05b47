# Set operations between dict views and other iterables, either side.
d = {1: 2, 3: 4}
print({1} - d.keys())          # expect: set()
print(sorted([5] | d.keys()))  # expect: [1, 3, 5]
print(d.keys() & d.keys())     # expect: {1, 3}
print([3, 7] - d.keys())       # expect: {7}
print(d.keys() - [1])          # expect: {3}
print(sorted(d.items() | [(5, 6)]))  # expect: [(1, 2), (3, 4), (5, 6)]
print(sorted(d.keys() ^ {5, 1}))     # expect: [3, 5]
print((1, 2) ^ d.keys())       # expect: {2, 3}
print(frozenset({1}) & d.keys())  # expect: {1}
print(d.items() & {(1, 2), (3, 5)})  # expect: {(1, 2)}
try:
    3 - d.keys()
except TypeError as e:
    print(e)                   # expect: 'int' object is not iterable
try:
    d.keys() | 3
except TypeError as e:
    print(e)                   # expect: 'int' object is not iterable
