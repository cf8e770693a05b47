# Classes defined in a module, pickled by reference (pickle_classes.py).
class Record:
    def __init__(self, key, value):
        self.key = key
        self.value = value

    def __eq__(self, other):
        return type(other) is Record and (self.key, self.value) == (other.key, other.value)

    def __repr__(self):
        return "Record(%r, %r)" % (self.key, self.value)


class Outer:
    class Inner:
        pass


def helper(x):
    return x + 1
