# An uncaught error inside a delegated generator: the traceback goes through every level.
def inner(n):
    yield n
    yield 10 // (n - n)


def outer():
    yield from inner(3)


for v in outer():
    print(v)
# expect: 3
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 11, in <module>
# expect stderr:     for v in outer():
# expect stderr:   File "{FILE}", line 8, in outer
# expect stderr:     yield from inner(3)
# expect stderr:   File "{FILE}", line 4, in inner
# expect stderr:     yield 10 // (n - n)
# expect stderr:           ~~~^^~~~~~~~~
# expect error: ZeroDivisionError: integer division or modulo by zero
