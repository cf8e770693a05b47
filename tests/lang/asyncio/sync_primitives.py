# Event, Condition, Semaphore, BoundedSemaphore, Barrier.
import asyncio

async def main():
    # Event: every waiter wakes when it is set.
    ev = asyncio.Event()
    woke = []
    async def waiter(i):
        await ev.wait()
        woke.append(i)
    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print(ev.is_set(), woke)  # expect: False []
    ev.set()
    await asyncio.gather(*ws)
    print(ev.is_set(), woke)  # expect: True [0, 1, 2]
    print(await ev.wait())  # expect: True
    ev.clear()
    print(ev.is_set())  # expect: False

    # Condition: wait releases the lock until notified.
    cond = asyncio.Condition()
    items = []
    async def consumer(name):
        async with cond:
            await cond.wait_for(lambda: items)
            return f'{name} got {items.pop(0)}'
    cs = [asyncio.create_task(consumer(n)) for n in ('c1', 'c2')]
    await asyncio.sleep(0)
    async with cond:
        items.append('x')
        cond.notify()
    await asyncio.sleep(0)
    async with cond:
        items.append('y')
        cond.notify_all()
    print(await asyncio.gather(*cs))  # expect: ['c1 got x', 'c2 got y']
    try:
        cond.notify()
    except RuntimeError as e:
        print(e)  # expect: cannot notify on un-acquired lock
    try:
        await cond.wait()
    except RuntimeError as e:
        print(e)  # expect: cannot wait on un-acquired lock

    # Semaphore.
    sem = asyncio.Semaphore(2)
    print(sem.locked())  # expect: False
    await sem.acquire()
    await sem.acquire()
    print(sem.locked())  # expect: True
    sem.release()
    sem.release()
    sem.release()       # a plain Semaphore may go over its start value
    print(repr(sem).endswith('[unlocked, value:3]>'))  # expect: True
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print(e)  # expect: Semaphore initial value must be >= 0

    bsem = asyncio.BoundedSemaphore(1)
    async with bsem:
        pass
    try:
        bsem.release()
    except ValueError as e:
        print(e)  # expect: BoundedSemaphore released too many times

    # Barrier: parties tasks meet, each gets its arrival index.
    barrier = asyncio.Barrier(3)
    arrived = []
    async def party(i):
        await asyncio.sleep(i * 0.01)
        arrived.append(i)
        idx = await barrier.wait()
        return (i, idx, len(arrived))
    print(await asyncio.gather(*(party(i) for i in range(3))))
    # expect: [(0, 0, 3), (1, 1, 3), (2, 2, 3)]
    print(barrier.parties, barrier.n_waiting, barrier.broken)  # expect: 3 0 False

asyncio.run(main())
