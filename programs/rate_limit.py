"""Limiting concurrency with asyncio.Semaphore.

A thousand tasks want to call a slow service that must not see more than
LIMIT requests at a time. Each task enters `async with sem:` before its
request: the semaphore lets LIMIT in, and the others wait in line (in
order) until one leaves. The program counts how many are inside at once
and reports the peak, then shows the total time is about
tasks / LIMIT * request time, as the arithmetic says.

    minipy programs/rate_limit.py [TASKS] [LIMIT]
    python3 programs/rate_limit.py [TASKS] [LIMIT]

A second part spaces requests out in time as well (at most RATE per
second), with a small token bucket built on asyncio.sleep.
"""

import asyncio
import sys
import time

TASKS = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
LIMIT = int(sys.argv[2]) if len(sys.argv) > 2 else 10
REQUEST_TIME = 0.01
RATE = 200          # requests per second, for the second part


class Stats:
    def __init__(self):
        self.inside = 0
        self.peak = 0
        self.done = 0


async def request(sem, stats, i):
    async with sem:
        stats.inside += 1
        stats.peak = max(stats.peak, stats.inside)
        await asyncio.sleep(REQUEST_TIME)     # the slow service
        stats.inside -= 1
        stats.done += 1
    return i


class TokenBucket:
    """At most `rate` acquisitions per second, on average."""

    def __init__(self, rate):
        self.interval = 1.0 / rate
        self.next_time = 0.0

    async def acquire(self):
        loop = asyncio.get_running_loop()
        now = loop.time()
        wait = self.next_time - now
        self.next_time = max(now, self.next_time) + self.interval
        if wait > 0:
            await asyncio.sleep(wait)


async def main():
    sem = asyncio.Semaphore(LIMIT)
    stats = Stats()
    start = time.perf_counter()
    results = await asyncio.gather(*(request(sem, stats, i) for i in range(TASKS)))
    took = time.perf_counter() - start
    assert results == list(range(TASKS))
    expected = TASKS / LIMIT * REQUEST_TIME
    print(f"{TASKS} tasks, Semaphore({LIMIT}), {REQUEST_TIME * 1000:.0f} ms per request")
    print(f"  peak concurrency: {stats.peak}")
    print(f"  finished: {stats.done}")
    print(f"  took {took:.2f} s (at least {expected:.2f} s: {TASKS} / {LIMIT} x {REQUEST_TIME} s)")

    n = min(TASKS, 100)
    bucket = TokenBucket(RATE)
    stamps = []

    async def paced(i):
        await bucket.acquire()
        stamps.append(time.perf_counter())

    start = time.perf_counter()
    await asyncio.gather(*(paced(i) for i in range(n)))
    span = stamps[-1] - start
    print(f"{n} requests paced at {RATE}/s: spread over {span:.2f} s "
          f"(about {(n - 1) / RATE:.2f} s expected)")


if __name__ == "__main__":
    asyncio.run(main())
