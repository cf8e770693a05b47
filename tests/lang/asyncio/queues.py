# Queues between tasks: FIFO, priority, LIFO; bounded put waits for room;
# task_done/join; the nowait variants raise QueueFull/QueueEmpty.
import asyncio

async def main():
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    print(q.qsize(), q.empty(), q.full(), q.maxsize)  # expect: 3 False False 0
    print([q.get_nowait() for _ in range(3)])  # expect: [0, 1, 2]
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print('QueueEmpty')  # expect: QueueEmpty
    print(str(q))  # expect: <Queue maxsize=0 tasks=3>

    pq = asyncio.PriorityQueue()
    for item in [(3, 'c'), (1, 'a'), (2, 'b')]:
        await pq.put(item)
    print([(await pq.get())[1] for _ in range(3)])  # expect: ['a', 'b', 'c']

    lq = asyncio.LifoQueue()
    for i in range(3):
        await lq.put(i)
    print([await lq.get() for _ in range(3)])  # expect: [2, 1, 0]

    # Bounded: put waits while full (backpressure on the producer).
    bq = asyncio.Queue(maxsize=2)
    await bq.put('a')
    await bq.put('b')
    print(bq.full())  # expect: True
    try:
        bq.put_nowait('c')
    except asyncio.QueueFull:
        print('QueueFull')  # expect: QueueFull
    log = []
    async def producer():
        await bq.put('c')
        log.append('put c done')
    p = asyncio.create_task(producer())
    await asyncio.sleep(0)
    print(log, str(bq))  # expect: [] <Queue maxsize=2 _queue=['a', 'b'] _putters[1] tasks=2>
    print(await bq.get())  # expect: a
    await p
    print(log, bq.qsize())  # expect: ['put c done'] 2

    # A getter waits for an item.
    eq = asyncio.Queue()
    g = asyncio.create_task(eq.get())
    await asyncio.sleep(0)
    print(g.done())  # expect: False
    eq.put_nowait('hello')
    print(await g)  # expect: hello

    # join() returns once every item has been marked done.
    jq = asyncio.Queue()
    done_items = []
    async def worker():
        while True:
            item = await jq.get()
            await asyncio.sleep(0.001)
            done_items.append(item)
            jq.task_done()
    workers = [asyncio.create_task(worker()) for _ in range(3)]
    for i in range(10):
        jq.put_nowait(i)
    await jq.join()
    print(sorted(done_items))  # expect: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    try:
        jq.task_done()
    except ValueError as e:
        print(e)  # expect: task_done() called too many times

    # A cancelled getter does not lose an item.
    cq = asyncio.Queue()
    g1 = asyncio.create_task(cq.get())
    g2 = asyncio.create_task(cq.get())
    await asyncio.sleep(0)
    g1.cancel()
    cq.put_nowait('only')
    print(await g2)  # expect: only

asyncio.run(main())
