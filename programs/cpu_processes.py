# The CPU-bound work of cpu_threads.py, run sequentially, in threads, and
# in processes (multiprocessing.Pool, concurrent.futures.ProcessPoolExecutor).
# Each worker process is a fork()ed copy of the interpreter with its own
# GIL, so processes run in parallel with the GIL on or off; threads only
# with `-X gil=0`. Arguments and results cross between processes pickled.
#
#   minipy programs/cpu_processes.py [N]    (N: work units per job, default 4)
import concurrent.futures
import multiprocessing
import sys
import threading
import time


def work(n):
    # Pure-Python arithmetic: no I/O, no blocking, so only the GIL decides.
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def sequential(jobs, workers):
    return sum(work(n) for n in jobs)


def threads(jobs, workers):
    results = [0] * workers

    def worker(k):
        results[k] = sum(work(n) for n in jobs[k::workers])

    ts = [threading.Thread(target=worker, args=(k,)) for k in range(workers)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return sum(results)


def pool(jobs, workers):
    with multiprocessing.Pool(workers) as p:
        return sum(p.map(work, jobs))


def executor(jobs, workers):
    with concurrent.futures.ProcessPoolExecutor(workers) as ex:
        return sum(ex.map(work, jobs))


def main():
    units = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    jobs = [2_000_000] * (4 * units)
    gil = sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True
    print(f"GIL {'on' if gil else 'off'}: {len(jobs)} jobs of {jobs[0]} iterations, "
          f"{multiprocessing.cpu_count()} CPUs")
    print(f"{'model':<22} {'workers':>7} {'seconds':>9} {'speed-up':>9}")
    base = check = None
    for name, fn, workers in [("sequential", sequential, 1), ("threads", threads, 2),
                              ("multiprocessing.Pool", pool, 2), ("multiprocessing.Pool", pool, 4),
                              ("ProcessPoolExecutor", executor, 2)]:
        start = time.perf_counter()
        total = fn(jobs, workers)
        t = time.perf_counter() - start
        if base is None:
            base, check = t, total
        assert total == check, f"{name} computed a different result"
        print(f"{name:<22} {workers:>7} {t:>9.3f} {base / t:>8.2f}x")


if __name__ == "__main__":
    main()
