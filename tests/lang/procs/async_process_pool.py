# asyncio with a ProcessPoolExecutor: loop.run_in_executor(pool, fn, *args)
# runs fn in a worker process and awaits its result; the seed's CPU-bound
# task over 4 chunks gives the sequential result; an exception raised in a
# worker comes back as the same type (with its attributes) through the
# awaited future; other tasks keep running meanwhile; afterwards no child
# process is left and no file descriptor leaked.
import asyncio
import concurrent.futures as cf
import gc
import os


class OutOfRange(Exception):
    def __init__(self, value, limit):
        super().__init__(value, limit)
        self.value = value
        self.limit = limit


def sum_squares(lo, hi):
    return sum(i * i for i in range(lo, hi))


def checked(x, limit):
    if x > limit:
        raise OutOfRange(x, limit)
    return os.getpid()


def fd_count():
    return len(os.listdir("/proc/self/fd"))


async def ticker(ticks):
    for _ in range(3):
        ticks.append(1)
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    n = 200_000
    bounds = [(k * n // 4, (k + 1) * n // 4) for k in range(4)]
    ticks = []
    with cf.ProcessPoolExecutor(2) as pool:
        parts = await asyncio.gather(ticker(ticks),
                                     *[loop.run_in_executor(pool, sum_squares, lo, hi) for lo, hi in bounds])
        print(parts[1:] == [sum_squares(lo, hi) for lo, hi in bounds])
        print(sum(parts[1:]) == sum(i * i for i in range(n)), sum(parts[1:]))
        print("ticks while waiting:", len(ticks))
        pid = await loop.run_in_executor(pool, checked, 1, 10)
        print("ran in another process:", pid != os.getpid())
        try:
            await loop.run_in_executor(pool, checked, 11, 10)
        except OutOfRange as e:
            print("caught", type(e).__name__, e.value, e.limit, e.args)
        # The pool still works after a task raised.
        results = await asyncio.gather(*[loop.run_in_executor(pool, checked, x, 2) for x in range(4)],
                                       return_exceptions=True)
        print([type(r).__name__ for r in results])
        # A worker's exception also crosses asyncio.wait_for unchanged.
        try:
            await asyncio.wait_for(loop.run_in_executor(pool, checked, 5, 0), timeout=30)
        except OutOfRange as e:
            print("wait_for raised", type(e).__name__, e.args)


before = fd_count()
asyncio.run(main())
gc.collect()
print("fds leaked:", fd_count() - before)
try:
    os.waitpid(-1, os.WNOHANG)
    print("a child is left")
except ChildProcessError:
    print("no child left")
# expect: True
# expect: True 2666646666700000
# expect: ticks while waiting: 3
# expect: ran in another process: True
# expect: caught OutOfRange 11 10 (11, 10)
# expect: ['int', 'int', 'int', 'OutOfRange']
# expect: wait_for raised OutOfRange (5, 0)
# expect: fds leaked: 0
# expect: no child left
