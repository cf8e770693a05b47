# AttributeError suggests a close attribute of the object (dir()).
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def distance(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5


p = Point(3, 4)
print(p.distance())
print(p.distanse())

# expect: 5.0
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 13, in <module>
# expect stderr:     print(p.distanse())
# expect stderr:           ^^^^^^^^^^
# expect error: AttributeError: 'Point' object has no attribute 'distanse'. Did you mean: 'distance'?
