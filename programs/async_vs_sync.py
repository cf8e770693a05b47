"""Waiting for many slow things: one at a time, in threads, or in one
thread with asyncio.

Each "fetch" stands for a network request: it spends its time waiting
(time.sleep here, asyncio.sleep in the coroutine version), not
computing. Done one after the other the waits add up. With asyncio the
program starts every fetch, and while one waits the event loop runs the
others: the total is about the longest single wait.

    minipy programs/async_vs_sync.py [PAGES]
    python3 programs/async_vs_sync.py [PAGES]

The last part shows the mistake that undoes it all: calling the blocking
time.sleep inside a coroutine stops the whole loop, so the "concurrent"
version is sequential again.
"""

import asyncio
import sys
import threading
import time

PAGES = int(sys.argv[1]) if len(sys.argv) > 1 else 10


def delay_of(i):
    # 0.1 .. 0.3 s, different per page.
    return 0.1 + (i * 7 % 5) * 0.05


def fetch_sync(i):
    time.sleep(delay_of(i))
    return f"page {i}"


async def fetch_async(i):
    await asyncio.sleep(delay_of(i))
    return f"page {i}"


async def fetch_async_wrong(i):
    time.sleep(delay_of(i))     # blocks the event loop: nothing else runs
    return f"page {i}"


def timed(label, fn):
    start = time.perf_counter()
    pages = fn()
    took = time.perf_counter() - start
    assert pages == [f"page {i}" for i in range(PAGES)], pages
    print(f"{label:<34} {took:5.2f} s")
    return took


def sequential():
    return [fetch_sync(i) for i in range(PAGES)]


def threaded():
    pages = [None] * PAGES

    def run(i):
        pages[i] = fetch_sync(i)
    threads = [threading.Thread(target=run, args=(i,)) for i in range(PAGES)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return pages


def with_asyncio():
    async def main():
        return await asyncio.gather(*(fetch_async(i) for i in range(PAGES)))
    return asyncio.run(main())


def with_asyncio_blocking():
    async def main():
        return await asyncio.gather(*(fetch_async_wrong(i) for i in range(PAGES)))
    return asyncio.run(main())


def main():
    delays = [delay_of(i) for i in range(PAGES)]
    print(f"{PAGES} fetches; waits add up to {sum(delays):.2f} s, the longest is {max(delays):.2f} s")
    print()
    seq = timed("one after the other (time.sleep)", sequential)
    thr = timed("a thread each (time.sleep)", threaded)
    aio = timed("asyncio.gather (asyncio.sleep)", with_asyncio)
    bad = timed("asyncio.gather, but time.sleep", with_asyncio_blocking)
    print()
    print(f"asyncio was {seq / aio:.1f}x faster than one at a time, in one thread;")
    print(f"time.sleep inside the coroutines made it {bad / aio:.1f}x slower again.")


if __name__ == "__main__":
    main()
