# async for: __aiter__() once, then `await __anext__()` per item until it
# raises StopAsyncIteration; else, break and continue work as in `for`.


class Tick:
    def __await__(self):
        yield "tick"


def run(coro):
    n = 0
    try:
        while True:
            coro.send(None)
            n += 1
    except StopIteration as e:
        print(f"  [{n} suspensions]")
        return e.value


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        print("  __aiter__")
        return self

    async def __anext__(self):
        await Tick()
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


async def plain():
    async for i in Countdown(3):
        print("  item", i)
    else:
        print("  else: exhausted")
    return "done"


print(run(plain()))
# expect:   __aiter__
# expect:   item 2
# expect:   item 1
# expect:   item 0
# expect:   else: exhausted
# expect:   [4 suspensions]
# expect: done


async def with_break():
    async for i in Countdown(5):
        if i == 4:
            continue
        if i == 2:
            break
        print("  item", i)
    else:
        print("  else skipped")
    return i


print(run(with_break()))
# expect:   __aiter__
# expect:   item 3
# expect:   [3 suspensions]
# expect: 2


async def with_return():
    async for i in Countdown(5):
        if i < 4:
            return i


print(run(with_return()))
# expect:   __aiter__
# expect:   [2 suspensions]
# expect: 3


# Unpacking targets, nesting, and the loop variable after the loop.
class Pairs:
    def __init__(self, items):
        self.items = list(items)

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)


async def nested():
    out = []
    async for a, b in Pairs([(1, 2), (3, 4)]):
        async for c in Pairs("xy"):
            out.append((a, b, c))
    return out, a, b, c


print(run(nested()))
# expect:   [0 suspensions]
# expect: ([(1, 2, 'x'), (1, 2, 'y'), (3, 4, 'x'), (3, 4, 'y')], 3, 4, 'y')


# Other exceptions from __anext__ propagate; StopAsyncIteration from the body
# is not swallowed by the loop.
class Broken:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise OSError("disk gone")


async def broken():
    try:
        async for x in Broken():
            pass
    except OSError as e:
        return f"OSError: {e}"


print(run(broken()))
# expect:   [0 suspensions]
# expect: OSError: disk gone


async def body_raises():
    try:
        async for x in Pairs([1]):
            raise StopAsyncIteration("from the body")
    except StopAsyncIteration as e:
        return f"escaped: {e}"


print(run(body_raises()))
# expect:   [0 suspensions]
# expect: escaped: from the body


# An exception inside the body runs the enclosing handlers, and the loop's
# iterator is not asked for more.
class Noisy(Pairs):
    async def __anext__(self):
        print("  __anext__")
        return await super().__anext__()


async def body_error():
    try:
        async for x in Noisy([1, 2, 3]):
            if x == 2:
                raise ValueError(x)
    except ValueError as e:
        return e.args


print(run(body_error()))
# expect:   __anext__
# expect:   __anext__
# expect:   [0 suspensions]
# expect: (2,)
