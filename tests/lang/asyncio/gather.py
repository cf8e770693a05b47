# gather: results in argument order, return_exceptions, cancellation.
import asyncio

async def after(delay, value, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(value)
    return value

async def main():
    # Order of the arguments, not of completion.
    print(await asyncio.gather(after(0.03, 'slow'), after(0.01, 'fast'), after(0.02, 'mid')))
    # expect: ['slow', 'fast', 'mid']
    print(await asyncio.gather())  # expect: []

    # The same awaitable twice is run once.
    t = asyncio.create_task(after(0, 'once'))
    print(await asyncio.gather(t, t))  # expect: ['once', 'once']

    # The first exception propagates; the others keep running.
    slow = asyncio.create_task(after(0.3, 'still ran'))
    try:
        await asyncio.gather(after(0.01, 'bad', fail=True), slow)
    except ValueError as e:
        print('raised', e, slow.done())  # expect: raised bad False
    print(await slow)  # expect: still ran

    # With return_exceptions the exceptions are results.
    res = await asyncio.gather(after(0, 1), after(0, 'x', fail=True), after(0, 3),
                               return_exceptions=True)
    print(res)  # expect: [1, ValueError('x'), 3]

    # A child cancelled by someone else counts as CancelledError.
    victim = asyncio.create_task(after(1, 'never'))
    g = asyncio.gather(victim, after(0.01, 'ok'), return_exceptions=True)
    await asyncio.sleep(0)
    victim.cancel('stop it')
    print(await g)  # expect: [CancelledError(''), 'ok']

    victim = asyncio.create_task(after(1, 'never'))
    g = asyncio.gather(victim, after(0.01, 'ok'))
    await asyncio.sleep(0)
    victim.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print('gather raised CancelledError')  # expect: gather raised CancelledError

    # Cancelling the gather cancels its children.
    kids = [asyncio.create_task(after(1, i)) for i in range(3)]
    g = asyncio.gather(*kids)
    await asyncio.sleep(0)
    print(g.cancel())  # expect: True
    try:
        await g
    except asyncio.CancelledError:
        print('cancelled gather')  # expect: cancelled gather
    print([k.cancelled() for k in kids])  # expect: [True, True, True]

    # Futures and tasks mix with coroutines.
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, 'future')
    print(await asyncio.gather(fut, after(0, 'coro'), asyncio.create_task(after(0, 'task'))))
    # expect: ['future', 'coro', 'task']

asyncio.run(main())
