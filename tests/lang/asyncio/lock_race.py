# The lost update: each task reads a shared counter, awaits (another task
# runs meanwhile), then writes back its stale value plus one. With an
# asyncio.Lock around the read-await-write the updates are not lost.
import asyncio

counter = 0

async def unsafe_increment():
    global counter
    value = counter
    await asyncio.sleep(0)      # another task runs here and reads the same value
    counter = value + 1

async def safe_increment(lock):
    global counter
    async with lock:
        value = counter
        await asyncio.sleep(0)
        counter = value + 1

async def main():
    global counter
    await asyncio.gather(*(unsafe_increment() for _ in range(100)))
    print('without a lock:', counter)  # expect: without a lock: 1

    counter = 0
    lock = asyncio.Lock()
    await asyncio.gather(*(safe_increment(lock) for _ in range(100)))
    print('with a lock:', counter)  # expect: with a lock: 100

    # Lock basics.
    print(lock.locked())  # expect: False
    print(await lock.acquire(), lock.locked())  # expect: True True
    order = []
    async def contender(name):
        async with lock:
            order.append(name)
    tasks = [asyncio.create_task(contender(n)) for n in 'abc']
    await asyncio.sleep(0)
    print(order, '[locked, waiters:3]' in repr(lock))  # expect: [] True
    lock.release()
    await asyncio.gather(*tasks)
    print(order)  # expect: ['a', 'b', 'c']
    try:
        lock.release()
    except RuntimeError as e:
        print(e)  # expect: Lock is not acquired.
    print(repr(lock).endswith('[unlocked]>'))  # expect: True

asyncio.run(main())
