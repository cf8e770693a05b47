# In-place operators: __iadd__ mutates and keeps identity; without it, += rebinds via __add__.
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
    def __isub__(self, x):
        self.items.remove(x)
        return self
acc = Acc()
alias = acc
acc += 1
acc += 2
acc -= 1
print(acc.items, acc is alias)  # expect: [2] True
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Num(self.v + o)
n = Num(1)
m = n
n += 5
print(n.v, m.v, n is m)  # expect: 6 1 False
class Both:
    def __iadd__(self, o):
        return "iadd used"
    def __add__(self, o):
        return "add used"
b = Both()
print(b + 1)  # expect: add used
b += 1
print(b)  # expect: iadd used
lst = [1]
ref = lst
lst += (2, 3)
print(lst, ref is lst)  # expect: [1, 2, 3] True
