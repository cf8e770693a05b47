# pickle round trips of the built-in types at every protocol, shared and
# recursive structures, dump/load with files.
import os
import pickle

values = [
    None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -2**31, 2**31 - 1, 2**31,
    2**64, -2**64, 2**200 + 12345, -(2**200), 1.5, -0.0, 1e300, 1e-300, float("inf"),
    "", "abc", "h\u00e9llo w\u00f6rld \u4e16\u754c \U0001f600", "x" * 1000,
    b"", b"\x00\xff\x10", b"y" * 300,
    (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), ((1, 2), [3, 4]),
    [], [1, "a", None], list(range(2500)),
    {}, {"a": 1, 2: "b", (1, 2): [3]}, {i: str(i) for i in range(1100)},
    set(), {1, 2, 3}, frozenset(), frozenset({"a", "b"}), set(range(1200)),
]
ok = True
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for v in values:
        data = pickle.dumps(v, proto)
        r = pickle.loads(data)
        if r != v or type(r) is not type(v):
            print("mismatch", proto, repr(v)[:40])
            ok = False
print("round trips:", ok)
# expect: round trips: True
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
# expect: 5 4
print(type(pickle.dumps(1)).__name__, pickle.dumps(None, 2)[:2], pickle.dumps(None, 4)[-1:])
# expect: bytes b'\x80\x02' b'.'

nan = pickle.loads(pickle.dumps(float("nan")))
print(nan != nan, str(pickle.loads(pickle.dumps(-0.0))))
# expect: True -0.0

# Shared references stay shared; recursive structures load.
shared = [1, 2]
pair = pickle.loads(pickle.dumps([shared, shared, (shared,)]))
print(pair, pair[0] is pair[1], pair[2][0] is pair[0])
# expect: [[1, 2], [1, 2], ([1, 2],)] True True

lst = [1]
lst.append(lst)
r = pickle.loads(pickle.dumps(lst))
print(r[1] is r, r[0])
# expect: True 1

d = {"name": "d"}
d["self"] = d
r = pickle.loads(pickle.dumps(d))
print(r["self"] is r, r["name"])
# expect: True d

t = ([],)
t[0].append(t)
same = []
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    r = pickle.loads(pickle.dumps(t, proto))
    same.append(r[0][0] is r)
print(*same)
# expect: True True True True True True

s = {"k": None}
fs = frozenset([1, 2])
r = pickle.loads(pickle.dumps([fs, fs, s, s]))
print(r[0] is r[1], r[2] is r[3])
# expect: True True

# Files: several pickles one after another in one file.
path = "pickle_basic.tmp"
with open(path, "wb") as f:
    pickle.dump([1, 2, 3], f)
    pickle.dump({"x": (4, 5)}, f, protocol=2)
    pickle.Pickler(f).dump("third")
with open(path, "rb") as f:
    print(pickle.load(f), pickle.load(f), pickle.Unpickler(f).load())
    try:
        pickle.load(f)
    except EOFError as e:
        print("EOFError:", e)
os.remove(path)
# expect: [1, 2, 3] {'x': (4, 5)} third
# expect: EOFError: Ran out of input

# Globals: built-in functions and types by reference.
print(pickle.loads(pickle.dumps([len, dict, type(None), ValueError])))
# expect: [<built-in function len>, <class 'dict'>, <class 'NoneType'>, <class 'ValueError'>]
