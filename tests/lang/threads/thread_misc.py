# Module-level odds and ends of threading.
import threading

print(threading.Lock is not None, type(threading.Lock()).__name__)  # expect: True lock
print(type(threading.RLock()).__name__)  # expect: RLock
print(threading.ThreadError is RuntimeError, threading.TIMEOUT_MAX > 0)  # expect: True True
print(callable(threading.stack_size), callable(threading.excepthook))  # expect: True True

threading.settrace(None)
threading.setprofile(None)
print(threading.gettrace(), threading.getprofile())  # expect: None None

for name in ["get_ident", "active_count", "Condition", "current_thread", "enumerate",
             "main_thread", "TIMEOUT_MAX", "Event", "Lock", "RLock", "Semaphore",
             "BoundedSemaphore", "Thread", "Barrier", "BrokenBarrierError", "Timer",
             "ThreadError", "ExceptHookArgs", "setprofile", "settrace", "local",
             "stack_size", "excepthook", "get_native_id", "getprofile", "gettrace"]:
    if name not in threading.__all__ or not hasattr(threading, name):
        print("missing", name)
print("all present")  # expect: all present

# Condition.__repr__ and Event/Thread reprs that carry no addresses.
c = threading.Condition(threading.Lock())
print(repr(c).startswith("<Condition(<unlocked _thread.lock object at"), repr(c).endswith(", 0)>"))  # expect: True True
t = threading.Thread(name="r", daemon=True)
print(repr(t))  # expect: <Thread(r, initial daemon)>

# Semaphore/Event/Barrier reprs start with the class path.
for obj in (threading.Semaphore(2), threading.BoundedSemaphore(2), threading.Event()):
    print(repr(obj).split(" at ")[0])
# expect: <threading.Semaphore
# expect: <threading.BoundedSemaphore
# expect: <threading.Event

# Lock objects work as context managers returning acquire()'s result.
with threading.Lock() as got:
    print(got)  # expect: True
with threading.RLock() as got:
    print(got)  # expect: True
