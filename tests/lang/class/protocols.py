# __len__/__bool__ truthiness, __getitem__/__setitem__/__contains__, __call__.
class Box:
    def __init__(self, items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __contains__(self, x):
        print("contains", x)
        return x in self.items
b = Box("abc")
print(len(b), b[0], b[-1], b[0:2])  # expect: 3 a c ['a', 'b']
b[1] = "B"
print(b.items)  # expect: ['a', 'B', 'c']
del b[0]
print(b.items)  # expect: ['B', 'c']
print("c" in b)
# expect: contains c
# expect: True
print("z" not in b)
# expect: contains z
# expect: True
print(bool(Box([])), bool(b))  # expect: False True
if not Box([]):
    print("empty box is falsy")  # expect: empty box is falsy
class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        return self.on
    def __len__(self):
        return 100
print(bool(Flag(False)), bool(Flag(True)))  # expect: False True
print("yes" if Flag(False) else "no")  # expect: no
class OldIter:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(OldIter()), 20 in OldIter())  # expect: [0, 10, 20] True
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, y=0):
        return self.n + x + y
add5 = Adder(5)
print(add5(1), add5(1, y=2), callable(add5), callable(b))  # expect: 6 8 True False
