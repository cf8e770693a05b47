# How long does a thread that wakes from a short sleep wait for the GIL while
# another thread spins on the CPU?
#
#   minipy programs/wake_latency.py [ROUNDS]
#   minipy -X gil=0 programs/wake_latency.py      (no GIL: no wait at all)
#
# The waking thread asks for the GIL, waits one switch interval
# (sys.getswitchinterval(), 5 ms by default), then sets the drop request;
# the spinner sees it at its next eval-breaker check and hands the GIL over
# (forced switching: it may not take it back first). So the extra delay
# after each sleep should be about one switch interval, and at the 99th
# percentile within two. The program records the delay of every wake-up
# and prints the percentiles in milliseconds and in switch intervals.
import sys
import threading
import time

SLEEP = 0.001


def spin(stop):
    n = 0
    while not stop.is_set():
        n += 1     # pure bytecode: it never releases the GIL by itself
    return n


def percentile(sorted_values, p):
    k = int(round(p / 100 * (len(sorted_values) - 1)))
    return sorted_values[k]


def measure(rounds, with_spinner):
    stop = threading.Event()
    spinner = threading.Thread(target=spin, args=(stop,))
    if with_spinner:
        spinner.start()
        time.sleep(0.05)   # let the spinner take the GIL
    delays = []
    for _ in range(rounds):
        start = time.perf_counter()
        time.sleep(SLEEP)
        delays.append(time.perf_counter() - start - SLEEP)
    stop.set()
    if with_spinner:
        spinner.join()
    delays.sort()
    return delays


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    interval = sys.getswitchinterval()
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    print("switch interval %.1f ms, GIL %s, %d wake-ups of time.sleep(%g)"
          % (interval * 1000, "on" if gil else "off", rounds, SLEEP))
    print("%-16s %9s %9s %9s %9s   %s" % ("", "p50 ms", "p90 ms", "p99 ms", "max ms", "p99 in intervals"))
    for label, with_spinner in (("idle", False), ("with a spinner", True)):
        d = measure(rounds, with_spinner)
        p50, p90, p99 = (percentile(d, p) for p in (50, 90, 99))
        print("%-16s %9.3f %9.3f %9.3f %9.3f   %.2f"
              % (label, p50 * 1000, p90 * 1000, p99 * 1000, d[-1] * 1000, p99 / interval))


if __name__ == "__main__":
    main()
