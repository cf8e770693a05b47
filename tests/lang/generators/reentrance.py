# A running generator cannot be resumed again: "ValueError: generator already executing".


def reenter():
    # Every way of resuming this generator from inside its own body fails.
    for attempt in (lambda: next(g), lambda: g.send(None), lambda: g.send(1),
                    lambda: g.throw(KeyError), lambda: g.close(), lambda: list(g)):
        try:
            attempt()
        except ValueError as e:
            print(type(e).__name__ + ":", e)
    yield "still fine"


g = reenter()
print(next(g))
# expect: ValueError: generator already executing
# expect: ValueError: generator already executing
# expect: ValueError: generator already executing
# expect: ValueError: generator already executing
# expect: ValueError: generator already executing
# expect: ValueError: generator already executing
# expect: still fine


# Through another function: the generator is running while that function runs.
def helper():
    return next(h)


def calls_helper():
    yield helper()


h = calls_helper()
try:
    next(h)
except ValueError as e:
    print(e)  # expect: generator already executing
print(h.gi_frame)  # the uncaught error finished the generator  # expect: None


# yield from itself: the delegate is the running generator.
def selfish():
    yield from s


s = selfish()
try:
    next(s)
except ValueError as e:
    print(e)  # expect: generator already executing


# Through a delegate: the outer generator is running while the inner one runs.
def inner():
    try:
        next(o)
    except ValueError as e:
        print("inner:", e, "| outer running:", o.gi_running)
    yield "inner value"


def outer():
    yield from inner()


o = outer()
print(next(o))
# expect: inner: generator already executing | outer running: True
# expect: inner value


# After the error the generator can be used normally.
def counter():
    n = 0
    while True:
        n += 1
        if n == 2:
            try:
                next(c)
            except ValueError:
                print("tried to re-enter at n=2")
        yield n


c = counter()
print(next(c), next(c), next(c))
# expect: tried to re-enter at n=2
# expect: 1 2 3
print(c.gi_running)  # expect: False


# A generator expression is a generator too.
ge = (next(ge) for _ in range(1))
try:
    list(ge)
except ValueError as e:
    print(e)  # expect: generator already executing
