# Closures: nested functions reading and writing enclosing variables
# (nonlocal), lambdas, decorators wrapping calls, functions returned and
# called later. stdout: checksum.


def counter(start):
    n = start

    def inc(k=1):
        nonlocal n
        n += k
        return n

    return inc


def compose(f, g):
    return lambda x: f(g(x))


def logged(fn):
    calls = [0]

    def wrapper(*args):
        calls[0] += 1
        return fn(*args)

    wrapper.calls = calls
    return wrapper


@logged
def mix(a, b):
    return (a * 31 + b) & 0xFFFF


def run(n):
    c = counter(0)
    add3 = lambda x: x + 3
    dbl = lambda x: x * 2
    f = compose(add3, dbl)
    g = compose(dbl, add3)
    total = 0
    for i in range(n):
        total += f(i) - g(i) + c(i & 3)
        total = mix(total & 0xFFFFF, i)
    makers = [counter(i) for i in range(100)]
    for j in range(1000):
        total += makers[j % 100]()
    return total, c(0), mix.calls[0]


print("closures", run(300000))
