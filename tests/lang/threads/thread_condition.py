# Condition: a bounded-buffer producer/consumer, wait with timeout, wait_for,
# notify(n), notify_all, and the errors for un-acquired locks.
import threading

# Producer/consumer over a 5-slot buffer, 3 producers and 2 consumers.
buf = []
CAP = 5
cond = threading.Condition()
consumed = []
N = 300

def producer(base):
    for i in range(N):
        with cond:
            while len(buf) >= CAP:
                cond.wait()
            buf.append(base + i)
            cond.notify_all()

def consumer():
    while True:
        with cond:
            while not buf:
                cond.wait()
            item = buf.pop(0)
            cond.notify_all()
            if item is None:
                return
            consumed.append(item)   # under the lock: the order of taking

producers = [threading.Thread(target=producer, args=(k * 1000,)) for k in range(3)]
consumers = [threading.Thread(target=consumer) for _ in range(2)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    with cond:
        while len(buf) >= CAP:
            cond.wait()
        buf.append(None)
        cond.notify_all()
for t in consumers:
    t.join()
print(len(consumed), sorted(consumed) == sorted(k * 1000 + i for k in range(3) for i in range(N)))
# expect: 900 True

# Per producer, items are consumed in order (the buffer is FIFO).
in_order = []
for k in range(3):
    mine = [x for x in consumed if k * 1000 <= x < k * 1000 + N]
    in_order.append(mine == sorted(mine))
print(in_order)  # expect: [True, True, True]

# wait() with a timeout returns False when nobody notifies.
c = threading.Condition(threading.Lock())
with c:
    print(c.wait(0.02))  # expect: False
    print(c.wait(timeout=0))  # expect: False
    print(c.wait_for(lambda: False, timeout=0.02))  # expect: False
    print(c.wait_for(lambda: 42))  # expect: 42

# notify(n) wakes exactly n waiters; notify_all wakes the rest.
lock = threading.Lock()
cv = threading.Condition(lock)
done_cv = threading.Condition(lock)
ready = 0
woken = 0

def sleeper():
    global ready, woken
    with cv:
        ready += 1
        done_cv.notify()
        cv.wait()
        woken += 1
        done_cv.notify()

ts = [threading.Thread(target=sleeper) for _ in range(3)]
for t in ts:
    t.start()
with lock:
    # Each sleeper counted itself and released the lock inside wait(),
    # so once all three are counted, all three are waiting.
    done_cv.wait_for(lambda: ready == 3)
    cv.notify(2)
    print(done_cv.wait_for(lambda: woken == 2, timeout=5))  # expect: True
    print(done_cv.wait_for(lambda: woken == 3, timeout=0.05))  # expect: False
    cv.notify_all()
    print(done_cv.wait_for(lambda: woken == 3, timeout=5))  # expect: True
for t in ts:
    t.join()
print(woken)  # expect: 3

# wait_for with a predicate that becomes true in another thread.
state = {"value": 0}
c2 = threading.Condition()
def setter():
    for i in range(1, 6):
        with c2:
            state["value"] = i
            c2.notify_all()
t = threading.Thread(target=setter)
t.start()
with c2:
    print(c2.wait_for(lambda: state["value"] == 5, timeout=5))  # expect: True
t.join()

try:
    threading.Condition().wait()
except RuntimeError as e:
    print("RuntimeError:", e)  # expect: RuntimeError: cannot wait on un-acquired lock
try:
    threading.Condition(threading.Lock()).notify()
except RuntimeError as e:
    print("RuntimeError:", e)  # expect: RuntimeError: cannot notify on un-acquired lock
