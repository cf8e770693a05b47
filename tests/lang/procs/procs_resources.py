# After processes, pools, executors, pipes and queues have been used and
# dropped: no child process is left (no zombie) and no file descriptor
# leaked (counted in /proc/self/fd before and after).
import concurrent.futures as cf
import gc
import multiprocessing as mp
import os


def fd_count():
    return len(os.listdir("/proc/self/fd"))


def square(x):
    return x * x


def child(conn, q):
    conn.send(q.get())
    conn.close()


def run_everything():
    for _ in range(3):
        p = mp.Process(target=square, args=(3,))
        p.start()
        p.join()
    a, b = mp.Pipe()
    q = mp.Queue()
    p = mp.Process(target=child, args=(b, q))
    p.start()
    q.put("through the queue")
    print(a.recv())
    p.join()
    a.close()
    b.close()
    q.close()
    q.join_thread()
    r, w = mp.Pipe(duplex=False)
    r.close()
    w.close()
    sq = mp.SimpleQueue()
    sq.put(1)
    sq.get()
    sq.close()
    with mp.Pool(2) as pool:
        print(pool.map(square, range(5)))
    pool = mp.Pool(2)
    pool.map(square, range(3))
    pool.close()
    pool.join()
    with cf.ProcessPoolExecutor(2) as ex:
        print(list(ex.map(square, range(4))))
    with cf.ThreadPoolExecutor(2) as ex:
        print(list(ex.map(square, range(4))))
    print(mp.active_children())


before = fd_count()
run_everything()
gc.collect()
after = fd_count()
print("fds leaked:", after - before)
try:
    os.waitpid(-1, os.WNOHANG)
    print("a child is left")
except ChildProcessError:
    print("no child left")
# expect: through the queue
# expect: [0, 1, 4, 9, 16]
# expect: [0, 1, 4, 9]
# expect: [0, 1, 4, 9]
# expect: []
# expect: fds leaked: 0
# expect: no child left
