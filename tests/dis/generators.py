def gen(n):
    for i in range(n):
        yield i
    x = yield
    return x


def delegate(it):
    r = yield from it
    return r


def genexp(xs):
    return sum(x * x for x in xs)
