# RLock: re-entrant acquisition by its owner, ownership checks, Condition support.
import threading

r = threading.RLock()
print(type(r).__name__)  # expect: RLock
print(r.acquire(), r.acquire(), r._is_owned())  # expect: True True True
r.release()
print(r._is_owned())  # expect: True
r.release()
print(r._is_owned())  # expect: False
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)  # expect: RuntimeError: cannot release un-acquired lock

with r:
    with r:
        with r:
            print("three deep")  # expect: three deep

# Another thread can neither take it nor release it while we hold it.
seen = []
def other():
    seen.append(r.acquire(blocking=False))
    seen.append(r.acquire(timeout=0.02))
    try:
        r.release()
    except RuntimeError as e:
        seen.append(str(e))
r.acquire()
r.acquire()
t = threading.Thread(target=other)
t.start()
t.join()
print(seen)  # expect: [False, False, 'cannot release un-acquired lock']
r.release()
r.release()
t = threading.Thread(target=lambda: seen.append(r.acquire(False) and (r.release() or "free")))
t.start()
t.join()
print(seen[-1])  # expect: free

# _release_save/_acquire_restore let a Condition wait while the RLock is held twice.
cond = threading.Condition(r)
done = []
def notifier():
    with cond:
        done.append("notified")
        cond.notify()
with r:
    with cond:
        t = threading.Thread(target=notifier)
        t.start()
        cond.wait()
        print(done, r._is_owned())  # expect: ['notified'] True
t.join()
print(r._is_owned())  # expect: False

# The pure-Python RLock behaves the same.
p = threading._PyRLock()
print(bool(p.acquire()), bool(p.acquire()), p._is_owned())  # expect: True True True
p.release()
p.release()
try:
    p.release()
except RuntimeError as e:
    print("RuntimeError:", e)  # expect: RuntimeError: cannot release un-acquired lock
