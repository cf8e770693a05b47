# Under the GIL, list.append, dict stores and deque append/popleft are atomic:
# several threads using them concurrently never lose items.
import threading
from collections import deque

items = []
d = {}
def appender(base):
    for i in range(20000):
        items.append(base + i)
        d[base + i] = i

ts = [threading.Thread(target=appender, args=(k * 100000,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(items), len(set(items)), len(d))  # expect: 80000 80000 80000

# deque as a lock-free channel: 2 producers append, 2 consumers popleft.
dq = deque()
taken = []
lock = threading.Lock()
TOTAL = 2 * 20000
count = 0

def produce(base):
    for i in range(20000):
        dq.append(base + i)

def consume():
    global count
    mine = []
    while True:
        with lock:
            if count == TOTAL:
                break
        try:
            x = dq.popleft()
        except IndexError:
            continue
        mine.append(x)
        with lock:
            count += 1
    with lock:
        taken.extend(mine)

ts = [threading.Thread(target=produce, args=(k * 100000,)) for k in range(2)]
ts += [threading.Thread(target=consume) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(taken), sorted(taken) == sorted(k * 100000 + i for k in range(2) for i in range(20000)), len(dq))
# expect: 40000 True 0

# A bounded deque shared by threads keeps exactly maxlen items.
ring = deque(maxlen=100)
def fill(base):
    for i in range(10000):
        ring.append(base + i)
ts = [threading.Thread(target=fill, args=(k * 100000,)) for k in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(ring), ring.maxlen)  # expect: 100 100
