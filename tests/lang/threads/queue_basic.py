# queue.Queue, LifoQueue, PriorityQueue, SimpleQueue in one thread: order,
# maxsize, Full/Empty, task_done accounting.
import queue

q = queue.Queue()
for i in range(5):
    q.put(i)
print(q.qsize(), q.empty(), q.full(), q.maxsize)  # expect: 5 False False 0
print([q.get() for _ in range(5)], q.empty())  # expect: [0, 1, 2, 3, 4] True

b = queue.Queue(maxsize=2)
b.put("a")
b.put_nowait("b")
print(b.full(), b.qsize())  # expect: True 2
for f in (lambda: b.put("c", block=False), lambda: b.put_nowait("c"), lambda: b.put("c", timeout=0)):
    try:
        f()
    except queue.Full:
        print("Full")
# expect: Full
# expect: Full
# expect: Full
print(b.get_nowait(), b.get(block=False))  # expect: a b
for f in (b.get_nowait, lambda: b.get(False), lambda: b.get(timeout=0.001)):
    try:
        f()
    except queue.Empty:
        print("Empty")
# expect: Empty
# expect: Empty
# expect: Empty
print(issubclass(queue.Full, Exception), issubclass(queue.Empty, Exception))  # expect: True True

# task_done / join bookkeeping.
t = queue.Queue()
t.put(1)
t.put(2)
print(t.unfinished_tasks)  # expect: 2
t.get()
t.task_done()
t.get()
t.task_done()
t.join()    # returns at once: everything is done
try:
    t.task_done()
except ValueError as e:
    print("ValueError:", e)  # expect: ValueError: task_done() called too many times
try:
    t.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)  # expect: ValueError: 'timeout' must be a non-negative number

lq = queue.LifoQueue()
for x in "abc":
    lq.put(x)
print([lq.get() for _ in range(3)])  # expect: ['c', 'b', 'a']

pq = queue.PriorityQueue()
for item in [(3, "low"), (1, "high"), (2, "mid"), (1, "again")]:
    pq.put(item)
print([pq.get() for _ in range(4)])  # expect: [(1, 'again'), (1, 'high'), (2, 'mid'), (3, 'low')]

sq = queue.SimpleQueue()
sq.put(1)
sq.put_nowait(2)
print(sq.qsize(), sq.empty(), sq.get(), sq.get_nowait(), sq.empty())  # expect: 2 False 1 2 True
try:
    sq.get(block=False)
except queue.Empty:
    print("Empty")  # expect: Empty

# Subclasses customize the storage through _init/_qsize/_put/_get.
class EvenFirst(queue.Queue):
    def _init(self, maxsize):
        self.evens, self.odds = [], []
    def _qsize(self):
        return len(self.evens) + len(self.odds)
    def _put(self, item):
        (self.odds if item % 2 else self.evens).append(item)
    def _get(self):
        return (self.evens or self.odds).pop(0)
e = EvenFirst()
for i in range(6):
    e.put(i)
print([e.get() for _ in range(6)])  # expect: [0, 2, 4, 1, 3, 5]
