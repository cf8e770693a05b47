# __repr__ and __str__: used by print, str, repr, f-strings, containers, and fallbacks.
class Both:
    def __repr__(self):
        return "Both()"
    def __str__(self):
        return "both-str"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly<1>"
class StrOnly:
    def __str__(self):
        return "str-only"
b = Both()
print(b)  # expect: both-str
print(str(b), repr(b))  # expect: both-str Both()
print(f"{b} {b!r}")  # expect: both-str Both()
print([b, b])  # expect: [Both(), Both()]
print({"k": b}, (b,))  # expect: {'k': Both()} (Both(),)
r = ReprOnly()
print(r, str(r))  # expect: ReprOnly<1> ReprOnly<1>
s = StrOnly()
print(s)  # expect: str-only
print(repr(s).startswith("<__main__.StrOnly object at "))  # expect: True
print("%s %r" % (b, b))  # expect: both-str Both()
print("{} {!r}".format(b, b))  # expect: both-str Both()
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"
print(Point(1, "a"))  # expect: Point(1, 'a')
print([Point(0, 0)])  # expect: [Point(0, 0)]
print(repr(Point).startswith("<class '__main__.Point'>"))  # expect: True
print(str(Point), Point.__name__)  # expect: <class '__main__.Point'> Point
print(str(int), str(ValueError))  # expect: <class 'int'> <class 'ValueError'>
