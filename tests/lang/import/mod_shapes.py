# Helper module for the import tests (not a test itself).
PI_ISH = 3
loaded = []
loaded.append("mod_shapes")
print("mod_shapes loading")


def area(w, h):
    return w * h


class Square:
    def __init__(self, side):
        self.side = side

    def area(self):
        return area(self.side, self.side)


_private = "hidden"
