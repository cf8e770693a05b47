# skip-oracle: CPython 3.11 itself crashes (C stack overflow) on these
# C code that recurses through its arguments (hashing a nested tuple, next()
# of a million nested map/filter/zip/enumerate/callable iterators) checks the
# C stack and raises RecursionError instead of crashing.
N = 1000000

def attempt(what, make):
    x = make()
    try:
        x()
        print(what, "ok")
    except RecursionError:
        print(what, "RecursionError")

def deep_tuple():
    t = ()
    for i in range(N):
        t = (t,)
    return lambda: hash(t)

def deep_iter(wrap):
    def make():
        m = iter([1])
        for i in range(N):
            m = wrap(m)
        return lambda: next(m)
    return make

attempt("hash", deep_tuple)
attempt("map", deep_iter(lambda m: map(lambda x: x, m)))
attempt("map abs", deep_iter(lambda m: map(abs, m)))
attempt("filter", deep_iter(lambda m: filter(None, m)))
attempt("zip", deep_iter(zip))
attempt("enumerate", deep_iter(enumerate))
attempt("iter(f, s)", deep_iter(lambda m: iter(m.__next__, None)))
# expect: hash RecursionError
# expect: map RecursionError
# expect: map abs RecursionError
# expect: filter RecursionError
# expect: zip RecursionError
# expect: enumerate RecursionError
# expect: iter(f, s) RecursionError
print(hash(((1,), (2, (3,)))) == hash(((1,), (2, (3,)))))
# expect: True
