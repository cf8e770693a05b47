# multiprocessing queues between processes: Queue (put/get with timeouts,
# Empty/Full, maxsize), SimpleQueue, JoinableQueue, objects of user classes.
import multiprocessing as mp
import queue


class Job:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "Job(%d)" % self.n


def producer(q, count):
    for i in range(count):
        q.put(Job(i))
    q.put(None)


def squarer(inq, outq):
    while True:
        item = inq.get()
        if item is None:
            break
        outq.put((item, item * item))


def consumer(q, results):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        results.put(item * 10)
        q.task_done()


if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=producer, args=(q, 5))
    p.start()
    got = []
    while True:
        item = q.get(timeout=10)
        if item is None:
            break
        got.append(item)
    p.join()
    print(got, p.exitcode)
    # expect: [Job(0), Job(1), Job(2), Job(3), Job(4)] 0

    # Several workers, one input queue, one output queue.
    inq, outq = mp.Queue(), mp.Queue()
    workers = [mp.Process(target=squarer, args=(inq, outq)) for _ in range(3)]
    for w in workers:
        w.start()
    for i in range(20):
        inq.put(i)
    for w in workers:
        inq.put(None)
    results = sorted(outq.get(timeout=10) for _ in range(20))
    for w in workers:
        w.join()
    print(results[:4], len(results), sum(r[1] for r in results))
    # expect: [(0, 0), (1, 1), (2, 4), (3, 9)] 20 2470

    q = mp.Queue()
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print("Empty")
    try:
        q.get_nowait()
    except queue.Empty:
        print("Empty (nowait)")
    # expect: Empty
    # expect: Empty (nowait)

    q = mp.Queue(maxsize=2)
    q.put(1)
    q.put(2)
    print(q.full(), q.qsize())
    try:
        q.put(3, timeout=0.05)
    except queue.Full:
        print("Full")
    try:
        q.put_nowait(3)
    except queue.Full:
        print("Full (nowait)")
    print(q.get(), q.get(), q.empty())
    # expect: True 2
    # expect: Full
    # expect: Full (nowait)
    # expect: 1 2 True

    sq = mp.SimpleQueue()
    p = mp.Process(target=sq.put, args=({"from": "child", "items": [1, 2]},))
    p.start()
    print(sq.get(), p.join(), sq.empty())
    sq.close()
    # expect: {'from': 'child', 'items': [1, 2]} None True

    jq, results = mp.JoinableQueue(), mp.Queue()
    c = mp.Process(target=consumer, args=(jq, results))
    c.start()
    for i in range(4):
        jq.put(i)
    jq.put(None)
    jq.join()
    print(sorted(results.get(timeout=10) for _ in range(4)))
    c.join()
    print(c.exitcode)
    # expect: [0, 10, 20, 30]
    # expect: 0

    q = mp.Queue()
    q.close()
    try:
        q.put(1)
    except ValueError as e:
        print("closed:", str(e).startswith("Queue <multiprocessing.queues.Queue object at"))
    # expect: closed: True
