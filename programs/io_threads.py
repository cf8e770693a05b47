# 50 threads each doing 'I/O' (a 0.2 s sleep, which releases the GIL)
# finish in about one sleep, not 50: threads overlap waiting, GIL or not.
#
#   minipy programs/io_threads.py
import threading
import time

THREADS = 50
DELAY = 0.2


def io_job(results, k):
    time.sleep(DELAY)   # stands for a socket read or a disk access
    results[k] = k


def main():
    results = [None] * THREADS
    start = time.perf_counter()
    for k in range(3):  # time a few sequentially, to estimate all 50
        io_job(results, k)
    seq = (time.perf_counter() - start) / 3 * THREADS
    start = time.perf_counter()
    ts = [threading.Thread(target=io_job, args=(results, k)) for k in range(THREADS)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    took = time.perf_counter() - start
    assert results == list(range(THREADS))
    print(f"{THREADS} sleeps of {DELAY} s: sequential would take about {seq:.1f} s")
    print(f"in {THREADS} threads: {took:.2f} s ({took / DELAY:.1f} sleeps)")


if __name__ == "__main__":
    main()
