# The TypeErrors of async with, worded as CPython 3.11's.


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
    except TypeError as e:
        print("TypeError:", e)


async def use(cm):
    async with cm:
        print("body")


class NoExit:
    async def __aenter__(self):
        pass


class NoEnter:
    async def __aexit__(self, *a):
        pass


class EnterNotAwaitable:
    def __aenter__(self):
        return 1

    async def __aexit__(self, *a):
        pass


class ExitNotAwaitable:
    async def __aenter__(self):
        pass

    def __aexit__(self, *a):
        return None


run(use(42))  # expect: TypeError: 'int' object does not support the asynchronous context manager protocol
run(use(NoExit()))
# expect: TypeError: 'NoExit' object does not support the asynchronous context manager protocol (missed __aexit__ method)
run(use(NoEnter()))  # expect: TypeError: 'NoEnter' object does not support the asynchronous context manager protocol
run(use(EnterNotAwaitable()))
# expect: TypeError: 'async with' received an object from __aenter__ that does not implement __await__: int
run(use(ExitNotAwaitable()))
# expect: body
# expect: TypeError: 'async with' received an object from __aexit__ that does not implement __await__: NoneType


# On the exceptional path the TypeError is chained to the body's exception.
async def raising(cm):
    async with cm:
        raise ValueError("body failed")


c = raising(ExitNotAwaitable())
try:
    c.send(None)
except TypeError as e:
    print(e)
    print(repr(e.__context__))
# expect: 'async with' received an object from __aexit__ that does not implement __await__: NoneType
# expect: ValueError('body failed')


# __aenter__ is looked up on the type, not the instance.
class Plain:
    pass


p = Plain()
p.__aenter__ = p.__aexit__ = lambda *a: None
run(use(p))  # expect: TypeError: 'Plain' object does not support the asynchronous context manager protocol
