# Tasks: names, reprs, results, current_task/all_tasks, ensure_future.
import asyncio

async def add(a, b):
    await asyncio.sleep(0)
    return a + b

async def main():
    me = asyncio.current_task()
    print(me.get_name())  # expect: Task-1
    print(repr(me).startswith(f"<Task pending name='Task-1' coro=<main() running at {__file__}:"))  # expect: True
    t = asyncio.create_task(add(1, 2))
    print(t.get_name())  # expect: Task-2
    print(repr(t))  # expect: <Task pending name='Task-2' coro=<add() running at {FILE}:4>>
    named = asyncio.create_task(add(3, 4), name='adder')
    print(named.get_name())  # expect: adder
    named.set_name(99)
    print(repr(named.get_name()))  # expect: '99'
    print(t.get_coro().__name__, t.done())  # expect: add False
    print(len(asyncio.all_tasks()), me in asyncio.all_tasks())  # expect: 3 True
    print(await t, await named)  # expect: 3 7
    print(repr(t))  # expect: <Task finished name='Task-2' coro=<add() done, defined at {FILE}:4> result=3>
    print(t.done(), t.cancelled(), t.result(), t.exception())  # expect: True False 3 None
    print(len(asyncio.all_tasks()))  # expect: 1

    # A task is a Future.
    print(asyncio.isfuture(t), isinstance(t, asyncio.Future))  # expect: True True
    try:
        t.set_result(1)
    except RuntimeError as e:
        print(e)  # expect: Task does not support set_result operation
    try:
        t.set_exception(ValueError())
    except RuntimeError as e:
        print(e)  # expect: Task does not support set_exception operation

    # ensure_future: a future is returned as is, a coroutine gets a task.
    print(asyncio.ensure_future(t) is t)  # expect: True
    e = asyncio.ensure_future(add(5, 5))
    print(type(e).__name__, await e)  # expect: Task 10
    try:
        asyncio.ensure_future(42)
    except TypeError as exc:
        print(exc)  # expect: An asyncio.Future, a coroutine or an awaitable is required

    # Objects with __await__ are awaitable and can become tasks.
    class Later:
        def __await__(self):
            yield from asyncio.sleep(0).__await__()
            return 'later'
    print(await Later())  # expect: later
    print(await asyncio.ensure_future(Later()))  # expect: later

    # A failing task raises its exception where it is awaited.
    async def fail():
        raise ValueError('inner')
    ft = asyncio.create_task(fail())
    try:
        await ft
    except ValueError as exc:
        print('caught', exc)  # expect: caught inner
    print(repr(ft.exception()))  # expect: ValueError('inner')

    # Tasks run concurrently, interleaving at each await.
    log = []
    async def worker(name, n):
        for i in range(n):
            log.append(f'{name}{i}')
            await asyncio.sleep(0)
    await asyncio.gather(worker('a', 3), worker('b', 3))
    print(' '.join(log))  # expect: a0 b0 a1 b1 a2 b2

    try:
        asyncio.Task(42)
    except TypeError as exc:
        print(exc)  # expect: a coroutine was expected, got 42
    return 'main done'

print(asyncio.run(main()))  # expect: main done

try:
    asyncio.current_task()
except RuntimeError as exc:
    print(exc)  # expect: no running event loop

async def other():
    return 1
c = other()
try:
    asyncio.create_task(c)
except RuntimeError as exc:
    print(exc)  # expect: no running event loop
c.close()
print(asyncio.iscoroutine(c), asyncio.iscoroutinefunction(other), asyncio.iscoroutinefunction(print))  # expect: True True False
