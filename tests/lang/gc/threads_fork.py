# fork() while other threads make cycles and collect them (with the GIL
# off, a collection stops the world and fork stops it too): in every child
# the collector works, whatever the other threads were doing at the fork.
import gc
import os
import threading

stop = False


class Node:
    def __init__(self):
        self.me = self


def churn():
    while not stop:
        for i in range(200):
            Node()
        gc.collect()


threads = [threading.Thread(target=churn) for _ in range(2)]
for t in threads:
    t.start()
codes = []
for i in range(10):
    pid = os.fork()
    if pid == 0:
        gc.disable()  # (an automatic collection would take some first)
        for j in range(100):
            Node()
        os._exit(0 if gc.collect() >= 100 else 1)
    _, status = os.waitpid(pid, 0)
    codes.append(os.waitstatus_to_exitcode(status))
stop = True
for t in threads:
    t.join()
print(codes)
# expect: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
