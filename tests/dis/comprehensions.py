def comps(xs):
    a = [x * 2 for x in xs]
    b = {x: x + 1 for x in xs if x}
    c = {x for x in xs}
    return a, b, c


def nested(m):
    return [x + y for x in m for y in x if y > 0 if y < 10]
