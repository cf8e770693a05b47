# Bitwise and shift dunders, reflected forms, __invert__, __pos__, __index__-free int().
class Bits:
    def __init__(self, v):
        self.v = v
    def __and__(self, o):
        return Bits(self.v & int(o))
    def __or__(self, o):
        return Bits(self.v | int(o))
    def __xor__(self, o):
        return Bits(self.v ^ int(o))
    def __lshift__(self, n):
        return Bits(self.v << n)
    def __rshift__(self, n):
        return Bits(self.v >> n)
    def __rand__(self, o):
        return Bits(o & self.v)
    def __ror__(self, o):
        return ("ror", o)
    def __invert__(self):
        return Bits(~self.v)
    def __pos__(self):
        return "pos"
    def __int__(self):
        return self.v
    def __float__(self):
        return self.v + 0.5
    def __repr__(self):
        return f"Bits({self.v:#b})"
b = Bits(0b1100)
print(b & 0b1010, b | 1, b ^ 0b1111)  # expect: Bits(0b1000) Bits(0b1101) Bits(0b11)
print(b << 2, b >> 2)  # expect: Bits(0b110000) Bits(0b11)
print(0b0110 & b, 1 | b)  # expect: Bits(0b100) ('ror', 1)
print(~b, +b)  # expect: Bits(-0b1101) pos
print(int(b), float(b))  # expect: 12 12.5
class Left:
    def __add__(self, o):
        return NotImplemented
class Right:
    def __radd__(self, o):
        return "Right.__radd__"
print(Left() + Right())  # expect: Right.__radd__
class SubInt(int):
    def __radd__(self, o):
        return "subclass reflected first"
print(1 + SubInt(2))  # expect: subclass reflected first
