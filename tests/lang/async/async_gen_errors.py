# Errors inside async generators (PEP 525 / PEP 479): StopAsyncIteration or
# StopIteration raised in the body become RuntimeError; other exceptions
# reach whoever awaits the step.


def step(agen):
    try:
        agen.__anext__().send(None)
    except StopIteration as e:
        return e.value
    except BaseException as e:
        print(f"{type(e).__name__}: {e}".rstrip())
        if e.__cause__ is not None:
            print(f"  caused by {e.__cause__!r}")


async def raises_stop_async():
    yield 1
    raise StopAsyncIteration("early")


async def raises_stop():
    yield 1
    next(iter([]))


async def raises_value():
    yield 1
    raise ValueError("plain")


for f in (raises_stop_async, raises_stop, raises_value):
    g = f()
    print(step(g))
    step(g)
    step(g)
# expect: 1
# expect: RuntimeError: async generator raised StopAsyncIteration
# expect:   caused by StopAsyncIteration('early')
# expect: StopAsyncIteration:
# expect: 1
# expect: RuntimeError: async generator raised StopIteration
# expect:   caused by StopIteration()
# expect: StopAsyncIteration:
# expect: 1
# expect: ValueError: plain
# expect: StopAsyncIteration:


# An async generator is not a coroutine, nor an iterator.
async def agen():
    yield 1


async def awaits_agen():
    await agen()


try:
    awaits_agen().send(None)
except TypeError as e:
    print(e)  # expect: object async_generator can't be used in 'await' expression
try:
    for x in agen():
        pass
except TypeError as e:
    print(e)  # expect: 'async_generator' object is not iterable
try:
    next(agen())
except TypeError as e:
    print(e)  # expect: 'async_generator' object is not an iterator


# A plain generator that awaits is rejected at compile time; a generator
# cannot `yield from` an async generator.
def gen():
    yield from agen()


try:
    next(gen())
except TypeError as e:
    print(e)  # expect: 'async_generator' object is not iterable
