# async with: awaits __aenter__() on the way in and __aexit__() on every way
# out (normal end, exception, return, break, continue); a true result of
# __aexit__ suppresses the exception.


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


class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        await Tick()
        print("  enter", self.name)
        return self.name.upper()

    async def __aexit__(self, typ, val, tb):
        await Tick()
        print("  exit", self.name, typ.__name__ if typ else None, val, tb is not None)
        return self.suppress


async def basic():
    async with Resource("a") as a:
        print("  body", a)
    return "ok"


print(run(basic()))
# expect:   enter a
# expect:   body A
# expect:   exit a None None False
# expect:   [2 suspensions]
# expect: ok


async def several():
    async with Resource("outer") as o, Resource("inner") as i:
        print("  body", o, i)


run(several())
# expect:   enter outer
# expect:   enter inner
# expect:   body OUTER INNER
# expect:   exit inner None None False
# expect:   exit outer None None False
# expect:   [4 suspensions]


async def suppressed():
    async with Resource("s", suppress=True):
        raise ValueError("hidden")
    return "after"


print(run(suppressed()))
# expect:   enter s
# expect:   exit s ValueError hidden True
# expect:   [2 suspensions]
# expect: after


async def propagated():
    try:
        async with Resource("p"):
            raise KeyError("seen")
    except KeyError as e:
        return f"caught {e!r}"


print(run(propagated()))
# expect:   enter p
# expect:   exit p KeyError 'seen' True
# expect:   [2 suspensions]
# expect: caught KeyError('seen')


async def early_return():
    async with Resource("r"):
        return "returned"


print(run(early_return()))
# expect:   enter r
# expect:   exit r None None False
# expect:   [2 suspensions]
# expect: returned


async def loop_exits():
    for i in range(3):
        async with Resource(f"l{i}"):
            if i == 0:
                continue
            if i == 1:
                break
    return i


print(run(loop_exits()))
# expect:   enter l0
# expect:   exit l0 None None False
# expect:   enter l1
# expect:   exit l1 None None False
# expect:   [4 suspensions]
# expect: 1


# __aexit__ sees the exception; raising from it replaces the original.
class Failing:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        raise RuntimeError("from aexit")


async def replaced():
    try:
        async with Failing():
            1 / 0
    except RuntimeError as e:
        return f"{e} (context: {type(e.__context__).__name__})"


print(run(replaced()))
# expect:   [0 suspensions]
# expect: from aexit (context: ZeroDivisionError)


# Synchronous context managers do not work with async with, nor the reverse.
class SyncOnly:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        pass


async def wrong_kind():
    async with SyncOnly():
        pass


try:
    run(wrong_kind())
except TypeError as e:
    print(e)  # expect: 'SyncOnly' object does not support the asynchronous context manager protocol


def sync_with_async_cm():
    with Resource("x"):
        pass


try:
    sync_with_async_cm()
except (TypeError, AttributeError) as e:
    print(type(e).__name__)  # expect: TypeError
