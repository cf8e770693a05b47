# athrow() and aclose() return awaitables that throw into the async generator
# at its paused yield; aclose() expects it to finish (its finally blocks may
# still await), and it must not yield again.


class Tick:
    def __await__(self):
        yield "tick"


def drive(awaitable):
    """Runs an awaitable by hand; returns ('value', v) or ('raised', exc)."""
    try:
        while True:
            awaitable.send(None)
    except StopIteration as e:
        return "value", e.value
    except BaseException as e:
        return "raised", repr(e)


async def worker():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("  worker handles", repr(e))
        yield "after ValueError"
    finally:
        print("  worker cleanup starts")
        await Tick()
        print("  worker cleanup done")


w = worker()
print(drive(w.__anext__()))  # expect: ('value', 1)
t = w.athrow(ValueError("bad"))
print(type(t).__name__)  # expect: async_generator_athrow
print(drive(t))
# expect:   worker handles ValueError('bad')
# expect: ('value', 'after ValueError')
print(drive(w.aclose()))
# expect:   worker cleanup starts
# expect:   worker cleanup done
# expect: ('value', None)
print(drive(w.__anext__()))  # expect: ('raised', 'StopAsyncIteration()')
print(drive(w.aclose()))  # expect: ('value', None)

# athrow() of an exception the generator does not handle propagates it.
w = worker()
drive(w.__anext__())
print(drive(w.athrow(KeyError, "k")))
# expect:   worker cleanup starts
# expect:   worker cleanup done
# expect: ('raised', "KeyError('k')")

# aclose() of a generator that never started does nothing.
w = worker()
print(drive(w.aclose()), w.ag_frame)  # expect: ('value', None) None


# Yielding while being closed is an error.
async def stubborn():
    try:
        yield 1
    finally:
        yield "refuses to stop"


s = stubborn()
drive(s.__anext__())
print(drive(s.aclose()))  # expect: ('raised', "RuntimeError('async generator ignored GeneratorExit')")


# aclose() while a step is running, and reusing awaitables.
async def slow():
    await Tick()
    yield "slow"


s = slow()
step = s.__anext__()
step.send(None)  # suspended inside the await
print(s.ag_running)  # expect: True
print(drive(s.aclose()))  # expect: ('raised', "RuntimeError('aclose(): asynchronous generator is already running')")
print(drive(s.athrow(ValueError)))  # expect: ('raised', "RuntimeError('athrow(): asynchronous generator is already running')")
print(drive(s.__anext__()))  # expect: ('raised', "RuntimeError('anext(): asynchronous generator is already running')")
print(drive(step))  # expect: ('value', 'slow')
closer = s.aclose()
print(drive(closer))  # expect: ('value', None)
print(drive(closer))  # expect: ('raised', "RuntimeError('cannot reuse already awaited aclose()/athrow()')")

# throw() and close() on the awaitables themselves.
s = slow()
step = s.__anext__()
step.send(None)
try:
    step.throw(OSError("into the await"))
except OSError as e:
    print("OSError:", e)  # expect: OSError: into the await
print(s.ag_running, s.ag_frame)  # expect: False None
step2 = slow().__anext__()
print(step2.close(), drive(step2))  # expect: None ('raised', "RuntimeError('cannot reuse already awaited __anext__()/asend()')")


# athrow() argument errors appear when it is awaited.
async def simple():
    yield 1


g = simple()
print(drive(g.athrow()))  # expect: ('raised', "TypeError('athrow expected at least 1 argument, got 0')")
try:
    g.aclose(1)
except TypeError as e:
    print(e)  # expect: async_generator.aclose() takes no arguments (1 given)
try:
    g.asend()
except TypeError as e:
    print(e)  # expect: async_generator.asend() takes exactly one argument (0 given)

# The awaitables are awaitable and iterable.
g = simple()
a = g.__anext__()
print(a.__await__() is a, iter(a) is a)  # expect: True True
try:
    next(a)
except StopIteration as e:
    print("next ->", e.value)  # expect: next -> 1
