# coro.__await__() returns a coroutine_wrapper: a plain iterator over the
# coroutine, which is how an awaitable written as a class reuses a coroutine.


class Step:
    def __await__(self):
        got = yield "step"
        return got


async def work():
    a = await Step()
    b = await Step()
    return a, b


c = work()
w = c.__await__()
print(type(w).__name__)  # expect: coroutine_wrapper
print(repr(w).startswith("<coroutine_wrapper object at 0x"))  # expect: True
print(iter(w) is w, hasattr(w, "__next__"))  # expect: True True
print(next(w))  # expect: step
print(w.send("first"))  # expect: step
try:
    w.send("second")
except StopIteration as e:
    print("done", e.value)  # expect: done ('first', 'second')
print(c.cr_frame)  # expect: None
try:
    next(w)
except RuntimeError as e:
    print("RuntimeError:", e)  # expect: RuntimeError: cannot reuse already awaited coroutine

# A wrapper per call, all driving the same coroutine.
c = work()
w1, w2 = c.__await__(), c.__await__()
print(w1 is w2)  # expect: False
print(next(w1), w2.send("x"))  # expect: step step
w2.close()
print(c.cr_frame)  # expect: None

# throw() goes into the coroutine at its await.
async def guarded():
    try:
        await Step()
    except ValueError as e:
        return f"handled {e}"


w = guarded().__await__()
next(w)
try:
    w.throw(ValueError("boom"))
except StopIteration as e:
    print(e.value)  # expect: handled boom

# Argument checks name the type.
try:
    w.send()
except TypeError as e:
    print(e)  # expect: coroutine_wrapper.send() takes exactly one argument (0 given)
try:
    c.__await__(1)
except TypeError as e:
    print(e)  # expect: expected 0 arguments, got 1

# A wrapper is an iterator, not an awaitable itself.
async def await_wrapper():
    await work().__await__()


try:
    await_wrapper().send(None)
except TypeError as e:
    print(e)  # expect: object coroutine_wrapper can't be used in 'await' expression
# The wrapped coroutine never started: freed, it warns (where it is freed).
# expect stderr: {FILE}:69: RuntimeWarning: coroutine 'work' was never awaited
# expect stderr:   await work().__await__()
# expect stderr: RuntimeWarning: Enable tracemalloc to get the object allocation traceback

# for-loops and list() drive it like any iterator (the result is dropped).
print(list(work().__await__()))  # expect: ['step', 'step']
