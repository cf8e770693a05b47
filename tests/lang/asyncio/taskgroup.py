# TaskGroup (3.11): the block waits for its tasks; the first failure
# cancels the siblings (their finally blocks run) and the failures come
# out together as an ExceptionGroup.
import asyncio

log = []

async def work(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f'{name} failed')
        log.append(f'{name} done')
        return name
    except asyncio.CancelledError:
        log.append(f'{name} cancelled')
        raise
    finally:
        log.append(f'{name} finally')

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(work('a', 0.01))
        t2 = tg.create_task(work('b', 0.02), name='bee')
        print(t2.get_name())  # expect: bee
    print(t1.result(), t2.result())  # expect: a b
    print(log)  # expect: ['a done', 'a finally', 'b done', 'b finally']

    # One failure cancels the others and the body.
    log.clear()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work('slow1', 1))
            tg.create_task(work('bad', 0.01, fail=True))
            tg.create_task(work('slow2', 1))
            await asyncio.sleep(1)
            log.append('body never gets here')
    except* ValueError as eg:
        print(type(eg).__name__, eg.message, [str(e) for e in eg.exceptions])
    # expect: ExceptionGroup unhandled errors in a TaskGroup ['bad failed']
    print(sorted(log))
    # expect: ['bad finally', 'slow1 cancelled', 'slow1 finally', 'slow2 cancelled', 'slow2 finally']

    # Several failures are collected.
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work('x', 0.01, fail=True))
            tg.create_task(work('y', 0.01, fail=True))
    except ExceptionGroup as eg:
        print(sorted(str(e) for e in eg.exceptions))  # expect: ['x failed', 'y failed']

    # An error in the body itself cancels the tasks and joins the group.
    log.clear()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work('bg', 1))
            await asyncio.sleep(0)
            raise KeyError('from the body')
    except ExceptionGroup as eg:
        print(repr(eg.exceptions))  # expect: (KeyError('from the body'),)
    print(log)  # expect: ['bg cancelled', 'bg finally']

    # Cancelling the task that runs the group cancels its children too.
    log.clear()
    async def runner():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work('child', 1))
            await asyncio.sleep(1)
    r = asyncio.create_task(runner())
    await asyncio.sleep(0.01)
    r.cancel()
    try:
        await r
    except asyncio.CancelledError:
        print('runner cancelled', log)  # expect: runner cancelled ['child cancelled', 'child finally']

    tg = asyncio.TaskGroup()
    coro = work('z', 0)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print(e)  # expect: TaskGroup <TaskGroup> has not been entered
    coro.close()

asyncio.run(main())
