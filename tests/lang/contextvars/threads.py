# Each thread has its own current context; a new thread starts with an empty
# one (CPython 3.11), and Context.run carries values into a thread.
import threading
from contextvars import ContextVar, copy_context

var = ContextVar("var", default="default")
var.set("main")
seen = []


def show(label):
    seen.append((label, var.get()))


def setter(n):
    var.set(f"thread-{n}")
    show(f"t{n}")


t = threading.Thread(target=show, args=("fresh",))
t.start()
t.join()
threads = [threading.Thread(target=setter, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
ctx = copy_context()
t = threading.Thread(target=ctx.run, args=(show, "copied"))
t.start()
t.join()
print(sorted(seen))
# expect: [('copied', 'main'), ('fresh', 'default'), ('t0', 'thread-0'), ('t1', 'thread-1'), ('t2', 'thread-2'), ('t3', 'thread-3')]
print(var.get())  # expect: main
