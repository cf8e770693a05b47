# A Semaphore(10) lets 1000 tasks through at most ten at a time: the peak
# number running inside is 10, and every task gets its turn.
import asyncio

LIMIT = 10
running = 0
peak = 0
finished = 0

async def job(sem, i):
    global running, peak, finished
    async with sem:
        running += 1
        peak = max(peak, running)
        await asyncio.sleep(0.001)
        running -= 1
        finished += 1
    return i

async def main():
    sem = asyncio.Semaphore(LIMIT)
    results = await asyncio.gather(*(job(sem, i) for i in range(1000)))
    print('tasks:', len(results), 'finished:', finished)  # expect: tasks: 1000 finished: 1000
    print('peak concurrency:', peak)  # expect: peak concurrency: 10
    print('results in order:', results == list(range(1000)))  # expect: results in order: True

asyncio.run(main())
