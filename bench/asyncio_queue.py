# asyncio.Queue throughput: 4 producers and 4 consumers passing 100,000
# items through a bounded queue (maxsize 64), with join/task_done.
# stdout: checksum.
import asyncio

N = 100000
P = 4


async def producer(q, start):
    for i in range(start, N, P):
        await q.put(i)


async def consumer(q, out):
    total = 0
    count = 0
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            break
        total += item
        count += 1
        q.task_done()
    out.append((count, total))


async def main():
    q = asyncio.Queue(maxsize=64)
    out = []
    consumers = [asyncio.create_task(consumer(q, out)) for _ in range(P)]
    await asyncio.gather(*(producer(q, s) for s in range(P)))
    for _ in range(P):
        await q.put(None)
    await q.join()
    await asyncio.gather(*consumers)
    return sum(c for c, _ in out), sum(t for _, t in out)


print("asyncio_queue", asyncio.run(main()))
