def unpack(t):
    a, b = t
    a, b = b, a
    a, b, c = c, b, a
    (x, y), z = t
    first, *rest = t
    *init, last = t
    return a
