# What `await` accepts: coroutines, and objects whose __await__ returns an
# iterator. Everything else is a TypeError with CPython's messages.


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
    except Exception as e:
        print(f"{type(e).__name__}: {e}")


async def await_it(obj):
    return await obj


class FromGenerator:
    def __await__(self):
        yield "step"
        return "generator-based"


class FromIterator:
    def __await__(self):
        return iter([1, 2, 3])  # values passed up; the result is None


class FromWrapper:
    """Delegates to a coroutine's own __await__ iterator."""

    def __await__(self):
        return await_it(FromGenerator()).__await__()


print(run(await_it(FromGenerator())))  # expect: generator-based
print(run(await_it(FromIterator())))  # expect: None
print(run(await_it(FromWrapper())))  # expect: generator-based


class ReturnsInt:
    def __await__(self):
        return 5


class ReturnsCoroutine:
    def __await__(self):
        return run_later


class AwaitIsNone:
    __await__ = None


async def later():
    pass


run_later = later()
run(await_it(1))  # expect: TypeError: object int can't be used in 'await' expression
run(await_it("text"))  # expect: TypeError: object str can't be used in 'await' expression
run(await_it(ReturnsInt()))  # expect: TypeError: __await__() returned non-iterator of type 'int'
run(await_it(ReturnsCoroutine()))  # expect: TypeError: __await__() returned a coroutine
run(await_it(AwaitIsNone()))  # expect: TypeError: 'NoneType' object is not callable
run_later.close()


# A plain generator is not awaitable.
def plain():
    yield 1


run(await_it(plain()))  # expect: TypeError: object generator can't be used in 'await' expression
# ... and a coroutine cannot be `yield from`-ed by a plain generator.
def delegator():
    yield from later()  # the coroutine made here is never awaited: a warning when freed
# expect stderr: {FILE}:77: RuntimeWarning: coroutine 'later' was never awaited
# expect stderr:   yield from later()  # the coroutine made here is never awaited: a warning when freed
# expect stderr: RuntimeWarning: Enable tracemalloc to get the object allocation traceback


try:
    next(delegator())
except TypeError as e:
    print(e)  # expect: cannot 'yield from' a coroutine object in a non-coroutine generator

# The instance attribute does not count: __await__ is looked up on the type.
o = ReturnsInt()
o.__await__ = lambda: iter([])
run(await_it(o))  # expect: TypeError: __await__() returned non-iterator of type 'int'


# A coroutine can be awaited only once, and not while another await is on it.
class Hold:
    def __await__(self):
        yield "held"


async def held():
    await Hold()
    return "released"


h = held()
h.send(None)  # h is now suspended in `await Hold()`
run(await_it(h))  # expect: RuntimeError: coroutine is being awaited already
print(run(h))  # expect: released
run(await_it(h))  # expect: RuntimeError: cannot reuse already awaited coroutine

# The error points at the await.
c = await_it(3.5)
try:
    c.send(None)
except TypeError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print(tb.tb_lineno)  # expect: 16
