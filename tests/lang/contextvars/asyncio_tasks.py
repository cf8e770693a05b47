# asyncio and contextvars: each Task runs in a copy of the context it was
# created in, so request-scoped values never leak between concurrent tasks;
# callbacks run in the context current when they were scheduled.
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default=None)
log = []


async def handle(n):
    request_id.set(f"req-{n}")
    await asyncio.sleep(0.01 * (3 - n))
    await helper(n)
    return request_id.get()


async def helper(n):
    await asyncio.sleep(0)
    log.append((n, request_id.get()))


async def main():
    request_id.set("main")
    results = await asyncio.gather(*(handle(i) for i in range(3)))
    print(results)  # expect: ['req-0', 'req-1', 'req-2']
    print(sorted(log))  # expect: [(0, 'req-0'), (1, 'req-1'), (2, 'req-2')]
    print(request_id.get())  # expect: main

    # A task copies the context at creation: later changes are not seen.
    async def peek():
        return request_id.get()
    t = asyncio.create_task(peek())
    request_id.set("changed")
    print(await t)  # expect: main

    # An explicit context.
    ctx = contextvars.Context()
    ctx.run(request_id.set, "explicit")
    print(await asyncio.create_task(peek(), context=ctx))  # expect: explicit

    # call_soon copies the current context; context= overrides it.
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    got = []
    loop.call_soon(lambda: got.append(request_id.get()))
    loop.call_soon(lambda: got.append(request_id.get()), context=ctx)
    loop.call_soon(done.set_result, None)
    await done
    print(got)  # expect: ['changed', 'explicit']

    # Done callbacks too.
    fut = loop.create_future()
    fut.add_done_callback(lambda f: got.append(("cb", request_id.get())))
    request_id.set("later")
    fut.set_result(1)
    await asyncio.sleep(0)
    print(got[-1])  # expect: ('cb', 'changed')

    # to_thread runs the function in a copy of the context.
    print(await asyncio.to_thread(request_id.get))  # expect: later


asyncio.run(main())
print(request_id.get())  # expect: None
