"""A guided tour of Python generators.

Run it with minipy or with CPython 3.11; both print the same thing:

    minipy programs/generators_tour.py
    python3 programs/generators_tour.py

Each section prints what happens, step by step. Read the source next to the output: every
printed line comes from a line you can find here.

How it works underneath (minipy, like CPython 3.11): calling a generator function does not run
its body. It builds a generator object that owns the function's frame (its local variables and
its place in the code). next() runs the frame until a `yield`, which returns from the
interpreter loop but keeps the frame; the next next() re-enters the loop where it stopped.
"""

import dis


def section(title):
    """Prints a section heading."""
    print()
    print("=" * 70)
    print(title)
    print("=" * 70)


# ---------------------------------------------------------------------------------------------
section("1. A generator function returns a generator; the body waits")


def countdown(n):
    print("    [countdown] starting from", n)
    while n > 0:
        print("    [countdown] about to yield", n)
        yield n
        print("    [countdown] resumed after yielding", n)
        n -= 1
    print("    [countdown] done: falling off the end raises StopIteration")


gen = countdown(3)
print("countdown(3) returned a", type(gen).__name__, "object; nothing ran yet")
print("Its repr starts with:", repr(gen).split(" at ")[0] + " at 0x...>")
print("calling next(gen)...")
print("next(gen) returned", next(gen))
print("calling next(gen) again...")
print("next(gen) returned", next(gen))
print("a for loop calls next() until StopIteration:")
for value in gen:
    print("  the loop got", value)
print("next(gen, 'default') on an exhausted generator:", next(gen, "default"))

# ---------------------------------------------------------------------------------------------
section("2. return inside a generator: the value travels in StopIteration")


def with_result():
    yield "working"
    return "the result"


gen = with_result()
print("first next():", next(gen))
try:
    next(gen)
except StopIteration as stop:
    print("second next() raised StopIteration; its value is", repr(stop.value))
print("list() and for loops simply stop, dropping the value:", list(with_result()))

# ---------------------------------------------------------------------------------------------
section("3. Everything that takes an iterable takes a generator")


def evens(limit):
    for i in range(0, limit, 2):
        yield i


print("list:  ", list(evens(10)))
print("sum:   ", sum(evens(10)))
print("max:   ", max(evens(10)))
print("sorted:", sorted(evens(10), reverse=True))
print("zip:   ", list(zip(evens(6), "abc")))
print("in:    ", 4 in evens(10), "(stops pulling at the first match)")
first, second, *rest = evens(10)
print("unpacking: first =", first, "second =", second, "rest =", rest)
gen = evens(10)
print("but only once: after list(gen) =", list(gen), "a second list(gen) is", list(gen))

# ---------------------------------------------------------------------------------------------
section("4. send(): values flow into the generator too")


def counter():
    count = 0
    while True:
        command = yield count
        if command == "reset":
            print("    [counter] reset requested")
            count = 0
        else:
            count += 1


c = counter()
print("next(c) starts it and runs to the first yield:", next(c))
print("next(c) is send(None):", next(c), c.send(None))
print("c.send('reset') makes `command` == 'reset':")
print("  ...and returns the next yielded value:", c.send("reset"))
print("counting again:", next(c), next(c))
try:
    counter().send("hello")
except TypeError as err:
    print("sending a value before the first yield is an error:", err)

# ---------------------------------------------------------------------------------------------
section("5. Pipelines: each stage pulls one item at a time from the one before")


def read(lines):
    for line in lines:
        print("    read   ", repr(line))
        yield line


def keep_numbers(lines):
    for line in lines:
        if line.strip().isdigit():
            yield line
        else:
            print("    skip   ", repr(line))


def to_int(lines):
    for line in lines:
        value = int(line)
        print("    convert", value)
        yield value


data = ["10", "x", " 20", "30", "total"]
print("sum(to_int(keep_numbers(read(data)))):")
print("result:", sum(to_int(keep_numbers(read(data)))))
print("Notice the order: one item goes all the way through before the next is read.")

# ---------------------------------------------------------------------------------------------
section("6. yield from: delegating to another generator")


def inner():
    received = yield "inner's first value"
    print("    [inner] received", repr(received))
    yield "inner's second value"
    return "inner's return value"


def outer():
    print("    [outer] delegating to inner()")
    result = yield from inner()
    print("    [outer] yield from evaluated to", repr(result))
    yield "outer's own value"


gen = outer()
print("next:", next(gen))
print("send('hi') goes straight to inner:", gen.send("hi"))
print("gen.gi_yieldfrom is the inner generator:", gen.gi_yieldfrom.__name__)
print("next:", next(gen))


def level(n):
    if n == 0:
        return 1
    below = yield from level(n - 1)
    print("    [level %d] got %d from below" % (n, below))
    return below * 10


print("return values through three levels of yield from:")
try:
    next(level(3))
