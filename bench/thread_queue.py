# Thread hand-off through queue.Queue: a producer thread and a consumer
# thread pass 100,000 items through a bounded queue (maxsize 100), then a
# round trip (request/response queues) 10,000 times. stdout: checksum.
import queue
import threading

N = 100000
R = 10000


def produce(q):
    for i in range(N):
        q.put(i)
    q.put(None)


def consume(q, out):
    total = 0
    while True:
        item = q.get()
        if item is None:
            break
        total += item
    out.append(total)


def echo(req, resp):
    while True:
        item = req.get()
        if item is None:
            break
        resp.put(item * 2)


q = queue.Queue(maxsize=100)
out = []
threads = [threading.Thread(target=produce, args=(q,)), threading.Thread(target=consume, args=(q, out))]
for t in threads:
    t.start()
for t in threads:
    t.join()

req, resp = queue.Queue(), queue.Queue()
t = threading.Thread(target=echo, args=(req, resp))
t.start()
acc = 0
for i in range(R):
    req.put(i)
    acc += resp.get()
req.put(None)
t.join()
print("thread_queue", out[0], acc)
