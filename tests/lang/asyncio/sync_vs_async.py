# Three "fetches" of 0.1, 0.15 and 0.2 s. Done one after the other with
# time.sleep they take the sum (0.45 s); as coroutines with asyncio.sleep,
# run with gather, they overlap and take about the longest (0.2 s).
import asyncio
import time

DELAYS = [0.1, 0.15, 0.2]

def fetch_sync(i, delay):
    time.sleep(delay)          # blocks the whole thread
    return f'page {i}'

async def fetch_async(i, delay):
    await asyncio.sleep(delay)  # suspends this task only
    return f'page {i}'

t0 = time.monotonic()
pages = [fetch_sync(i, d) for i, d in enumerate(DELAYS)]
sync_time = time.monotonic() - t0
print(pages)  # expect: ['page 0', 'page 1', 'page 2']
print('sync took at least the sum:', sync_time >= sum(DELAYS) - 0.01)  # expect: sync took at least the sum: True

async def main():
    return await asyncio.gather(*(fetch_async(i, d) for i, d in enumerate(DELAYS)))

t0 = time.monotonic()
pages = asyncio.run(main())
async_time = time.monotonic() - t0
print(pages)  # expect: ['page 0', 'page 1', 'page 2']
print('async took at least the longest:', async_time >= max(DELAYS) - 0.01)  # expect: async took at least the longest: True
print('async took less than the sum:', async_time < sum(DELAYS))  # expect: async took less than the sum: True

# time.sleep inside a coroutine blocks every other task: the ticker below
# cannot tick while the blocker sleeps.
ticks = []

async def ticker():
    for _ in range(5):
        ticks.append(round(time.monotonic() - start, 2))
        await asyncio.sleep(0.01)

async def blocker():
    await asyncio.sleep(0)
    time.sleep(0.2)             # wrong: should be await asyncio.sleep(0.2)

async def main2():
    global start
    start = time.monotonic()
    await asyncio.gather(ticker(), blocker())

asyncio.run(main2())
gaps = [b - a for a, b in zip(ticks, ticks[1:])]
print('one gap as long as the blocking call:', max(gaps) >= 0.15)  # expect: one gap as long as the blocking call: True
