# Done callbacks and scheduled handles in every form the C Future keeps
# them: one callback, several, callbacks that are lists/tuples/tasks
# (stored as pairs), removal down to one and to none, a task waiting on a
# future, and the handles of task steps and wakeups seen from Python.
import asyncio


class CallableList(list):
    def __call__(self, fut):
        self.append(fut.result())


class CallableTuple(tuple):
    def __call__(self, fut):
        print("tuple callback", self, fut.result())


async def main():
    loop = asyncio.get_running_loop()
    log = []

    # One callback, then none.
    f = loop.create_future()
    print(f._callbacks)
    def cb1(fut):
        log.append(("cb1", fut.result()))
    f.add_done_callback(cb1)
    print(len(f._callbacks), f._callbacks[0][0] is cb1, len(f._callbacks[0]))
    print(f.remove_done_callback(cb1), f._callbacks)

    # Several, removed down to one; they run in order.
    def cb2(fut):
        log.append(("cb2", fut.result()))
    f.add_done_callback(cb1)
    f.add_done_callback(cb2)
    f.add_done_callback(cb1)
    print(len(f._callbacks))
    print(f.remove_done_callback(cb1), [c[0].__name__ for c in f._callbacks])
    f.add_done_callback(cb1)
    f.set_result(7)
    await asyncio.sleep(0)
    print(log)

    # Callables that are a list, a tuple and a task subclass instance.
    cl = CallableList()
    ct = CallableTuple((1, 2))
    g = loop.create_future()
    g.add_done_callback(cl)
    print(g._callbacks[0][0] is cl)
    g.add_done_callback(ct)
    g.set_result("x")
    await asyncio.sleep(0)
    print(cl)

    # A task waiting on a future: its wakeup is a done callback.
    h = loop.create_future()
    async def waiter():
        return await h
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    cbs = h._callbacks
    print(len(cbs), callable(cbs[0][0]), len(cbs[0]))
    # The step handle of a new task and the wakeup handle are ordinary
    # Handles from Python's point of view.
    t2 = asyncio.create_task(asyncio.sleep(0))
    step = loop._ready[-1]
    print(type(step).__name__, callable(step._callback), step._args, step.cancelled())
    h.set_result(42)
    wake = loop._ready[-1]
    print(callable(wake._callback), wake._args == (h,))
    print(await t)
    await t2

    # remove_done_callback of a task's wakeup is not possible by name, and a
    # second waiter on the same future gets its own wakeup.
    k = loop.create_future()
    async def w2(tag):
        v = await k
        return tag, v
    a = asyncio.create_task(w2("a"))
    b = asyncio.create_task(w2("b"))
    await asyncio.sleep(0)
    print(len(k._callbacks))
    k.set_result(1)
    print(await a, await b)

    # Cancelling a task that waits: the wakeup runs with a cancelled future.
    m = loop.create_future()
    async def w3():
        try:
            await m
        except asyncio.CancelledError:
            return "cancelled"
    c = asyncio.create_task(w3())
    await asyncio.sleep(0)
    c.cancel()
    print(m.cancelled(), await c)


asyncio.run(main())
# expect: None
# expect: 1 True 2
# expect: 1 None
# expect: 3
# expect: 2 ['cb2']
# expect: [('cb2', 7), ('cb1', 7)]
# expect: True
# expect: tuple callback (1, 2) x
# expect: ['x']
# expect: 1 True 2
# expect: Handle True () False
# expect: True True
# expect: 42
# expect: 2
# expect: ('a', 1) ('b', 1)
# expect: True cancelled
