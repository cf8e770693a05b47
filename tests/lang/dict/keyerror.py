# dict: KeyError carries the missing key; its str is the repr of the key.
d = {"a": 1}
try:
    d["x"]
except KeyError as e:
    print(e)  # expect: 'x'
    print(e.args)  # expect: ('x',)
try:
    d[42]
except KeyError as e:
    print(e)  # expect: 42
try:
    d[(1, "b")]
except KeyError as e:
    print(e)  # expect: (1, 'b')
try:
    del d["nope"]
except KeyError as e:
    print("del", e)  # expect: del 'nope'
try:
    {}[[1]] = 2
except TypeError as e:
    print(e)  # expect: unhashable type: 'list'
try:
    {1: 2}[{}]
except TypeError as e:
    print(e)  # expect: unhashable type: 'dict'
print(isinstance(KeyError("k"), LookupError))  # expect: True
