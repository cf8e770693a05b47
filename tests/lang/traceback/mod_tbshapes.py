# Helper module for module_error.py.
class ShapeError(Exception):
    pass


def area(kind, size):
    if kind == "square":
        return size * size
    raise ShapeError(f"unknown shape {kind!r}")
