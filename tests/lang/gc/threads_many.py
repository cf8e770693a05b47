# More threads at once than the collector has young lists (255), and more
# threads over the program's life than free threading has epoch slots at
# once: cycles made by every one of them are reclaimed.
import gc
import threading

gc.disable()
lock = threading.Lock()
deleted = 0


class Node:
    def __init__(self):
        self.me = self

    def __del__(self):
        global deleted
        with lock:
            deleted += 1


def work(barrier):
    barrier.wait()
    for i in range(20):
        Node()


for round in range(2):
    barrier = threading.Barrier(300)
    threads = [threading.Thread(target=work, args=(barrier,)) for _ in range(300)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    gc.collect()
    print(deleted)
# expect: 6000
# expect: 12000
gc.enable()
