# multiprocessing.Pool: map (with chunks), imap, imap_unordered, starmap,
# apply, apply_async (get with timeout, ready, successful, callbacks),
# errors in workers re-raised as the same type, close/terminate/join.
import multiprocessing as mp
import time


def square(x):
    return x * x


def sum_squares(bounds):
    lo, hi = bounds
    return sum(i * i for i in range(lo, hi))


def power(base, exp):
    return base ** exp


def check(x):
    if x == 3:
        raise KeyError("no %d" % x)
    return x


def nap(seconds):
    time.sleep(seconds)
    return seconds


class Unpicklable:
    def __reduce__(self):
        raise TypeError("not today")


state = "not set"


def setup(value):
    global state
    state = value


def get_state(x):
    return state


def make_unpicklable(x):
    return Unpicklable()


if __name__ == "__main__":
    # The seed's CPU-bound task over 4 chunks, as sequential.
    n = 400000
    bounds = [(k * n // 4, (k + 1) * n // 4) for k in range(4)]
    with mp.Pool(4) as pool:
        parallel = sum(pool.map(sum_squares, bounds))
    print(parallel == sum(i * i for i in range(n)), parallel)
    # expect: True 21333253333400000

    with mp.Pool(processes=3) as pool:
        print(pool.map(square, range(10)))
        print(pool.map(square, range(100), chunksize=7) == [i * i for i in range(100)])
        print(pool.map(square, []))
        print(list(pool.imap(square, range(6))))
        print(list(pool.imap(square, range(10), chunksize=4)))
        print(sorted(pool.imap_unordered(square, range(6))))
        print(sorted(pool.imap_unordered(square, range(10), chunksize=3)))
        print(pool.starmap(power, [(2, 3), (3, 2), (10, 0)]))
        print(pool.apply(power, (2,), {"exp": 10}))
        # expect: [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
        # expect: True
        # expect: []
        # expect: [0, 1, 4, 9, 16, 25]
        # expect: [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
        # expect: [0, 1, 4, 9, 16, 25]
        # expect: [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
        # expect: [8, 9, 1]
        # expect: 1024

        r = pool.apply_async(square, (12,))
        print(r.get(timeout=10), r.ready(), r.successful())
        # expect: 144 True True

        r = pool.apply_async(nap, (0.5,))
        try:
            r.get(timeout=0.01)
        except mp.TimeoutError:
            print("TimeoutError", r.ready())
        try:
            r.successful()
        except ValueError:
            print("not ready")
        print(r.get(timeout=10))
        # expect: TimeoutError False
        # expect: not ready
        # expect: 0.5

        results, errors = [], []
        r1 = pool.apply_async(square, (5,), callback=results.append)
        r2 = pool.apply_async(check, (3,), error_callback=errors.append)
        r1.wait()
        r2.wait()
        print(results, [type(e).__name__ for e in errors], r2.successful())
        try:
            r2.get()
        except KeyError as e:
            print("KeyError", e)
        # expect: [25] ['KeyError'] False
        # expect: KeyError 'no 3'

        try:
            pool.map(check, range(6))
        except KeyError as e:
            print("map raised KeyError", e)
        it = pool.imap(check, range(6))
        print(next(it), next(it), next(it))
        try:
            next(it)
        except KeyError as e:
            print("imap raised KeyError", e)
        # expect: map raised KeyError 'no 3'
        # expect: 0 1 2
        # expect: imap raised KeyError 'no 3'

        m = pool.map_async(square, range(5))
        print(m.get(timeout=10), pool.starmap_async(power, [(3, 3)]).get(timeout=10))
        # expect: [0, 1, 4, 9, 16] [27]

        try:
            pool.map(make_unpicklable, [1])
        except Exception as e:
            print(type(e).__name__)
        # expect: MaybeEncodingError

    pool = mp.Pool(2)
    print(pool.map(square, [1, 2, 3]))
    pool.close()
    try:
        pool.apply(square, (1,))
    except ValueError as e:
        print("ValueError:", e)
    pool.join()
    # expect: [1, 4, 9]
    # expect: ValueError: Pool not running

    pool = mp.Pool(2)
    try:
        pool.join()
    except ValueError as e:
        print("ValueError:", e)
    pool.terminate()
    pool.join()
    # expect: ValueError: Pool is still running

    with mp.Pool(2, initializer=setup, initargs=("ready",)) as pool:
        print(pool.map(get_state, range(4)))
    # expect: ['ready', 'ready', 'ready', 'ready']
