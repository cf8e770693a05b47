# Rich comparisons: __eq__/__lt__ etc., reflected fallbacks, __ne__ default, NotImplemented.
class V:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        if not isinstance(other, V):
            return NotImplemented
        return self.n == other.n
    def __lt__(self, other):
        print("lt", self.n, other.n)
        return self.n < other.n
    def __le__(self, other):
        return self.n <= other.n
a, b = V(1), V(2)
print(a == V(1), a != V(1), a == b, a != b)  # expect: True False False True
print(a < b)
# expect: lt 1 2
# expect: True
print(b > a)
# expect: lt 1 2
# expect: True
print(b >= a, a <= b)  # expect: True True
print(a == 1, a != 1)  # expect: False True
print(sorted([V(3), V(1)], key=lambda v: v.n)[0].n)  # expect: 1
class Ordered:
    def __init__(self, k):
        self.k = k
    def __lt__(self, other):
        return self.k < other.k
    def __repr__(self):
        return f"O{self.k}"
print(sorted([Ordered(3), Ordered(1), Ordered(2)]))  # expect: [O1, O2, O3]
print(max([Ordered(3), Ordered(5), Ordered(1)]))  # expect: O5
class AlwaysEq:
    def __eq__(self, other):
        return True
print(1 == AlwaysEq(), AlwaysEq() == "x", AlwaysEq() != 2)  # expect: True True False
print(AlwaysEq() in [1, 2])  # expect: True
class NoCmp:
    pass
x = NoCmp()
print(x == x, x == NoCmp(), x != NoCmp())  # expect: True False True
try:
    x < NoCmp()
except TypeError as e:
    print(e)  # expect: '<' not supported between instances of 'NoCmp' and 'NoCmp'
