# `yield` inside `async def` makes an async generator (PEP 525): iterated with
# `async for`, or by awaiting the awaitables __anext__() and asend() return.


class Tick:
    def __await__(self):
        got = yield "tick"
        return got


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


async def ticker(n):
    for i in range(n):
        await Tick()
        yield i
    print("  ticker done")


ag = ticker(2)
print(type(ag).__name__)  # expect: async_generator
print(repr(ag).startswith("<async_generator object ticker at 0x"))  # expect: True
print(ag.__name__, ag.__qualname__, ag.ag_code is ticker.__code__)  # expect: ticker ticker True
print(ag.ag_running, ag.ag_await, type(ag.ag_frame).__name__)  # expect: False None frame
print(ag.__aiter__() is ag, hasattr(ag, "__next__"), hasattr(ag, "send"))  # expect: True False False


async def consume(agen):
    out = []
    async for v in agen:
        out.append(v)
    return out


print(run(consume(ag)))
# expect:   ticker done
# expect: [0, 1]
print(ag.ag_frame)  # expect: None

# Driving it by hand: __anext__() returns an awaitable; its send() passes
# plain values up (the Tick) and ends with StopIteration(item) at a yield.
ag = ticker(1)
step = ag.__anext__()
print(type(step).__name__)  # expect: async_generator_asend
print(step.send(None))  # expect: tick
print(ag.ag_running, ag.ag_await.__qualname__)  # expect: True Tick.__await__
try:
    step.send("reply")
except StopIteration as e:
    print("item", e.value)  # expect: item 0
print(ag.ag_running)  # expect: False
step = ag.__anext__()
try:
    step.send(None)
except StopAsyncIteration:
    print("StopAsyncIteration")
# expect:   ticker done
# expect: StopAsyncIteration
try:
    ag.__anext__().send(None)
except StopAsyncIteration:
    print("still exhausted")  # expect: still exhausted

# An awaitable is used once.
try:
    step.send(None)
except RuntimeError as e:
    print(e)  # expect: cannot reuse already awaited __anext__()/asend()


# asend(v) sends v as the value of the paused yield; the first asend must
# send None.
async def echo():
    received = None
    while True:
        received = yield f"echo {received}"


def resume(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as e:
        return e.value


e = echo()
try:
    resume(e.asend("early"))
except TypeError as exc:
    print(exc)  # expect: can't send non-None value to a just-started async generator
print(resume(e.asend(None)))  # expect: echo None
print(resume(e.asend("hello")))  # expect: echo hello
print(resume(e.__anext__()))  # expect: echo None


# Yielding None, tuples and exceptions: StopIteration carries them whole.
async def odd_values():
    yield None
    yield (1, 2)
    yield ValueError("as a value")


o = odd_values()
for _ in range(3):
    print(repr(resume(o.__anext__())))
# expect: None
# expect: (1, 2)
# expect: ValueError('as a value')


# A method and a nested async generator.
class Feed:
    async def items(self):
        async def inner():
            yield "nested"

        async for x in inner():
            yield x
        yield "own"


f = Feed().items()
print(f.__qualname__)  # expect: Feed.items
print(run(consume(f)))  # expect: ['nested', 'own']


# A bare return ends it early.
async def early(n):
    yield 1
    if n:
        return
    yield 2


print(run(consume(early(1))), run(consume(early(0))))  # expect: [1] [1, 2]


# The types module names the type.
import types

print(types.AsyncGeneratorType is type(early(0)), types.AsyncGeneratorType.__name__)  # expect: True async_generator
