# collections.namedtuple: fields, _make, _replace, _asdict, defaults, rename, errors.
from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[-1], len(p))  # expect: Point(x=1, y=2) 1 2 1 2 2
print(Point._fields, p._asdict())  # expect: ('x', 'y') {'x': 1, 'y': 2}
print(p._replace(x=10), p)  # expect: Point(x=10, y=2) Point(x=1, y=2)
print(Point._make([3, 4]), Point._make(iter("ab")))  # expect: Point(x=3, y=4) Point(x='a', y='b')
x, y = p
print(x + y, p == (1, 2), p < Point(1, 3), hash(p) == hash((1, 2)))  # expect: 3 True True True
print(isinstance(p, tuple), type(p).__name__, Point.__name__, Point.__doc__)  # expect: True Point Point Point(x, y)
print(Point.x.__doc__, Point.__module__)  # expect: Alias for field number 0 __main__
print(p + (3,), p * 2, list(p), sorted(Point(2, 1)))  # expect: (1, 2, 3) (1, 2, 1, 2) [1, 2] [1, 2]
print({p: "origin"}[Point(1, 2)])  # expect: origin

# Field names as a string, with commas or spaces.
Color = namedtuple("Color", "red, green blue")
print(Color(1, 2, 3), Color._fields)  # expect: Color(red=1, green=2, blue=3) ('red', 'green', 'blue')

# Defaults apply to the rightmost fields.
Conn = namedtuple("Conn", "host port timeout", defaults=[80, 1.5])
print(Conn("a"), Conn("b", 8080), Conn._field_defaults)  # expect: Conn(host='a', port=80, timeout=1.5) Conn(host='b', port=8080, timeout=1.5) {'port': 80, 'timeout': 1.5}
One = namedtuple("One", "only")
print(One(5), One._make([6]))  # expect: One(only=5) One(only=6)
Empty = namedtuple("Empty", "")
print(Empty(), Empty._fields)  # expect: Empty() ()

# rename=True replaces invalid names with _<index>.
R = namedtuple("R", ["a", "def", "a", "_x", "1b", "ok"], rename=True)
print(R._fields)  # expect: ('a', '_1', '_2', '_3', '_4', 'ok')

# Subclassing a namedtuple to add methods.
class Vec(namedtuple("Vec", "x y")):
    __slots__ = ()
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)
v = Vec(1, 2) + Vec(3, -4)
print(v, v.norm1)  # expect: Vec(x=4, y=-2) 6

# Pattern matching (class patterns) uses __match_args__.
print(Point.__match_args__)  # expect: ('x', 'y')

errors = [
    lambda: Point(1),
    lambda: Point(1, 2, 3),
    lambda: Point(1, 2, x=3),
    lambda: Point._make([1]),
    lambda: p._replace(z=1),
    lambda: namedtuple("Bad", "x x"),
    lambda: namedtuple("Bad", "_x"),
    lambda: namedtuple("Bad", "class"),
    lambda: namedtuple("1Bad", "x"),
    lambda: namedtuple("Bad", "x y", defaults=[1, 2, 3]),
]
for f in errors:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
# expect: TypeError: Point.__new__() missing 1 required positional argument: 'y'
# expect: TypeError: Point.__new__() takes 3 positional arguments but 4 were given
# expect: TypeError: Point.__new__() got multiple values for argument 'x'
# expect: TypeError: Expected 2 arguments, got 1
# expect: ValueError: Got unexpected field names: ['z']
# expect: ValueError: Encountered duplicate field name: 'x'
# expect: ValueError: Field names cannot start with an underscore: '_x'
# expect: ValueError: Type names and field names cannot be a keyword: 'class'
# expect: ValueError: Type names and field names must be valid identifiers: '1Bad'
# expect: TypeError: Got more default values than field names
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)  # expect: AttributeError: can't set attribute
