# Forking again and again while several threads mutate shared containers
# and globals (with the GIL off they run in parallel: the fork stops them
# at a safe point first). Every child uses the same containers, starts a
# thread and exits normally.
import os
import sys
import threading

shared = []
table = {}
counter = 0
stop = False


def mutate(k):
    global counter
    i = 0
    while not stop:
        shared.append(i)
        table[i % 64] = k
        counter += 1
        i += 1
        if i % 500 == 0:
            del shared[:250]


workers = [threading.Thread(target=mutate, args=(k,)) for k in range(3)]
for t in workers:
    t.start()

codes = []
for n in range(8):
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        shared.append("child")
        table["child"] = n
        counter = -1
        seen = []
        t = threading.Thread(target=lambda: seen.append(len(table) > 0))
        t.start()
        t.join()
        os._exit(10 + n if seen == [True] and threading.active_count() == 1 else 1)
    _, status = os.waitpid(pid, 0)
    codes.append(os.waitstatus_to_exitcode(status))

stop = True
for t in workers:
    t.join()
print(codes)
print(counter > 0, "child" not in table)
# expect: [10, 11, 12, 13, 14, 15, 16, 17]
# expect: True True
