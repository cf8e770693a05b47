# Asynchronous comprehensions (PEP 530): `async for` clauses and `await` in a
# list, set or dict comprehension make it a coroutine the enclosing async
# function awaits; in a generator expression they make an async generator.


class Tick:
    def __await__(self):
        yield "tick"


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


class ARange:
    def __init__(self, n):
        self.i, self.n = 0, n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Tick()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i - 1


async def double(x):
    await Tick()
    return 2 * x


async def main():
    print([x async for x in ARange(4)])
    print([x async for x in ARange(6) if x % 2])
    print({x % 3 async for x in ARange(7)} == {0, 1, 2})
    print({x: await double(x) async for x in ARange(3)})
    print([await double(x) for x in range(3)])
    print([x for x in range(5) if await double(x) > 4])
    # Sync and async clauses mixed, in either order.
    print([(a, b) for a in "xy" async for b in ARange(2)])
    print([(a, b) async for a in ARange(2) for b in "xy"])
    # Nested comprehensions: the inner one is awaited by the outer one.
    print([[y async for y in ARange(x)] for x in range(3)])
    print([[await double(y) for y in range(x)] async for x in ARange(3)])
    # The outermost iterable is evaluated in the enclosing scope.
    print([x for x in await double(2) * "ab"])
    # An async generator expression is lazy and iterated with async for.
    agen = (await double(x) async for x in ARange(3))
    print(type(agen).__name__, agen.__qualname__)
    print([v async for v in agen])
    gen2 = (x * 10 for x in range(3) if await double(x))
    print(type(gen2).__name__)
    out = []
    async for v in gen2:
        out.append(v)
    print(out)
    return "end"


print(run(main()))
# expect: [0, 1, 2, 3]
# expect: [1, 3, 5]
# expect: True
# expect: {0: 0, 1: 2, 2: 4}
# expect: [0, 2, 4]
# expect: [3, 4]
# expect: [('x', 0), ('x', 1), ('y', 0), ('y', 1)]
# expect: [(0, 'x'), (0, 'y'), (1, 'x'), (1, 'y')]
# expect: [[], [0], [0, 1]]
# expect: [[], [0], [0, 2]]
# expect: ['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']
# expect: async_generator main.<locals>.<genexpr>
# expect: [0, 2, 4]
# expect: async_generator
# expect: [10, 20]
# expect: end


# An async generator expression may appear in a plain function; it is only
# iterated in an async one.
def make(n):
    return (x async for x in ARange(n))


async def consume():
    return [x async for x in make(3)]


print(run(consume()))  # expect: [0, 1, 2]


# Comprehension variables stay local; exceptions propagate out of them.
async def failing():
    try:
        return [1 // x async for x in ARange(3)]
    except ZeroDivisionError as e:
        return f"ZeroDivisionError: {e}"


print(run(failing()))  # expect: ZeroDivisionError: integer division or modulo by zero


# The comprehension code objects are coroutines / async generators.
import sys

CO_COROUTINE, CO_ASYNC_GENERATOR = 0x80, 0x200


async def inspect():
    frame = sys._getframe()
    return [x async for x in ARange(1)], frame


def flags_of(fn):
    for const in fn.__code__.co_consts:
        if hasattr(const, "co_flags"):
            yield const.co_name, bool(const.co_flags & CO_COROUTINE), bool(const.co_flags & CO_ASYNC_GENERATOR)


print(list(flags_of(inspect)))  # expect: [('<listcomp>', True, False)]
print(list(flags_of(make)))  # expect: [('<genexpr>', False, True)]
