"""Producers and consumers joined by a bounded asyncio.Queue.

Producers make items faster than consumers can handle them. The queue
holds at most MAXSIZE items: when it is full, `await queue.put()` waits,
so the producers slow down to the consumers' pace (backpressure) instead
of piling up memory. When the producers are done, main puts one poison
pill (None) per consumer; a consumer that gets one stops. queue.join()
waits until every item put has been marked task_done().

    minipy programs/producer_consumer.py [ITEMS]
    python3 programs/producer_consumer.py [ITEMS]
"""

import asyncio
import sys
import time

ITEMS = int(sys.argv[1]) if len(sys.argv) > 1 else 200
PRODUCERS = 2
CONSUMERS = 4
MAXSIZE = 8
PRODUCE_TIME = 0.001
CONSUME_TIME = 0.01


async def producer(queue, name, items, stats):
    for item in items:
        await asyncio.sleep(PRODUCE_TIME)          # making the item
        t0 = time.perf_counter()
        await queue.put((name, item))               # waits while the queue is full
        stats["blocked"] += time.perf_counter() - t0
        stats["max_qsize"] = max(stats["max_qsize"], queue.qsize())


async def consumer(queue, name, handled):
    while True:
        entry = await queue.get()
        if entry is None:                           # the poison pill
            queue.task_done()
            return
        await asyncio.sleep(CONSUME_TIME)           # handling it
        handled.setdefault(name, []).append(entry[1])
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=MAXSIZE)
    stats = {"blocked": 0.0, "max_qsize": 0}
    handled = {}
    consumers = [asyncio.create_task(consumer(queue, f"consumer-{i}", handled))
                 for i in range(CONSUMERS)]
    start = time.perf_counter()
    chunks = [range(i, ITEMS, PRODUCERS) for i in range(PRODUCERS)]
    await asyncio.gather(*(producer(queue, f"producer-{i}", chunk, stats)
                           for i, chunk in enumerate(chunks)))
    for _ in consumers:
        await queue.put(None)
    await queue.join()
    await asyncio.gather(*consumers)
    took = time.perf_counter() - start

    everything = sorted(x for items in handled.values() for x in items)
    assert everything == list(range(ITEMS)), "lost or duplicated items"
    print(f"{ITEMS} items, {PRODUCERS} producers, {CONSUMERS} consumers, queue of {MAXSIZE}")
    for name in sorted(handled):
        print(f"  {name} handled {len(handled[name])} items")
    print(f"  the queue never held more than {stats['max_qsize']} items")
    print(f"  producers spent {stats['blocked']:.2f} s waiting for room (backpressure)")
    print(f"  took {took:.2f} s; consumers alone need about "
          f"{ITEMS * CONSUME_TIME / CONSUMERS:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())
