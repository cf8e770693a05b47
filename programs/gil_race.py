# The race the GIL does not prevent: `counter += 1` is several bytecodes
# (load, add, store), and a thread can lose the GIL (or, with -X gil=0, run
# truly in parallel) between the load and the store, so updates are lost.
# With a Lock around the update none are.
#
#   minipy programs/gil_race.py            (switch interval shrunk to 1 us)
#   minipy -X gil=0 programs/gil_race.py   (no GIL at all)
import sys
import threading

THREADS = 4
N = 100_000
counter = 0
lock = threading.Lock()


def bump():
    # A call between the read and the write widens the window, as in any
    # real program (CPython 3.11 only switches at calls and backward jumps).
    return 1


def unsafe():
    global counter
    for _ in range(N):
        counter = counter + bump()


def safe():
    global counter
    for _ in range(N):
        with lock:
            counter = counter + bump()


def run(target):
    global counter
    counter = 0
    ts = [threading.Thread(target=target) for _ in range(THREADS)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return counter


def main():
    sys.setswitchinterval(1e-6)
    expected = THREADS * N
    gil = sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True
    print(f"GIL {'on' if gil else 'off'}, switch interval {sys.getswitchinterval()} s")
    got = run(unsafe)
    print(f"without a lock: {got} of {expected} ({expected - got} updates lost)")
    got = run(safe)
    print(f"with a lock:    {got} of {expected} ({expected - got} updates lost)")


if __name__ == "__main__":
    main()
