# Handle and TimerHandle fields as Python sees them: no instance dict
# (CPython's Handle has __slots__), when() returns what call_at was given,
# ordering, and in debug mode the source traceback and the repr kept by
# cancel().
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    h = loop.call_soon(print, "called")
    try:
        h.foo = 1
    except AttributeError:
        print("no attribute foo")
    print(h._callback is print, h._args, h._repr, h._source_traceback)
    t = loop.call_at(5, print)
    print(t.when(), type(t.when()).__name__)
    t2 = loop.call_at(5.5, print)
    print(t2.when(), t < t2, t2 > t, t == t, t != t2)
    t.cancel()
    t2.cancel()
    print(t.cancelled(), h.cancelled(), t._callback, t._args)
    await asyncio.sleep(0)

    # Handles with no argument, one, two; they run with them.
    got = []
    h0 = loop.call_soon(lambda: got.append("none"))
    h1 = loop.call_later(0, got.append, "one")
    h2 = loop.call_soon(lambda a, b: got.append((a, b)), 1, 2)
    print(h0._args, h1._args, h2._args)
    await asyncio.sleep(0.01)
    print(sorted(map(str, got)))
    print(await asyncio.sleep(0.001), await asyncio.sleep(0.001, "result"))

    # TimerHandles compare equal by when, callback and arguments; a single
    # argument that is a tuple is not the same as that many arguments.
    a = asyncio.TimerHandle(5.0, print, ((1, 2),), loop)
    b = asyncio.TimerHandle(5.0, print, (1, 2), loop)
    c = asyncio.TimerHandle(5.0, print, ((1, 2),), loop)
    d = asyncio.TimerHandle(5.0, print, (), loop)
    print(a == b, a == c, d == asyncio.TimerHandle(5.0, print, (), loop), a == d, a <= c, a != b)
    a.cancel()
    c.cancel()
    print(a == c, a._args, c._args)

    loop.set_debug(True)
    d = loop.call_later(100, print, "never")
    print(type(d._source_traceback).__name__, len(d._source_traceback) > 0)
    before = repr(d)
    d.cancel()
    print("cancelled" in d._repr, "print" in d._repr, repr(d) == d._repr, before != d._repr)
    print(type(d._source_traceback).__name__)
    loop.set_debug(False)


asyncio.run(main())
# expect: no attribute foo
# expect: True ('called',) None None
# expect: 5 int
# expect: 5.5 True True True True
# expect: True False None None
# expect: called
# expect: () ('one',) (1, 2)
# expect: ['(1, 2)', 'none', 'one']
# expect: None result
# expect: False True True False True True
# expect: True None None
# expect: StackSummary True
# expect: True True True True
# expect: StackSummary
