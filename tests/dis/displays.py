def displays(a, b):
    l = [1, 2, 3]
    t = (1, (2, 3), "x")
    d = {'a': 1, 'b': 2}
    e = {a: b}
    s = {1, 2, 3}
    m = [*a, *b]
    u = (*a, 1)
    k = {**a, 'k': 1}
    v = {*a}
    return l[1:2], t[::-1], d[a], e, s, m, u, k, v
