# At exit the cycle collector finalizes the cycles that threads made and
# dropped (with the GIL off too), and the cycles the threads left bound to
# names of the main module.
import gc
import threading

gc.disable()
lock = threading.Lock()
counts = {"dropped": 0, "kept": 0}


class Node:
    def __init__(self, kind):
        self.kind = kind
        self.me = self

    def __del__(self):
        with lock:
            counts[self.kind] += 1
            if counts["dropped"] == 400 and self.kind == "dropped":
                print("all dropped cycles finalized")
            if counts["kept"] == 4 and self.kind == "kept":
                print("all kept cycles finalized")


kept = []


def work(n):
    for i in range(n):
        Node("dropped")
    node = Node("kept")
    with lock:
        kept.append(node)


threads = [threading.Thread(target=work, args=(100,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("end", counts["dropped"], len(kept))
# expect: end 0 4
# expect: all dropped cycles finalized
# expect: all kept cycles finalized
