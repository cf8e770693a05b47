# slice objects: construction, attributes, use in subscripts, indices().
s = slice(1, 5)
print(s)  # expect: slice(1, 5, None)
print(slice(3))  # expect: slice(None, 3, None)
print(s.start, s.stop, s.step)  # expect: 1 5 None
data = list(range(10))
print(data[s])  # expect: [1, 2, 3, 4]
print(data[slice(None, None, -3)])  # expect: [9, 6, 3, 0]
print("abcdef"[slice(-2, None)])  # expect: ef
print((0, 1, 2, 3)[slice(1, 3)])  # expect: (1, 2)
print(slice(1, 10, 2).indices(5))  # expect: (1, 5, 2)
print(slice(None, None, -1).indices(4))  # expect: (3, -1, -1)
class Grab:
    def __getitem__(self, key):
        return key
g = Grab()
print(g[1:2])  # expect: slice(1, 2, None)
print(g[::2])  # expect: slice(None, None, 2)
print(g[1:2, 3])  # expect: (slice(1, 2, None), 3)
print(g[5])  # expect: 5
data[slice(0, 2)] = ["a"]
print(data[:3])  # expect: ['a', 2, 3]
print(slice(1, 2) == slice(1, 2))  # expect: True
