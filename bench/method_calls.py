# Method-call-heavy object code: small classes, inheritance, super(), properties,
# bound-method calls in a loop, __eq__/__hash__ through a dict and a set.
# stdout: checksum.


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def dot(self, o):
        return self.x * o.x + self.y * o.y

    def scaled(self, k):
        return Vec(self.x * k, self.y * k)

    def __eq__(self, o):
        return self.x == o.x and self.y == o.y

    def __hash__(self):
        return hash((self.x, self.y))


class Shape:
    def __init__(self, name):
        self.name = name
        self.moves = 0

    def area(self):
        return 0

    def move(self):
        self.moves += 1
        return self.moves


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    @property
    def perimeter(self):
        return 2 * (self.w + self.h)


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "square"

    def area(self):
        return super().area()


def run(n):
    acc = Vec(0, 0)
    step = Vec(1, 2)
    total = 0
    shapes = [Rect(i % 7 + 1, i % 5 + 1) if i % 2 else Square(i % 9 + 1) for i in range(64)]
    seen = set()
    for i in range(n):
        acc = acc.add(step)
        total += acc.dot(step) % 97
        s = shapes[i & 63]
        total += s.area() + s.perimeter + s.move()
        if i % 16 == 0:
            seen.add(step.scaled(i % 50))
    return total, acc.x, acc.y, len(seen)


print("method_calls", run(300000))
