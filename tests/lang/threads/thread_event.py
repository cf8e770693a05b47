# Event: set/clear/is_set, wait with and without timeout, releasing many waiters.
import threading

e = threading.Event()
print(e.is_set(), e.wait(0.01), e.wait(timeout=0))  # expect: False False False
e.set()
print(e.is_set(), e.wait(), e.wait(0))  # expect: True True True
e.clear()
print(e.is_set())  # expect: False

# One set() releases every waiter.
go = threading.Event()
arrived = threading.Semaphore(0)
results = []
lock = threading.Lock()

def waiter(i):
    arrived.release()
    ok = go.wait(5)
    with lock:
        results.append((i, ok))

ts = [threading.Thread(target=waiter, args=(i,)) for i in range(5)]
for t in ts:
    t.start()
for _ in ts:
    arrived.acquire()
go.set()
for t in ts:
    t.join()
print(sorted(results))  # expect: [(0, True), (1, True), (2, True), (3, True), (4, True)]

# Ping-pong between two threads with two events: a strict alternation.
ping, pong = threading.Event(), threading.Event()
trace = []

def player():
    for i in range(3):
        ping.wait()
        ping.clear()
        trace.append("pong%d" % i)
        pong.set()

t = threading.Thread(target=player)
t.start()
for i in range(3):
    trace.append("ping%d" % i)
    ping.set()
    pong.wait()
    pong.clear()
t.join()
print(trace)  # expect: ['ping0', 'pong0', 'ping1', 'pong1', 'ping2', 'pong2']

# A waiter with a timeout that is set in time returns True.
late = threading.Event()
out = []
t = threading.Thread(target=lambda: out.append(late.wait(5)))
t.start()
late.set()
t.join()
print(out)  # expect: [True]
