# `await` runs another coroutine to completion inside this one: every value the
# innermost awaitable yields passes straight out to whoever drives the outer
# coroutine, and what it sends back comes straight in (the SEND loop).


class Pause:
    """A minimal awaitable: suspends once, returns what the driver sent."""

    def __init__(self, label):
        self.label = label

    def __await__(self):
        reply = yield self.label
        return reply


def drive(coro, replies):
    """Sends each reply in turn; prints what the coroutine yields."""
    value = coro.send(None)
    for r in replies:
        print("  yielded", value, "-> sending", r)
        try:
            value = coro.send(r)
        except StopIteration as e:
            return e.value
    raise AssertionError("still running")


async def leaf(n):
    got = await Pause(f"leaf{n}")
    return got + n


async def middle():
    a = await leaf(1)
    b = await leaf(2)
    return a + b


async def top():
    total = await middle()
    more = await Pause("top")
    return total, more


print(drive(top(), [10, 20, "x"]))
# expect:   yielded leaf1 -> sending 10
# expect:   yielded leaf2 -> sending 20
# expect:   yielded top -> sending x
# expect: (33, 'x')


# Awaiting a coroutine that never suspends completes at once.
async def instant():
    return "instant"


async def caller():
    return [await instant() for _ in range(3)]


try:
    caller().send(None)
except StopIteration as e:
    print(e.value)  # expect: ['instant', 'instant', 'instant']


# Exceptions propagate out of awaits like out of calls, and can be caught.
async def fails():
    await Pause("before failing")
    raise KeyError("inner")


async def catches():
    try:
        await fails()
    except KeyError as e:
        print("caught", repr(e))
        return "recovered"


print(drive(catches(), [None]))
# expect:   yielded before failing -> sending None
# expect: caught KeyError('inner')
# expect: recovered

# cr_await shows what a suspended coroutine waits on.
t = top()
print(t.cr_await)  # expect: None
t.send(None)
m = t.cr_await
print(type(m).__name__, m.__qualname__)  # expect: coroutine middle
lf = m.cr_await
print(lf.__qualname__, type(lf.cr_await).__name__)  # expect: leaf generator
print(t.cr_suspended, m.cr_suspended, t.cr_running)  # expect: True True False
t.close()
print(t.cr_await, m.cr_frame)  # expect: None None


# await is an expression: it can appear anywhere a value can.
async def expressions():
    d = {await leaf(0): [await leaf(1), (await leaf(2)) * 2]}
    return d, f"{await leaf(3)}!"


print(drive(expressions(), [1, 2, 3, 4]))
# expect:   yielded leaf0 -> sending 1
# expect:   yielded leaf1 -> sending 2
# expect:   yielded leaf2 -> sending 3
# expect:   yielded leaf3 -> sending 4
# expect: ({1: [3, 10]}, '7!')
