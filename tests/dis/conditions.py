def cond(a, b, x):
    if a and b:
        pass
    elif a or not b:
        return 1
    if a is not None and b not in a:
        return 2
    if 1 < a < 3:
        return 3
    y = a and b or x
    z = a if b else -a
    assert a, "msg"
    assert b
    return y, z
