# wait (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, timeout),
# wait_for, shield, as_completed.
import asyncio

async def after(delay, value, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(value)
    return value

def names(tasks):
    return sorted(t.get_name() for t in tasks)

async def main():
    def make():
        return [asyncio.create_task(after(0.01, 'a'), name='a'),
                asyncio.create_task(after(0.2, 'b', fail=True), name='b'),
                asyncio.create_task(after(0.5, 'c'), name='c')]

    ts = make()
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print(names(done), names(pending))  # expect: ['a'] ['b', 'c']
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_EXCEPTION)
    print(names(done), names(pending))  # expect: ['b'] ['c']
    print(repr(done.pop().exception()))  # expect: ValueError('b')
    done, pending = await asyncio.wait(pending)
    print(names(done), names(pending))  # expect: ['c'] []

    ts = make()
    done, pending = await asyncio.wait(ts, timeout=0.1)
    print(names(done), names(pending))  # expect: ['a'] ['b', 'c']
    for t in pending:
        t.cancel()
    await asyncio.wait(pending)
    print(asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)
    # expect: FIRST_COMPLETED FIRST_EXCEPTION ALL_COMPLETED

    for bad in ([], set()):
        try:
            await asyncio.wait(bad)
        except ValueError as e:
            print(e)
    # expect: Set of Tasks/Futures is empty.
    # expect: Set of Tasks/Futures is empty.
    coro = asyncio.sleep(0)
    try:
        await asyncio.wait([coro])
    except TypeError as e:
        print(e)  # expect: Passing coroutines is forbidden, use tasks explicitly.
    coro.close()
    try:
        await asyncio.wait([asyncio.create_task(after(0, 1))], return_when='SOMETIME')
    except ValueError as e:
        print(e)  # expect: Invalid return_when value: SOMETIME

    # wait_for: the result in time, TimeoutError (the builtin) too late.
    print(await asyncio.wait_for(after(0.01, 'in time'), timeout=1))  # expect: in time
    print(await asyncio.wait_for(after(0, 'no timeout'), None))  # expect: no timeout
    log = []
    async def slow():
        try:
            await asyncio.sleep(10)
        finally:
            log.append('slow cleaned up')
    try:
        await asyncio.wait_for(slow(), timeout=0.02)
    except TimeoutError as e:
        print('timed out', type(e) is TimeoutError, asyncio.TimeoutError is TimeoutError)
    # expect: timed out True True
    print(log)  # expect: ['slow cleaned up']
    try:
        await asyncio.wait_for(slow(), timeout=0)
    except TimeoutError:
        print('zero timeout')  # expect: zero timeout

    # shield: cancelling the waiter does not cancel the shielded task.
    inner = asyncio.create_task(after(0.05, 'shielded result'))
    async def waiter():
        return await asyncio.shield(inner)
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.01)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print('waiter cancelled', inner.cancelled())  # expect: waiter cancelled False
    print(await inner)  # expect: shielded result

    # as_completed: in order of completion.
    aws = [after(0.03, 'third'), after(0.01, 'first'), after(0.02, 'second')]
    for next_done in asyncio.as_completed(aws):
        print(await next_done)
    # expect: first
    # expect: second
    # expect: third
    try:
        for next_done in asyncio.as_completed([after(1, 'late')], timeout=0.01):
            await next_done
    except TimeoutError:
        print('as_completed timed out')  # expect: as_completed timed out

asyncio.run(main())
