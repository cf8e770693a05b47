# The same CPU-bound work run sequentially, then split over 2 and 4 threads.
# With the GIL the threads take turns (no faster than sequential); with
# `minipy -X gil=0 programs/cpu_threads.py` they run in parallel.
#
#   minipy programs/cpu_threads.py [N]      (N: work units per job, default 4)
import sys
import threading
import time


def work(n):
    # Pure-Python arithmetic: no I/O, no blocking, so only the GIL decides.
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def run(jobs, nthreads):
    per = [jobs[i::nthreads] for i in range(nthreads)]
    results = [0] * nthreads

    def worker(k):
        s = 0
        for n in per[k]:
            s += work(n)
        results[k] = s

    start = time.perf_counter()
    if nthreads == 1:
        worker(0)
    else:
        ts = [threading.Thread(target=worker, args=(k,)) for k in range(nthreads)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
    return time.perf_counter() - start, sum(results)


def main():
    units = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    jobs = [300_000] * (4 * units)
    gil = sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True
    print(f"GIL {'on' if gil else 'off'}: {len(jobs)} jobs of {jobs[0]} iterations")
    print(f"{'threads':>8} {'seconds':>9} {'speed-up':>9}")
    base = None
    check = None
    for n in (1, 2, 4):
        t, total = run(jobs, n)
        if base is None:
            base, check = t, total
        assert total == check, "threads computed a different result"
        print(f"{n:>8} {t:>9.3f} {base / t:>8.2f}x")


if __name__ == "__main__":
    main()
