# concurrent.futures.wait (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED,
# timeouts) and as_completed (order of completion, timeout).
import concurrent.futures as cf
import time


def nap(seconds):
    time.sleep(seconds)
    return seconds


def fail_after(seconds):
    time.sleep(seconds)
    raise ValueError("failed after %s" % seconds)


with cf.ThreadPoolExecutor(max_workers=4) as ex:
    quick, slow = ex.submit(nap, 0.01), ex.submit(nap, 0.5)
    done, not_done = cf.wait([quick, slow], return_when=cf.FIRST_COMPLETED)
    print(done == {quick}, not_done == {slow})
    # expect: True True

    done, not_done = cf.wait([quick, slow], timeout=0.01)
    print(len(done), len(not_done))
    done, not_done = cf.wait([quick, slow])
    print(len(done), len(not_done), type(done).__name__)
    print(cf.wait([quick, slow]).done == {quick, slow})
    # expect: 1 1
    # expect: 2 0 set
    # expect: True

    bad = ex.submit(fail_after, 0.05)
    slower = ex.submit(nap, 1.0)
    done, not_done = cf.wait([bad, slower], return_when=cf.FIRST_EXCEPTION)
    print(done == {bad}, not_done == {slower}, str(bad.exception()))
    # expect: True True failed after 0.05

    futures = [ex.submit(nap, t) for t in (0.3, 0.1, 0.2)]
    print([f.result() for f in cf.as_completed(futures)])
    # expect: [0.1, 0.2, 0.3]

    futures = [ex.submit(nap, t) for t in (0.01, 1.0)]
    got = []
    try:
        for f in cf.as_completed(futures, timeout=0.3):
            got.append(f.result())
    except cf.TimeoutError as e:
        print("TimeoutError:", e, got)
    # expect: TimeoutError: 1 (of 2) futures unfinished [0.01]

    done_future = ex.submit(nap, 0)
    done_future.result()
    print(list(cf.as_completed([done_future, done_future])) == [done_future])
    # expect: True

try:
    cf.wait([cf.Future()], return_when="SOMETIMES")
except ValueError as e:
    print("ValueError:", e)
# expect: ValueError: Invalid return condition: 'SOMETIMES'
