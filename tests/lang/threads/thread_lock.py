# Lock: acquire/release/locked, non-blocking and timed acquire, context manager, errors.
import threading
import time

lock = threading.Lock()
print(type(lock).__name__, lock.locked())  # expect: lock False
print(lock.acquire(), lock.locked())  # expect: True True
print(lock.acquire(False), lock.acquire(blocking=False))  # expect: False False
t0 = time.monotonic()
print(lock.acquire(timeout=0.05))  # expect: False
print(time.monotonic() - t0 >= 0.04)  # expect: True
lock.release()
print(lock.locked())  # expect: False

with lock:
    print("inside", lock.locked())  # expect: inside True
print(lock.locked())  # expect: False

try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)  # expect: RuntimeError: release unlocked lock
print(threading.ThreadError is RuntimeError)  # expect: True
try:
    lock.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)  # expect: ValueError: can't specify a timeout for a non-blocking call

# The lock is released by the with statement even when the body raises.
try:
    with lock:
        raise KeyError("x")
except KeyError:
    pass
print(lock.locked())  # expect: False

# A plain lock may be released by another thread (a binary semaphore).
lock.acquire()
def releaser():
    lock.release()
t = threading.Thread(target=releaser)
t.start()
t.join()
print(lock.locked())  # expect: False

# A thread blocked in acquire() wakes when another thread releases.
order = []
lock.acquire()
def waiter():
    with lock:
        order.append("waiter got it")
w = threading.Thread(target=waiter)
w.start()
order.append("main releases")
lock.release()
w.join()
print(order)  # expect: ['main releases', 'waiter got it']

# A timed acquire succeeds when the lock is freed in time.
lock.acquire()
ready = threading.Event()
def timed():
    ready.set()
    order.append(lock.acquire(timeout=5))
    lock.release()
w = threading.Thread(target=timed)
w.start()
ready.wait()
lock.release()
w.join()
print(order[-1])  # expect: True
print(threading.TIMEOUT_MAX > 1000)  # expect: True
