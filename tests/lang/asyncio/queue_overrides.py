# asyncio.Queue's put() and get() go through full()/empty()/put_nowait()/
# get_nowait()/_put()/_get(): a subclass that overrides one of them sees it
# called, while a plain Queue, a PriorityQueue and a LifoQueue keep their order.
import asyncio


class SmallQueue(asyncio.Queue):
    # Full at two items, whatever maxsize says.
    def full(self):
        return self.qsize() >= 2


class CountingQueue(asyncio.Queue):
    calls = 0

    def _put(self, item):
        CountingQueue.calls += 1
        super()._put(item * 10)


class LoggingQueue(asyncio.Queue):
    def get_nowait(self):
        item = super().get_nowait()
        print("get_nowait ->", item)
        return item


async def main():
    q = SmallQueue()
    await q.put(1)
    await q.put(2)
    try:
        await asyncio.wait_for(q.put(3), 0.05)
    except TimeoutError:
        print("SmallQueue full at", q.qsize())

    c = CountingQueue()
    for i in range(3):
        await c.put(i)
    print(CountingQueue.calls, [await c.get() for _ in range(3)])

    lq = LoggingQueue()
    await lq.put("a")
    print(await lq.get())

    for cls in (asyncio.Queue, asyncio.LifoQueue, asyncio.PriorityQueue):
        q = cls(3)
        for x in (5, 1, 3):
            await q.put(x)
        print(cls.__name__, q.full(), [await q.get() for _ in range(3)], q.empty())

    # Backpressure and wake-ups through the inline paths.
    q = asyncio.Queue(2)
    got = []

    async def consumer():
        while True:
            item = await q.get()
            q.task_done()
            if item is None:
                return
            got.append(item)

    t = asyncio.create_task(consumer())
    for i in range(10):
        await q.put(i)
    await q.put(None)
    await q.join()
    await t
    print(got, q.qsize())
    # put_nowait on a full queue, get_nowait on an empty one.
    q = asyncio.Queue(1)
    q.put_nowait(1)
    try:
        q.put_nowait(2)
    except asyncio.QueueFull:
        print("QueueFull")
    print(await q.get())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")


asyncio.run(main())
# expect: SmallQueue full at 2
# expect: 3 [0, 10, 20]
# expect: get_nowait -> a
# expect: a
# expect: Queue True [5, 1, 3] True
# expect: LifoQueue True [3, 1, 5] True
# expect: PriorityQueue True [1, 3, 5] True
# expect: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] 0
# expect: QueueFull
# expect: 1
# expect: QueueEmpty
