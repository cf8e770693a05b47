# The lock-protected counter: 4 threads x 100000 increments lose nothing.
import threading

counter = 0
lock = threading.Lock()

def work(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1

threads = [threading.Thread(target=work, args=(100000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)  # expect: 400000

# The same with an RLock and explicit acquire/release.
counter = 0
rlock = threading.RLock()

def work2(n):
    global counter
    for _ in range(n):
        rlock.acquire()
        try:
            counter += 1
        finally:
            rlock.release()

threads = [threading.Thread(target=work2, args=(25000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)  # expect: 100000