except StopIteration as stop:
    print("the top level returned", stop.value)

# ---------------------------------------------------------------------------------------------
section("7. throw() and close(): exceptions at the paused yield")


def careful():
    try:
        while True:
            try:
                yield "ready"
            except ValueError as err:
                print("    [careful] handled ValueError:", err)
    finally:
        print("    [careful] finally block runs")


gen = careful()
next(gen)
print("gen.throw(ValueError('bad input')):")
answer = gen.throw(ValueError("bad input"))
print("  the generator caught it and yielded again:", repr(answer))
print("gen.close() raises GeneratorExit at the yield:")
gen.close()
print("after close, the generator is finished: gi_frame =", gen.gi_frame)


def nested_cleanup():
    try:
        try:
            yield "inside two try blocks"
        finally:
            print("    inner finally (runs first)")
    finally:
        print("    outer finally (runs second)")


gen = nested_cleanup()
next(gen)
print("closing a generator paused inside nested try/finally:")
gen.close()


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "I refuse to stop"


gen = stubborn()
next(gen)
try:
    gen.close()
except RuntimeError as err:
    print("a generator that yields after GeneratorExit:", err)
print("it is still paused (gi_suspended = %s); an exception it does not catch ends it:" % gen.gi_suspended)
try:
    gen.throw(KeyError("stop now"))
except KeyError as err:
    print("  KeyError came out, and now gi_frame =", gen.gi_frame)

# ---------------------------------------------------------------------------------------------
section("8. Generator expressions")

squares = (n * n for n in range(5))
print("(n * n for n in range(5)) is a", type(squares).__name__, "named", squares.__name__)
print("sum(n * n for n in range(5)) =", sum(n * n for n in range(5)), "(sole argument: no extra parentheses)")


def noisy_source():
    for i in range(3):
        print("    producing", i)
        yield i


lazy = (v * 100 for v in noisy_source())
print("created the generator expression; nothing produced yet")
print("next(lazy) =", next(lazy))
n = "outer n"
print(list(n for n in range(2)), "- and afterwards n is still", repr(n), "(its own scope)")

# ---------------------------------------------------------------------------------------------
section("9. Watching the state: gi_running, gi_suspended, gi_frame, gi_code")


def observed():
    print("    inside: gi_running =", me.gi_running, "gi_suspended =", me.gi_suspended)
    yield
    print("    inside again, at line", me.gi_frame.f_lineno - observed.__code__.co_firstlineno,
          "of the function")
    yield


me = observed()


def show(when):
    print("%-15s gi_running=%-5s gi_suspended=%-5s gi_frame is None=%-5s gi_code=%s" % (
        when, me.gi_running, me.gi_suspended, me.gi_frame is None, me.gi_code.co_name))


show("created:")
next(me)
show("paused:")
next(me)
list(me)
show("finished:")


def reentrant():
    yield next(self_gen)  # asks the generator that is running this very line for a value


self_gen = reentrant()
try:
    next(self_gen)
except ValueError as err:
    print("resuming a running generator:", err)

# ---------------------------------------------------------------------------------------------
section("10. Dropping a paused generator closes it at once")


def resource(name):
    print("    open", name)
    try:
        yield name
    finally:
        print("    close", name)


r = resource("file A")
next(r)
print("del r ...")
del r
print("... the finally block ran when the last reference went away (reference counting)")


def use_briefly():
    r = resource("file B")
    next(r)
    print("    returning from use_briefly()")


use_briefly()
print("a hundred thousand paused generators, each dropped when the next replaces it:")
closed = 0


def worker():
    global closed
    try:
        yield
    finally:
        closed += 1


for i in range(100000):
    g = worker()
    next(g)
print("   ", closed, "were closed so far; the last one is still referenced by g")
del g
print("   ", closed, "after del g: memory does not pile up")

# ---------------------------------------------------------------------------------------------
section("11. Under the hood: the bytecode")


def small():
    received = yield 1
    result = yield from range(2)


flags = small.__code__.co_flags
print("small.__code__.co_flags has the GENERATOR bit (0x20):", bool(flags & 0x20))
code = small.__code__.co_code
ops = [dis.opname[code[i]] for i in range(0, len(code), 2)]
print("its instructions:")
for op in ops:
    if op == "CACHE":
        continue
    notes = {
        "RETURN_GENERATOR": "create the generator object and return it to the caller",
        "YIELD_VALUE": "return a value, keep the frame (the generator pauses here)",
        "RESUME": "where execution re-enters after a pause",
        "GET_YIELD_FROM_ITER": "get the iterator to delegate to",
        "SEND": "send a value into the delegate; jump out when it is exhausted",
        "JUMP_BACKWARD_NO_INTERRUPT": "loop back to SEND",
    }
    print(("   %-27s %s" % (op, notes.get(op, ""))).rstrip())
print()
print("End of the tour.")
