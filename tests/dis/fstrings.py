def fmt(x, y):
    a = f"{x}"
    b = f"{x!r:>10} and {y:.2f}"
    c = f"{x!s}{y!a:{x}}"
    d = "%s-%d" % (x, y)
    e = "{} {}".format(x, y)
    return a + b + c + d + e
