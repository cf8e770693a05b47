# CALL sites that specialize for a Python function called with exactly its
# positional parameters (CALL_PY_EXACT_ARGS) and then see other callables:
# another arity, defaults, keywords, *args, generators, builtins, classes,
# bound methods, and functions that raise.


def add2(a, b):
    return a + b


def add3(a, b, c=100):
    return a + b + c


def star(*args):
    return len(args)


def gen(a, b):
    yield a
    yield b


def boom(a, b):
    raise ValueError("boom %d" % (a + b))


def call(f, x, y):
    return f(x, y)


for i in range(100):
    call(add2, i, 1)
print(call(add2, 1, 2), call(add3, 1, 2), call(star, 1, 2))  # expect: 3 103 2
print(list(call(gen, "a", "b")), call(max, 3, 4), call(divmod, 7, 2))  # expect: ['a', 'b'] 4 (3, 1)
print(call(lambda a, b: a * b, 6, 7), call(str.join, "-", ["x", "y"]))  # expect: 42 x-y


class Pair:
    def __init__(self, a, b):
        self.t = (a, b)

    def m(self, a, b):
        return ("m", a, b)


print(call(Pair, 1, 2).t, call(Pair(0, 0).m, 5, 6))  # expect: (1, 2) ('m', 5, 6)
try:
    call(boom, 1, 2)
except ValueError as e:
    print(e)  # expect: boom 3
try:
    call(lambda a: a, 1, 2)
except TypeError as e:
    print(e)  # expect: <lambda>() takes 1 positional argument but 2 were given
# The same function at a keyword call site and with a changed default.
for i in range(100):
    add3(i, 1, c=0)
add3.__defaults__ = (1000,)
print(add3(1, 2), add3(1, 2, c=3), call(add3, 0, 0))  # expect: 1003 6 1000
# Deep recursion through a specialized site still raises RecursionError.


def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError:
    print("RecursionError")  # expect: RecursionError
# Methods through LOAD_METHOD + CALL.


class Acc:
    def __init__(self):
        self.n = 0

    def add(self, k):
        self.n += k
        return self


a = Acc()
for i in range(200):
    a.add(i).add(1)
print(a.n)  # expect: 20100
