def calls(f, *args, **kw):
    f(1, 2, x=3)
    f(*args)
    f(*args, **kw)
    f(0, *args, y=1, **kw)
    obj = f
    obj.method(1, k=2)
    return len(args)


def defaults(a, b=1, *, c=2, d):
    return a, b, c, d
