# Each coroutine keeps its own "exception being handled" across awaits, like a
# generator: sys.exc_info() inside a suspended except block is restored when
# it resumes, and does not leak into the driver.
import sys


class Tick:
    def __await__(self):
        yield


async def handler(name):
    try:
        raise ValueError(name)
    except ValueError:
        print(name, "before await:", sys.exc_info()[1])
        await Tick()
        print(name, "after await:", sys.exc_info()[1])
        raise KeyError(name + "-key")


a, b = handler("a"), handler("b")
a.send(None)
b.send(None)
print("driver sees:", sys.exc_info())
for c in (a, b):
    try:
        c.send(None)
    except KeyError as e:
        print("chained:", repr(e), "<-", repr(e.__context__))
# expect: a before await: a
# expect: b before await: b
# expect: driver sees: (None, None, None)
# expect: a after await: a
# expect: chained: KeyError('a-key') <- ValueError('a')
# expect: b after await: b
# expect: chained: KeyError('b-key') <- ValueError('b')


# An exception thrown in at an await inside an except block is chained to
# the one being handled there.
async def handling():
    try:
        1 / 0
    except ZeroDivisionError:
        await Tick()


c = handling()
c.send(None)
try:
    c.throw(OSError("thrown"))
except OSError as e:
    print(repr(e), "<-", repr(e.__context__))  # expect: OSError('thrown') <- ZeroDivisionError('division by zero')


# The driver's own handled exception is visible inside while it runs.
async def peek():
    return sys.exc_info()[0]


try:
    raise LookupError
except LookupError:
    try:
        peek().send(None)
    except StopIteration as e:
        print(e.value.__name__)  # expect: LookupError
