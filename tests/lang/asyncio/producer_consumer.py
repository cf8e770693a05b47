# Producer/consumer with a bounded queue: the producer is held back while
# the queue is full, consumers stop at a poison pill (None), one each.
import asyncio

N_ITEMS = 50
N_CONSUMERS = 3
MAXSIZE = 5

async def producer(q, stats):
    for i in range(N_ITEMS):
        await q.put(i)
        stats['max_qsize'] = max(stats['max_qsize'], q.qsize())
    for _ in range(N_CONSUMERS):
        await q.put(None)   # the poison pill

async def consumer(q, name, out):
    count = 0
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            return name, count
        await asyncio.sleep(0.001)   # the work
        out.append(item * item)
        count += 1
        q.task_done()

async def main():
    q = asyncio.Queue(maxsize=MAXSIZE)
    stats = {'max_qsize': 0}
    out = []
    consumers = [asyncio.create_task(consumer(q, f'c{i}', out)) for i in range(N_CONSUMERS)]
    await producer(q, stats)
    await q.join()
    counts = await asyncio.gather(*consumers)
    print('items consumed:', sum(c for _, c in counts))  # expect: items consumed: 50
    print('every consumer worked:', all(c > 0 for _, c in counts))  # expect: every consumer worked: True
    print('results:', sorted(out) == [i * i for i in range(N_ITEMS)])  # expect: results: True
    print('queue never over its bound:', stats['max_qsize'] <= MAXSIZE)  # expect: queue never over its bound: True
    print('empty at the end:', q.empty())  # expect: empty at the end: True

asyncio.run(main())
