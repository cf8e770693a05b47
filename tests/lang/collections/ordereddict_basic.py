# collections.OrderedDict: move_to_end, popitem(last=), order-sensitive equality, repr.
from collections import OrderedDict

od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
print(od)  # expect: OrderedDict([('b', 1), ('a', 2), ('c', 3)])
print(list(od), list(od.values()), list(od.items())[0])  # expect: ['b', 'a', 'c'] [1, 2, 3] ('b', 1)
od.move_to_end("b")
print(list(od))  # expect: ['a', 'c', 'b']
od.move_to_end("b", last=False)
print(list(od))  # expect: ['b', 'a', 'c']
od.move_to_end("c", False)
print(list(od))  # expect: ['c', 'b', 'a']
print(od.popitem(), od.popitem(last=False), od)  # expect: ('a', 2) ('c', 3) OrderedDict([('b', 1)])

print(OrderedDict(), OrderedDict(x=1, y=2), OrderedDict([("k", "v")]))
# expect: OrderedDict() OrderedDict([('x', 1), ('y', 2)]) OrderedDict([('k', 'v')])
print(OrderedDict.fromkeys("abc", 0))  # expect: OrderedDict([('a', 0), ('b', 0), ('c', 0)])

# Equality: order matters between OrderedDicts, not against a dict.
a = OrderedDict([(1, "x"), (2, "y")])
b = OrderedDict([(2, "y"), (1, "x")])
print(a == b, a != b, a == dict(b), dict(a) == b)  # expect: False True True True
b.move_to_end(2)
print(a == b)  # expect: True

# Errors.
try:
    a.move_to_end(99)
except KeyError as e:
    print("KeyError:", e)  # expect: KeyError: 99
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError:", e)  # expect: KeyError: 'dictionary is empty'
print(OrderedDict.__hash__)  # expect: None

# An LRU cache built on move_to_end and popitem(last=False).
class LRU(OrderedDict):
    def __init__(self, size):
        super().__init__()
        self.size = size
    def get_or(self, key, make):
        if key in self:
            self.move_to_end(key)
            return self[key]
        value = self[key] = make(key)
        if len(self) > self.size:
            self.popitem(last=False)
        return value
cache = LRU(2)
for k in ["a", "b", "a", "c", "d"]:
    cache.get_or(k, str.upper)
print(cache, cache.size)  # expect: LRU([('c', 'C'), ('d', 'D')]) 2

c = a.copy()
c[3] = "z"
print(type(c).__name__, len(a), len(c), list(reversed(c)))  # expect: OrderedDict 2 3 [3, 2, 1]
print(a | {5: "q"})  # expect: OrderedDict([(1, 'x'), (2, 'y'), (5, 'q')])
print(od.setdefault("b", 7), od.setdefault("n", 8), od)  # expect: 1 8 OrderedDict([('b', 1), ('n', 8)])
od.update([("p", 0)], q=1)
print(list(od))  # expect: ['b', 'n', 'p', 'q']
