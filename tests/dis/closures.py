def outer(a):
    b = 2

    def inner(c):
        nonlocal b
        b += c
        return a + b

    return inner


def counter():
    n = 0
    return lambda: n + 1
