# __hash__ and __eq__ make user objects usable as dict keys and set members.
class Key:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __eq__(self, other):
        return isinstance(other, Key) and (self.a, self.b) == (other.a, other.b)
    def __hash__(self):
        return hash((self.a, self.b))
    def __repr__(self):
        return f"Key({self.a}, {self.b})"
d = {Key(1, 2): "x"}
print(d[Key(1, 2)])  # expect: x
print(Key(1, 2) in d, Key(2, 1) in d)  # expect: True False
s = {Key(1, 1), Key(1, 1), Key(2, 2)}
print(len(s))  # expect: 2
d[Key(1, 2)] = "y"
print(d)  # expect: {Key(1, 2): 'y'}
class EqOnly:
    def __eq__(self, other):
        return True
print(EqOnly.__hash__)  # expect: None
try:
    {EqOnly(): 1}
except TypeError as e:
    print(e)  # expect: unhashable type: 'EqOnly'
class Plain:
    pass
p = Plain()
print({p: 1}[p], p in {p}, Plain() in {p})  # expect: 1 True False
class ConstHash:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 7
    def __eq__(self, other):
        return self.v == other.v
print(len({ConstHash(1), ConstHash(2), ConstHash(1)}))  # expect: 2
print(hash(ConstHash(0)))  # expect: 7
print(hash(5) == hash(5.0), hash(-1) == hash(-1.0))  # expect: True True
