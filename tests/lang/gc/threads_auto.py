# Automatic collections (allocation counts over the threshold) run while
# threads make cycles, with the GIL off too; gc.get_count, disable and
# enable work from any thread.
import gc
import threading

lock = threading.Lock()
deleted = 0


class Node:
    def __init__(self):
        self.me = self

    def __del__(self):
        global deleted
        with lock:
            deleted += 1


def work(n):
    for i in range(n):
        Node()
        [[], {}, (i,)]


gc.collect()
gc.enable()
threads = [threading.Thread(target=work, args=(3000,)) for t in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
before = deleted
print(before > 0)
# expect: True
gc.collect()
print(deleted)
# expect: 9000
counts = gc.get_count()
print(len(counts), all(isinstance(c, int) and c >= 0 for c in counts))
# expect: 3 True


def toggler():
    for i in range(50):
        gc.disable()
        Node()
        gc.enable()


threads = [threading.Thread(target=toggler) for t in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
gc.collect()
print(deleted, gc.isenabled())
# expect: 9100 True
