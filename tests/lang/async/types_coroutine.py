# types.coroutine: a generator function made awaitable (a generator-based
# coroutine: its code gets CO_ITERABLE_COROUTINE via code.replace), and any
# other callable returning a generator wrapped to be awaitable; and the
# function __code__ setter and code.replace it relies on.
import types


class Suspend:
    def __await__(self):
        value = yield "suspended"
        return value


@types.coroutine
def legacy(n):
    got = yield from Suspend().__await__()
    return n + got


print(bool(legacy.__code__.co_flags & 0x100), legacy.__name__)  # expect: True legacy


async def modern():
    return await legacy(10)


c = modern()
print(c.send(None))  # expect: suspended
try:
    c.send(5)
except StopIteration as e:
    print("result", e.value)  # expect: result 15


def plain_gen():
    x = yield "from plain"
    return x * 2


@types.coroutine
def factory():
    return plain_gen()


async def uses_factory():
    return await factory()


c = uses_factory()
print(c.send(None))  # expect: from plain
try:
    c.send(21)
except StopIteration as e:
    print("result", e.value)  # expect: result 42


async def native():
    return 1


print(types.coroutine(native) is native)  # expect: True
try:
    types.coroutine(1)
except TypeError as e:
    print(e)  # expect: types.coroutine() expects a callable


# Awaiting a plain generator is still an error.
def not_decorated():
    yield


async def bad():
    await not_decorated()


try:
    bad().send(None)
except TypeError as e:
    print(e)  # expect: object generator can't be used in 'await' expression

# code.replace and __code__.
def f(a, b):
    return a + b


co = f.__code__.replace(co_name="g")
print(co.co_name, co.co_argcount, co is not f.__code__, f.__code__.co_name)  # expect: g 2 True f
f.__code__ = co
print(f(1, 2), f.__name__)  # expect: 3 f
print(f.__code__.replace(co_consts=f.__code__.co_consts).co_consts == f.__code__.co_consts)  # expect: True
try:
    f.__code__ = 5
except TypeError as e:
    print(e)  # expect: __code__ must be set to a code object


def outer():
    x = 1

    def inner():
        return x

    return inner


try:
    f.__code__ = outer().__code__
except ValueError as e:
    print(e)  # expect: f() requires a code object with 0 free vars, not 1
try:
    co.replace(bogus=1)
except TypeError as e:
    print(e)  # expect: 'bogus' is an invalid keyword argument for replace()
