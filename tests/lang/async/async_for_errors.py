# The TypeErrors of async for, worded as CPython 3.11's.


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
    except TypeError as e:
        print("TypeError:", e)
        if e.__cause__ is not None:
            print("  cause:", repr(e.__cause__))


async def loop(obj):
    async for x in obj:
        print("item", x)


class NoAnext:
    def __aiter__(self):
        return [1, 2]


class AnextNotAwaitable:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 7


class AwaitReturnsInt:
    def __await__(self):
        return 3


class AnextBadAwait:
    def __aiter__(self):
        return self

    def __anext__(self):
        return AwaitReturnsInt()


run(loop([1, 2]))  # expect: TypeError: 'async for' requires an object with __aiter__ method, got list
run(loop(NoAnext()))
# expect: TypeError: 'async for' received an object from __aiter__ that does not implement __anext__: list
run(loop(AnextNotAwaitable()))
# expect: TypeError: 'async for' received an invalid object from __anext__: int
# expect:   cause: TypeError("object int can't be used in 'await' expression")
run(loop(AnextBadAwait()))
# expect: TypeError: 'async for' received an invalid object from __anext__: AwaitReturnsInt
# expect:   cause: TypeError("__await__() returned non-iterator of type 'int'")


# A sync for over an async iterable, and the reverse.
class Both:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration


try:
    for x in Both():
        pass
except TypeError as e:
    print(e)  # expect: 'Both' object is not iterable
run(loop(Both()))  # an empty async iteration
print("empty ok")  # expect: empty ok
