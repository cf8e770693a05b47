# Timeouts: join(timeout), and waits that time out return (or raise) after the timeout.
import queue
import threading
import time

stop = threading.Event()
t = threading.Thread(target=stop.wait)
t.start()
t0 = time.monotonic()
t.join(timeout=0.05)
elapsed = time.monotonic() - t0
print(t.is_alive(), elapsed >= 0.04, elapsed < 5)  # expect: True True True
t.join(0)
t.join(-1)       # a negative timeout acts as 0
print(t.is_alive())  # expect: True
stop.set()
t.join(timeout=5)
print(t.is_alive())  # expect: False

def timed(f):
    t0 = time.monotonic()
    r = f()
    return r, time.monotonic() - t0 >= 0.04

lock = threading.Lock()
lock.acquire()
print(timed(lambda: lock.acquire(timeout=0.05)))  # expect: (False, True)
lock.release()
cond = threading.Condition()
with cond:
    print(timed(lambda: cond.wait(0.05)))  # expect: (False, True)
    print(timed(lambda: cond.wait_for(lambda: False, 0.05)))  # expect: (False, True)
print(timed(lambda: threading.Event().wait(0.05)))  # expect: (False, True)
print(timed(lambda: threading.Semaphore(0).acquire(timeout=0.05)))  # expect: (False, True)

q = queue.Queue(maxsize=1)
q.put(1)
for f in (lambda: q.put(2, timeout=0.05), lambda: queue.Queue().get(timeout=0.05),
          lambda: queue.SimpleQueue().get(timeout=0.05)):
    t0 = time.monotonic()
    try:
        f()
    except (queue.Full, queue.Empty) as e:
        print(type(e).__name__, time.monotonic() - t0 >= 0.04)
# expect: Full True
# expect: Empty True
# expect: Empty True

b = threading.Barrier(2)
t0 = time.monotonic()
try:
    b.wait(timeout=0.05)
except threading.BrokenBarrierError:
    print("BrokenBarrierError", time.monotonic() - t0 >= 0.04)  # expect: BrokenBarrierError True
