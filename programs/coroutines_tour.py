"""A guided tour of async/await, without asyncio.

Run it with minipy or with CPython 3.11; both print the same thing:

    minipy programs/coroutines_tour.py
    python3 programs/coroutines_tour.py

asyncio is a library written on top of a small language core: coroutine objects, `await`,
`async with`, `async for` and async generators. This tour uses only that core, and builds a
toy event loop at the end, so you can see that an event loop is just a loop that calls
coroutine.send().

How it works underneath (minipy, like CPython 3.11): a coroutine is a generator in disguise.
It owns its frame; `await x` compiles to GET_AWAITABLE and the same SEND loop as `yield from`,
so whatever the innermost awaitable yields travels straight out to whoever called send(), and
what that caller sends back travels straight in.
"""

import dis
import sys


def section(title):
    """Prints a section heading."""
    print()
    print("=" * 70)
    print(title)
    print("=" * 70)


# ---------------------------------------------------------------------------------------------
section("1. Calling an async function runs nothing: it returns a coroutine")


async def greet(name):
    print("    [greet] running for", name)
    return "hello " + name


coro = greet("ada")
print("greet('ada') returned a", type(coro).__name__, "object; its body has not run")
print("send(None) starts it; the return value arrives in StopIteration:")
try:
    coro.send(None)
except StopIteration as stop:
    print("  StopIteration.value =", repr(stop.value))
print("A coroutine is not an iterator:", hasattr(coro, "__next__"))

# ---------------------------------------------------------------------------------------------
section("2. await passes the innermost yield all the way out")


class Ask:
    """The bottom of every await chain: an object whose __await__ is a generator."""

    def __init__(self, question):
        self.question = question

    def __await__(self):
        answer = yield self.question  # this value goes out to whoever called send()
        return answer


async def inner():
    a = await Ask("what is 6 * 7?")
    return a


async def outer():
    result = await inner()
    print("    [outer] inner() returned", result)
    return result * 2


c = outer()
question = c.send(None)
print("outer() is suspended; the value that came out is:", repr(question))
print("cr_await chain:", type(c.cr_await).__name__, "->", c.cr_await.cr_await.__qualname__)
try:
    c.send(42)
except StopIteration as stop:
    print("sending 42 back in finished it with", stop.value)

print("\nThe bytecode of outer(): `await inner()` is GET_AWAITABLE, then the SEND loop")
print("(SEND passes a value in; YIELD_VALUE hands what came out to our caller)")
dis.dis(outer)

# ---------------------------------------------------------------------------------------------
section("3. A coroutine never awaited leaves a RuntimeWarning behind")

class Capture:
    """Stands in for sys.stderr, keeping what is written."""

    def __init__(self):
        self.text = ""

    def write(self, s):
        self.text += s
        return len(s)

    def flush(self):
        pass


saved, sys.stderr = sys.stderr, Capture()
greet("nobody")  # made and dropped at once: the warning is printed when it is freed
captured, sys.stderr = sys.stderr.text, saved
print("stderr got:", captured.splitlines()[0].split(": ", 1)[1])

# ---------------------------------------------------------------------------------------------
section("4. async with and async for call awaitable methods")


class Connection:
    async def __aenter__(self):
        await Ask("connect")
        print("    [Connection] open")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await Ask("disconnect")
        print("    [Connection] closed, exception:", exc_type.__name__ if exc_type else None)
        return False


class Rows:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return await Ask(f"fetch row {self.n}")


async def query():
    async with Connection():
        return [row async for row in Rows(2)]


def drive(coro, reply):
    """Runs coro by hand, answering every question with reply(question)."""
    value = None
    while True:
        try:
            question = coro.send(value)
        except StopIteration as stop:
            return stop.value
        print("  the driver was asked:", question)
        value = reply(question)


print("result:", drive(query(), lambda q: q.upper()))

# ---------------------------------------------------------------------------------------------
section("5. Async generators: yield inside async def")


async def ticker(n):
    for i in range(n):
        await Ask(f"sleep before tick {i}")
        yield i


async def consume():
    total = 0
    async for t in ticker(3):
        total += t
    return total


print("the type:", type(ticker(0)).__name__)
print("sum of ticks:", drive(consume(), lambda q: None))

# ---------------------------------------------------------------------------------------------
section("6. A toy event loop: tasks, a virtual clock and sleep()")


class Sleep:
    def __init__(self, delay):
        self.delay = delay

    def __await__(self):
        yield self  # tell the loop how long to wait


class Loop:
    """Runs coroutines by send(); a task that awaits Sleep(d) waits d virtual seconds."""

    def __init__(self):
        self.now = 0
        self.ready = []      # (wake time, order, task name, coroutine)
        self.order = 0

    def spawn(self, name, coro):
        self.ready.append((self.now, self.order, name, coro))
        self.order += 1

    def run(self):
        while self.ready:
            self.ready.sort()
            when, _, name, coro = self.ready.pop(0)
            self.now = when
            try:
                request = coro.send(None)
            except StopIteration as stop:
                print(f"  t={self.now}: {name} finished -> {stop.value!r}")
                continue
            self.ready.append((self.now + request.delay, self.order, name, coro))
            self.order += 1


async def worker(name, delay, steps):
    for i in range(steps):
        print(f"  {name} step {i}")
        await Sleep(delay)
    return f"{name} done"


loop = Loop()
loop.spawn("fast", worker("fast", 1, 3))
loop.spawn("slow", worker("slow", 2, 2))
loop.run()
print("Two tasks interleaved on one thread: each await gave the loop a chance to switch.")
