# Timer: runs its function once after the interval, with args; cancel() stops it.
import threading

fired = []
done = threading.Event()

def fire(a, b=None):
    fired.append((a, b, threading.current_thread().name))
    done.set()

t = threading.Timer(0.01, fire, args=["x"], kwargs={"b": 2})
print(isinstance(t, threading.Thread), t.name, t.interval)  # expect: True Thread-1 0.01
t.start()
print(done.wait(5))  # expect: True
t.join()
print(fired)  # expect: [('x', 2, 'Thread-1')]
print(t.finished.is_set(), t.is_alive())  # expect: True False

# A cancelled timer never runs its function.
c = threading.Timer(30, fire, args=["never"])
c.start()
c.cancel()
c.join()
print(len(fired), c.is_alive())  # expect: 1 False

# Cancelling before start: start() still runs the thread, which does nothing.
c2 = threading.Timer(0, fire, args=["never"])
c2.cancel()
c2.start()
c2.join()
print(len(fired))  # expect: 1

# Several timers: each fires once.
hits = []
lock = threading.Lock()
def hit(i):
    with lock:
        hits.append(i)
timers = [threading.Timer(0.001 * i, hit, args=(i,)) for i in range(5)]
for tm in timers:
    tm.start()
for tm in timers:
    tm.join()
print(sorted(hits))  # expect: [0, 1, 2, 3, 4]
