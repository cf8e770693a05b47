# Queues between threads: producers/consumers with task_done/join, a bounded
# queue that blocks producers, and every queue type losing nothing.
import queue
import threading

# Worker pool: 4 workers square numbers; join() returns when all are done.
tasks = queue.Queue()
results = queue.Queue()

def worker():
    while True:
        n = tasks.get()
        if n is None:
            tasks.task_done()
            return
        results.put(n * n)
        tasks.task_done()

workers = [threading.Thread(target=worker) for _ in range(4)]
for w in workers:
    w.start()
for n in range(200):
    tasks.put(n)
tasks.join()
print(results.qsize())  # expect: 200
for _ in workers:
    tasks.put(None)
for w in workers:
    w.join()
out = sorted(results.get() for _ in range(200))
print(out == [n * n for n in range(200)])  # expect: True

# A bounded queue: producers block while it is full; the consumer sees FIFO order
# per producer and never more than maxsize items queued.
bounded = queue.Queue(maxsize=3)
peak = 0
got = []

def producer(tag):
    for i in range(100):
        bounded.put((tag, i))

def consumer(count):
    global peak
    for _ in range(count):
        peak = max(peak, bounded.qsize())
        got.append(bounded.get())

ps = [threading.Thread(target=producer, args=(tag,)) for tag in "ab"]
c = threading.Thread(target=consumer, args=(200,))
for t in ps + [c]:
    t.start()
for t in ps + [c]:
    t.join()
print(len(got), peak <= 3)  # expect: 200 True
print([i for tag, i in got if tag == "a"] == list(range(100)))  # expect: True
print([i for tag, i in got if tag == "b"] == list(range(100)))  # expect: True

# get() blocks until another thread puts.
handoff = queue.Queue()
received = []
t = threading.Thread(target=lambda: received.append(handoff.get(timeout=5)))
t.start()
handoff.put("hello")
t.join()
print(received)  # expect: ['hello']

# Each queue type with 3 producers and 3 consumers: every item arrives once.
for cls in (queue.Queue, queue.LifoQueue, queue.PriorityQueue, queue.SimpleQueue):
    q = cls()
    seen = []
    lock = threading.Lock()
    all_seen = threading.Event()   # sentinels go in only after the items are out

    def prod(base):
        for i in range(300):
            q.put(base + i)

    def cons():
        while True:
            item = q.get()
            if item < 0:
                return
            with lock:
                seen.append(item)
                if len(seen) == 900:
                    all_seen.set()

    cs = [threading.Thread(target=cons) for _ in range(3)]
    ps = [threading.Thread(target=prod, args=(k * 1000,)) for k in range(3)]
    for t in cs + ps:
        t.start()
    for t in ps:
        t.join()
    all_seen.wait(10)
    for _ in cs:
        q.put(-1)
    for t in cs:
        t.join()
    print(cls.__name__, len(seen), sorted(seen) == sorted(k * 1000 + i for k in range(3) for i in range(300)))
# expect: Queue 900 True
# expect: LifoQueue 900 True
# expect: PriorityQueue 900 True
# expect: SimpleQueue 900 True
