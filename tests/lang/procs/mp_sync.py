# Sharing between processes: Value and Array in shared memory, Lock and
# RLock, Semaphore, Event, Condition, Barrier.
import multiprocessing as mp
import time


def add_many(counter, n):
    for _ in range(n):
        with counter.get_lock():
            counter.value += 1


def double_all(arr):
    for i in range(len(arr)):
        arr[i] = arr[i] * 2


def wait_then_report(event, flag):
    if event.wait(10):
        flag.value = 1


def take_lock(lock, results):
    got = lock.acquire(timeout=0.1)
    results.value = 1 if got else 2


def notify_later(cond, ready):
    time.sleep(0.1)
    with cond:
        ready.value = 1
        cond.notify_all()


def at_barrier(barrier, arrived):
    barrier.wait(10)
    with arrived.get_lock():
        arrived.value += 1


if __name__ == "__main__":
    counter = mp.Value('i', 0)
    procs = [mp.Process(target=add_many, args=(counter, 300)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("counter:", counter.value)
    # expect: counter: 900

    arr = mp.Array('d', [1.5, 2.0, -3.25])
    p = mp.Process(target=double_all, args=(arr,))
    p.start()
    p.join()
    print("array:", arr[:], len(arr), arr[-1])
    # expect: array: [3.0, 4.0, -6.5] 3 -6.5

    ints = mp.Array('i', 4)
    ints[1] = 7
    ints[2:4] = [8, 9]
    print(list(ints), mp.Value('d', 2.5).value, mp.RawValue('q', 2**40).value)
    # expect: [0, 7, 8, 9] 2.5 1099511627776

    event, flag = mp.Event(), mp.Value('i', 0)
    p = mp.Process(target=wait_then_report, args=(event, flag))
    p.start()
    print("event set:", event.is_set())
    event.set()
    p.join()
    print("child saw event:", flag.value, event.is_set())
    event.clear()
    print(event.is_set(), event.wait(0.01))
    # expect: event set: False
    # expect: child saw event: 1 True
    # expect: False False

    # A lock held here blocks a child; released, the child gets it.
    lock, result = mp.Lock(), mp.Value('i', 0)
    lock.acquire()
    p = mp.Process(target=take_lock, args=(lock, result))
    p.start()
    p.join()
    print("child got held lock:", result.value == 1)
    lock.release()
    p = mp.Process(target=take_lock, args=(lock, result))
    p.start()
    p.join()
    print("child got free lock:", result.value == 1)
    # expect: child got held lock: False
    # expect: child got free lock: True

    rlock = mp.RLock()
    with rlock:
        with rlock:
            print("rlock nested")
    try:
        rlock.release()
    except AssertionError as e:
        print("AssertionError:", e)
    # expect: rlock nested
    # expect: AssertionError: attempt to release recursive lock not owned by thread

    try:
        mp.Lock().release()
    except ValueError as e:
        print("ValueError:", e)
    # expect: ValueError: semaphore or lock released too many times

    sem = mp.Semaphore(2)
    print(sem.acquire(), sem.acquire(), sem.acquire(timeout=0.05), sem.get_value())
    sem.release()
    bsem = mp.BoundedSemaphore(1)
    try:
        bsem.release()
    except ValueError as e:
        print("ValueError:", e)
    # expect: True True False 0
    # expect: ValueError: semaphore or lock released too many times

    cond, ready = mp.Condition(), mp.Value('i', 0)
    p = mp.Process(target=notify_later, args=(cond, ready))
    p.start()
    with cond:
        print("condition:", cond.wait_for(lambda: ready.value == 1, timeout=10))
    p.join()
    # expect: condition: True

    barrier, arrived = mp.Barrier(3), mp.Value('i', 0)
    procs = [mp.Process(target=at_barrier, args=(barrier, arrived)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("barrier:", arrived.value, [p.exitcode for p in procs])
    # expect: barrier: 3 [0, 0, 0]

    import pickle
    try:
        pickle.dumps(mp.Lock())
    except RuntimeError as e:
        print("RuntimeError:", e)
    # expect: RuntimeError: Lock objects should only be shared between processes through inheritance
