# Thread: target/args/kwargs, names, start/join, is_alive, ident, subclassing.
import threading

results = []

def worker(a, b, c=0):
    results.append((a, b, c, threading.current_thread().name))

t = threading.Thread(target=worker, args=(1, 2), kwargs={"c": 3})
print(t.name, t.is_alive(), t.ident, t.native_id, t.daemon)  # expect: Thread-1 (worker) False None None False
print(repr(t))  # expect: <Thread(Thread-1 (worker), initial)>
t.start()
t.join()
print(results)  # expect: [(1, 2, 3, 'Thread-1 (worker)')]
print(t.is_alive(), type(t.ident).__name__, type(t.native_id).__name__)  # expect: False int int
print(t.ident != threading.get_ident())  # expect: True
print(repr(t).replace(str(t.ident), "ID"))  # expect: <Thread(Thread-1 (worker), stopped ID)>
t.join()            # joining again is fine
t.join(timeout=1)

# Names: explicit, counter without a target, lambdas, name setter.
print(threading.Thread(name="net").name)  # expect: net
print(threading.Thread().name)  # expect: Thread-2
print(threading.Thread(target=lambda: None).name)  # expect: Thread-3 (<lambda>)
u = threading.Thread(target=worker, name=42)
print(repr(u.name))  # expect: '42'
u.name = "renamed"
print(u.name)  # expect: renamed

# Subclassing: override run().
class Summer(threading.Thread):
    def __init__(self, n):
        super().__init__(name="summer-%d" % n)
        self.n = n
        self.total = None

    def run(self):
        self.total = sum(range(self.n))
        self.me = threading.current_thread()

s = Summer(1000)
s.start()
s.join()
print(s.total, s.me is s, s.name)  # expect: 499500 True summer-1000

# run() can be called directly, in the calling thread.
v = threading.Thread(target=worker, args=("x", "y"))
v.run()
print(results[-1])  # expect: ('x', 'y', 0, 'MainThread')

# Errors.
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)  # expect: RuntimeError: threads can only be started once
try:
    threading.Thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)  # expect: RuntimeError: cannot join thread before it is started
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)  # expect: RuntimeError: cannot join current thread
try:
    t.daemon = True
except RuntimeError as e:
    print("RuntimeError:", e)  # expect: RuntimeError: cannot set daemon status of active thread

class Broken(threading.Thread):
    def __init__(self):
        pass
try:
    Broken().start()
except RuntimeError as e:
    print("RuntimeError:", e)  # expect: RuntimeError: thread.__init__() not called
