# dict: insertion order is kept, including after delete and re-insert.
d = {}
for k in ["z", "a", "m", "b"]:
    d[k] = len(d)
print(list(d))  # expect: ['z', 'a', 'm', 'b']
del d["a"]
d["a"] = 99
print(list(d))  # expect: ['z', 'm', 'b', 'a']
d["z"] = -1
print(d)  # expect: {'z': -1, 'm': 2, 'b': 3, 'a': 99}
big = {}
for i in range(1000):
    big[i] = i
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:3], list(big)[-1])  # expect: 500 [1, 3, 5] 999
big[0] = "back"
print(list(big)[-1])  # expect: 0
for i in range(1, 1000, 2):
    del big[i]
print(big)  # expect: {0: 'back'}
keys = {}
for w in "the quick brown fox jumps over the lazy dog".split():
    keys[w] = keys.get(w, 0) + 1
print(keys)  # expect: {'the': 2, 'quick': 1, 'brown': 1, 'fox': 1, 'jumps': 1, 'over': 1, 'lazy': 1, 'dog': 1}
