# Barrier: indexes, the action, several rounds, abort, reset, timeouts.
import threading

N = 4
actions = []
barrier = threading.Barrier(N, action=lambda: actions.append("tripped"))
print(barrier.parties, barrier.n_waiting, barrier.broken)  # expect: 4 0 False

lock = threading.Lock()
indexes = []
rounds_seen = []

def worker(i):
    for rnd in range(3):
        idx = barrier.wait()
        with lock:
            indexes.append((rnd, idx))
            rounds_seen.append(rnd)

ts = [threading.Thread(target=worker, args=(i,)) for i in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(actions)  # expect: ['tripped', 'tripped', 'tripped']
for rnd in range(3):
    print(rnd, sorted(i for r, i in indexes if r == rnd))
# expect: 0 [0, 1, 2, 3]
# expect: 1 [0, 1, 2, 3]
# expect: 2 [0, 1, 2, 3]

# No thread runs ahead into round r+1 before everybody finished waiting in round r.
lagging = threading.Barrier(3)
log = []
def stepper(name):
    for step in range(3):
        with lock:
            log.append(step)
        lagging.wait()
ts = [threading.Thread(target=stepper, args=(k,)) for k in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(log)  # expect: [0, 0, 0, 1, 1, 1, 2, 2, 2]

# A timeout breaks the barrier for everyone.
b = threading.Barrier(2, timeout=0.02)
try:
    b.wait()
except threading.BrokenBarrierError:
    print("broken by timeout", b.broken)  # expect: broken by timeout True
try:
    b.wait()
except threading.BrokenBarrierError:
    print("still broken")  # expect: still broken
b.reset()
print(b.broken, b.n_waiting)  # expect: False 0
print(issubclass(threading.BrokenBarrierError, RuntimeError))  # expect: True

# abort() wakes a waiting thread with BrokenBarrierError.
b = threading.Barrier(2)
errors = []
def waiter():
    try:
        b.wait()
    except threading.BrokenBarrierError as e:
        errors.append(type(e).__name__)
t = threading.Thread(target=waiter)
t.start()
while b.n_waiting != 1:
    pass
b.abort()
t.join()
print(errors, b.broken)  # expect: ['BrokenBarrierError'] True

# reset() while a thread waits: the waiter gets BrokenBarrierError, the barrier works again.
b = threading.Barrier(2)
t = threading.Thread(target=waiter)
t.start()
while b.n_waiting != 1:
    pass
b.reset()
t.join()
print(errors, b.broken)  # expect: ['BrokenBarrierError', 'BrokenBarrierError'] False
t = threading.Thread(target=b.wait)
t.start()
print(b.wait() in (0, 1))  # expect: True
t.join()

# An action that raises breaks the barrier; its exception reaches the tripping thread.
def bad_action():
    raise ValueError("action failed")
b = threading.Barrier(2, action=bad_action)
outcome = []
def w2():
    try:
        b.wait()
        outcome.append("ok")
    except threading.BrokenBarrierError:
        outcome.append("broken")
    except ValueError as e:
        outcome.append(str(e))
ts = [threading.Thread(target=w2) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(outcome))  # expect: ['action failed', 'broken']
