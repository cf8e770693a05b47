# to_thread runs a blocking function in a worker thread, so the loop keeps
# running other tasks; run_in_executor is the lower-level form.
import asyncio
import threading
import time
import concurrent.futures

def blocking_work(seconds, value):
    time.sleep(seconds)
    return value, threading.current_thread() is threading.main_thread()

async def main():
    ticks = 0
    async def ticker():
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    tick_task = asyncio.create_task(ticker())
    result, in_main = await asyncio.to_thread(blocking_work, 0.2, 'done')
    print(result, in_main)  # expect: done False
    print('loop stayed responsive:', ticks >= 5)  # expect: loop stayed responsive: True
    tick_task.cancel()

    # Keyword arguments pass through.
    print(await asyncio.to_thread(sorted, [3, 1, 2], reverse=True))  # expect: [3, 2, 1]

    # Exceptions come back to the awaiting task.
    def fails():
        raise ValueError('from a thread')
    try:
        await asyncio.to_thread(fails)
    except ValueError as e:
        print('caught', e)  # expect: caught from a thread

    # Several blocking calls overlap in the thread pool.
    t0 = time.monotonic()
    res = await asyncio.gather(*(asyncio.to_thread(blocking_work, 0.2, i) for i in range(4)))
    print([r[0] for r in res], time.monotonic() - t0 < 0.6)  # expect: [0, 1, 2, 3] True

    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, pow, 2, 10))  # expect: 1024
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        print(await loop.run_in_executor(pool, max, 4, 9))  # expect: 9

    # A coroutine submitted from another thread to this loop.
    def submit_from_thread():
        cf = asyncio.run_coroutine_threadsafe(asyncio.sleep(0.01, 'from thread'), loop)
        return cf.result(timeout=5)
    print(await asyncio.to_thread(submit_from_thread))  # expect: from thread

asyncio.run(main())

# concurrent.futures on its own.
with concurrent.futures.ThreadPoolExecutor(max_workers=3) as ex:
    futs = [ex.submit(pow, 2, i) for i in range(5)]
    print([f.result() for f in futs])  # expect: [1, 2, 4, 8, 16]
    print(list(ex.map(abs, [-1, -2, 3])))  # expect: [1, 2, 3]
    done, not_done = concurrent.futures.wait(futs)
    print(len(done), len(not_done))  # expect: 5 0
    print(sorted(f.result() for f in concurrent.futures.as_completed(futs)))  # expect: [1, 2, 4, 8, 16]
f = concurrent.futures.Future()
print(f.cancel(), f.cancelled(), f.done())  # expect: True True True
try:
    f.result()
except concurrent.futures.CancelledError:
    print('CancelledError')  # expect: CancelledError
try:
    ex.submit(print)
except RuntimeError as e:
    print(e)  # expect: cannot schedule new futures after shutdown
