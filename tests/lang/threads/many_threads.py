# Thousands of threads over a program's life, and hundreds alive at once:
# each thread's bookkeeping is given back when it ends, so the program
# neither runs out of it nor hands the same entry to two living threads.
# (Regression: with the GIL off, the free-threading build computed a
# thread's slot index in the wrong unit, so it wrote past its slot table
# after about 512 threads, corrupting memory, and never reused slots.)
import threading

done = []
for i in range(5000):
    t = threading.Thread(target=done.append, args=(i,))
    t.start()
    t.join()
print(len(done), done == list(range(5000)))

go = threading.Event()
seen = []
lock = threading.Lock()


def wait_then_count(k):
    go.wait()
    with lock:
        seen.append(k)


threads = [threading.Thread(target=wait_then_count, args=(k,)) for k in range(700)]
for t in threads:
    t.start()
print("alive at once:", sum(t.is_alive() for t in threads))
go.set()
for t in threads:
    t.join()
print(len(seen), sorted(seen) == list(range(700)), threading.active_count())
# expect: 5000 True
# expect: alive at once: 700
# expect: 700 True 1
