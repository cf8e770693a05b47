# threading.local: per-thread attributes; subclasses run __init__ once per thread.
import threading

data = threading.local()
data.x = "main"
results = {}
lock = threading.Lock()

def worker(i):
    print_missing = not hasattr(data, "x")
    data.x = i
    for _ in range(100):
        data.x = data.x  # churn
    with lock:
        results[i] = (print_missing, data.x, sorted(data.__dict__))

ts = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print([results[i] for i in range(4)])
# expect: [(True, 0, ['x']), (True, 1, ['x']), (True, 2, ['x']), (True, 3, ['x'])]
print(data.x)  # expect: main

class Config(threading.local):
    initialized = 0

    def __init__(self, level):
        self.level = level
        self.calls = getattr(self, "calls", 0) + 1

    def bump(self):
        self.level += 1
        return self.level

cfg = Config(10)
out = []
def use():
    out.append((cfg.level, cfg.calls, cfg.bump(), cfg.bump()))
t = threading.Thread(target=use)
t.start()
t.join()
print(out, cfg.level)  # expect: [(10, 1, 11, 12)] 10

try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)  # expect: TypeError: Initialization arguments are not supported

try:
    data.nope
except AttributeError as e:
    print("AttributeError")  # expect: AttributeError
del data.x
print(hasattr(data, "x"))  # expect: False
