# Arithmetic dunders: __add__ etc., reflected __radd__, in-place __iadd__, NotImplemented.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        return NotImplemented
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(self.x * k, self.y * k)
        return NotImplemented
    def __rmul__(self, k):
        return self * k
    def __radd__(self, o):
        if o == 0:
            return self
        return NotImplemented
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, b - a)  # expect: Vec(4, 6) Vec(2, 2)
print(a * 3, 3 * a)  # expect: Vec(3, 6) Vec(3, 6)
print(-a, abs(b))  # expect: Vec(-1, -2) 5.0
print(b / 2, b // 2, b % 2, a ** 2)  # expect: Vec(1.5, 2.0) Vec(1, 2) Vec(1, 0) Vec(1, 4)
print(a @ b)  # expect: 11
print(sum([a, b, a]))  # expect: Vec(5, 8)
c = a
c += b
print(c, a, c is a)  # expect: Vec(4, 6) Vec(1, 2) False
try:
    a + 1
except TypeError as e:
    print(e)  # expect: unsupported operand type(s) for +: 'Vec' and 'int'
try:
    "s" * a
except TypeError as e:
    print(e)  # expect: can't multiply sequence by non-int of type 'Vec'
