# asyncio keeps its Python Future and Task (_PyFuture, _PyTask) beside the
# native ones, as CPython does; a task factory can select them. The same
# programs behave the same with either.
import asyncio
from asyncio import futures, tasks

print(futures._PyFuture.__name__, tasks._PyTask.__name__)  # expect: Future Task
print(issubclass(tasks._PyTask, futures._PyFuture))  # expect: True

async def child(n):
    await asyncio.sleep(0)
    if n < 0:
        raise ValueError(n)
    return n * 2

async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(lambda loop, coro, **kw: tasks._PyTask(coro, loop=loop, **kw))
    t = asyncio.create_task(child(21), name='py-task')
    print(type(t) is tasks._PyTask, t.get_name())  # expect: True py-task
    print(await t)  # expect: 42
    print(await asyncio.gather(child(1), child(2), child(-3), return_exceptions=True))  # expect: [2, 4, ValueError(-3)]

    f = futures._PyFuture(loop=loop)
    loop.call_later(0.01, f.set_result, 'py future')
    print(await f)  # expect: py future
    g = futures._PyFuture(loop=loop)
    g.cancel('why')
    try:
        await g
    except asyncio.CancelledError as e:
        print('cancelled', e.args)  # expect: cancelled ('why',)

    # A native task awaiting a Python future and the reverse.
    loop.set_task_factory(None)
    pf = futures._PyFuture(loop=loop)
    async def waits(fut):
        return await fut
    nt = asyncio.create_task(waits(pf))
    await asyncio.sleep(0)
    pf.set_result('mixed')
    print(await nt)  # expect: mixed

    # Cancellation reaches through either kind.
    loop.set_task_factory(lambda loop, coro, **kw: tasks._PyTask(coro, loop=loop, **kw))
    sleeper = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    sleeper.cancel()
    try:
        await sleeper
    except asyncio.CancelledError:
        print('py task cancelled', sleeper.cancelled())  # expect: py task cancelled True
    loop.set_task_factory(None)

asyncio.run(main())
