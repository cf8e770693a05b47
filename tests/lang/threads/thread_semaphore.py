# Semaphore and BoundedSemaphore: counting, timeouts, limiting concurrency, errors.
import threading

s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(blocking=False))  # expect: True True False
print(s.acquire(timeout=0.02))  # expect: False
s.release()
print(s.acquire(False))  # expect: True
s.release(2)
print(s.acquire(False), s.acquire(False), s.acquire(False))  # expect: True True False
s.release()
with s:
    print(s.acquire(False))  # expect: False
print(s.acquire(False))  # expect: True
print(threading.Semaphore(0).acquire(timeout=0))  # expect: False

# At most 3 workers inside the semaphore at once.
sem = threading.Semaphore(3)
lock = threading.Lock()
inside = 0
peak = 0
entered = 0

def worker():
    global inside, peak, entered
    for _ in range(50):
        with sem:
            with lock:
                inside += 1
                entered += 1
                peak = max(peak, inside)
            with lock:
                inside -= 1

ts = [threading.Thread(target=worker) for _ in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(entered, peak <= 3, inside)  # expect: 300 True 0

# release() wakes a thread blocked in acquire().
gate = threading.Semaphore(0)
got = []
t = threading.Thread(target=lambda: got.append(gate.acquire(timeout=5)))
t.start()
gate.release()
t.join()
print(got)  # expect: [True]

b = threading.BoundedSemaphore(2)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)  # expect: ValueError: Semaphore released too many times
b.acquire()
try:
    b.release(2)
except ValueError as e:
    print("ValueError:", e)  # expect: ValueError: Semaphore released too many times
b.release()

for f in (lambda: threading.Semaphore(-1),
          lambda: threading.Semaphore().acquire(False, 1),
          lambda: threading.Semaphore().release(0)):
    try:
        f()
    except ValueError as e:
        print("ValueError:", e)
# expect: ValueError: semaphore initial value must be >= 0
# expect: ValueError: can't specify timeout for non-blocking acquire
# expect: ValueError: n must be one or more
