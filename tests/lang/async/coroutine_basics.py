# `async def` makes a coroutine function: calling it runs nothing and returns a
# coroutine object, driven here by hand with send(None) (asyncio does the same).


async def answer(x):
    print("body runs with", x)
    return x * 2


c = answer(21)
print(type(c).__name__)  # expect: coroutine
print(repr(c).startswith("<coroutine object answer at 0x"), repr(c).endswith(">"))  # expect: True True
print(c.__name__, c.__qualname__)  # expect: answer answer
print(c.cr_code is answer.__code__, c.cr_running, c.cr_await, c.cr_origin)  # expect: True False None None
print(type(c.cr_frame).__name__, c.cr_frame.f_lineno)  # expect: frame 5
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value, e.args)
# expect: body runs with 21
# expect: returned 42 (42,)
print(c.cr_frame, c.cr_running, c.cr_suspended)  # expect: None False False

# A finished coroutine cannot be resumed, unlike a generator.
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
# expect: RuntimeError: cannot reuse already awaited coroutine
c.close()  # closing it is silent
print("closed")  # expect: closed

# The first send must be None.
c = answer(1)
try:
    c.send(5)
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: can't send non-None value to a just-started coroutine
c.close()

# A coroutine is not an iterator.
c = answer(2)
try:
    for x in c:
        pass
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: 'coroutine' object is not iterable
try:
    next(c)
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: 'coroutine' object is not an iterator
try:
    iter(c)
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: 'coroutine' object is not iterable
print(hasattr(c, "__next__"), hasattr(c, "__iter__"), hasattr(c, "__await__"))  # expect: False False True
c.close()


# Methods and nested functions show their qualified names.
class Service:
    async def fetch(self):
        async def inner():
            return 1
        return inner()


c = Service().fetch()
print(c.__qualname__)  # expect: Service.fetch
try:
    c.send(None)
except StopIteration as e:
    inner = e.value
print(inner.__qualname__)  # expect: Service.fetch.<locals>.inner
inner.close()

# Returning a tuple or None: StopIteration keeps the value as is.
async def pair():
    return (1, 2)


async def nothing():
    pass


for f in (pair, nothing):
    try:
        f().send(None)
    except StopIteration as e:
        print(f.__name__, e.value, e.args)
# expect: pair (1, 2) ((1, 2),)
# expect: nothing None ()

# cr_running is True only while the body runs.
async def watch():
    print("running inside:", me.cr_running)
    return "ok"


me = watch()
try:
    me.send(None)
except StopIteration as e:
    print(e.value, me.cr_running)
# expect: running inside: True
# expect: ok False
