# The async variants of contextlib, now that await works: @asynccontextmanager (as a
# context manager and as a decorator), AsyncExitStack with async callbacks, aclosing(),
# nullcontext in async with. Driven by hand with send(None).
import contextlib, sys
class Tick:
    def __await__(self):
        yield
def run(c):
    try:
        while True: c.send(None)
    except StopIteration as e:
        return e.value
@contextlib.asynccontextmanager
async def res(name):
    print("open", name)
    await Tick()
    try:
        yield name.upper()
    except KeyError as e:
        print("handled", repr(e))
    finally:
        await Tick()
        print("close", name)
async def main():
    async with res("a") as a:
        print("in", a)
    async with res("b"):
        raise KeyError("k")
    try:
        async with res("c"):
            raise ValueError("v")
    except ValueError as e:
        print("propagated", repr(e))
    async with contextlib.AsyncExitStack() as stack:
        x = await stack.enter_async_context(res("s1"))
        y = await stack.enter_async_context(res("s2"))
        stack.push_async_callback(lambda: Tick2())
        print("stack", x, y)
    async def agen():
        try:
            yield 1
            yield 2
        finally:
            print("agen closed")
    async with contextlib.aclosing(agen()) as g:
        async for v in g:
            print("v", v)
            break
    @res("deco")
    async def decorated(n):
        print("decorated body", n)
        return n * 2
    print(await decorated(21))
    async with contextlib.nullcontext(5) as n:
        print("null", n)
    return "ok"
async def Tick2():
    print("callback")
print(run(main()))
# expect: open a
# expect: in A
# expect: close a
# expect: open b
# expect: handled KeyError('k')
# expect: close b
# expect: open c
# expect: close c
# expect: propagated ValueError('v')
# expect: open s1
# expect: open s2
# expect: stack S1 S2
# expect: callback
# expect: close s2
# expect: close s1
# expect: v 1
# expect: agen closed
# expect: open deco
# expect: decorated body 21
# expect: close deco
# expect: 42
# expect: null 5
# expect: ok
