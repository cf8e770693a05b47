# ProcessPoolExecutor: submit, map (chunksize, timeout), exceptions coming
# back as the same type, BrokenProcessPool when a worker dies, shutdown,
# and a ThreadPoolExecutor whose threads hand CPU work to the process pool.
import concurrent.futures as cf
import os
import time


def square(x):
    return x * x


def sum_squares(bounds):
    lo, hi = bounds
    return sum(i * i for i in range(lo, hi))


class BadInput(Exception):
    def __init__(self, value):
        super().__init__(value)
        self.value = value


def check(x):
    if x < 0:
        raise BadInput(x)
    return x


def nap(seconds):
    time.sleep(seconds)
    return seconds


def die():
    os._exit(5)


def worker_pid(x):
    return os.getpid()


if __name__ == "__main__":
    with cf.ProcessPoolExecutor(max_workers=2) as ex:
        print(ex.submit(square, 12).result())
        print(list(ex.map(square, range(10))))
        print(list(ex.map(square, range(10), chunksize=4)))
        print(list(ex.map(pow, [2, 3, 4], [2, 2, 2])))
        pids = set(ex.map(worker_pid, range(20)))
        print(len(pids) <= 2, os.getpid() not in pids)
        # expect: 144
        # expect: [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
        # expect: [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
        # expect: [4, 9, 16]
        # expect: True True

        f = ex.submit(check, -3)
        e = f.exception()
        print(type(e).__name__, e.args, e.value)
        try:
            f.result()
        except BadInput as e:
            print("raised BadInput", e.value)
        try:
            list(ex.map(check, [1, -2, 3]))
        except BadInput as e:
            print("map raised BadInput", e.value)
        # expect: BadInput (-3,) -3
        # expect: raised BadInput -3
        # expect: map raised BadInput -2

        n = 300000
        bounds = [(k * n // 4, (k + 1) * n // 4) for k in range(4)]
        futures = [ex.submit(sum_squares, b) for b in bounds]
        done, not_done = cf.wait(futures)
        print(len(done), len(not_done), sum(f.result() for f in futures) == sum(i * i for i in range(n)))
        print(sorted(f.result() for f in cf.as_completed(futures)) == sorted(f.result() for f in futures))
        # expect: 4 0 True
        # expect: True

        try:
            for x in ex.map(nap, [0.01, 2.0], timeout=0.5):
                print("map result", x)
        except cf.TimeoutError:
            print("map TimeoutError")
        # expect: map result 0.01
        # expect: map TimeoutError

    # Threads that each submit CPU work to the process pool.
    with cf.ProcessPoolExecutor(max_workers=2) as procs:
        with cf.ThreadPoolExecutor(max_workers=3) as threads:
            outer = [threads.submit(lambda k: procs.submit(sum_squares, (0, k)).result(), k)
                     for k in (10, 100, 1000)]
            print([f.result() for f in outer])
    # expect: [285, 328350, 332833500]

    # A worker that dies breaks the pool.
    ex = cf.ProcessPoolExecutor(max_workers=2)
    f = ex.submit(die)
    try:
        f.result(timeout=20)
    except cf.process.BrokenProcessPool as e:
        print("BrokenProcessPool:", e)
    try:
        ex.submit(square, 1)
    except cf.process.BrokenProcessPool as e:
        print("BrokenProcessPool:", e)
    ex.shutdown()
    print(issubclass(cf.process.BrokenProcessPool, cf.BrokenExecutor),
          issubclass(cf.BrokenExecutor, RuntimeError))
    # expect: BrokenProcessPool: A process in the process pool was terminated abruptly while the future was running or pending.
    # expect: BrokenProcessPool: A child process terminated abruptly, the process pool is not usable anymore
    # expect: True True

    # What cannot be pickled fails its own future only.
    with cf.ProcessPoolExecutor(max_workers=1) as ex:
        bad = ex.submit(lambda: 1)
        try:
            bad.result()
        except Exception as e:
            print(type(e).__name__)
        print(ex.submit(square, 5).result())
    # expect: PicklingError
    # expect: 25

    # shutdown(cancel_futures=True): the calls not started are cancelled.
    ex = cf.ProcessPoolExecutor(max_workers=1)
    futures = [ex.submit(nap, 0.2) for _ in range(6)]
    time.sleep(0.1)
    ex.shutdown(wait=True, cancel_futures=True)
    print(futures[0].result(), futures[-1].cancelled(), all(f.done() for f in futures))
    try:
        ex.submit(square, 1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    # expect: 0.2 True True
    # expect: RuntimeError: cannot schedule new futures after shutdown

    print(cf.ProcessPoolExecutor()._max_workers == os.cpu_count())
    try:
        cf.ProcessPoolExecutor(max_workers=0)
    except ValueError as e:
        print("ValueError:", e)
    # expect: True
    # expect: ValueError: max_workers must be greater than 0
