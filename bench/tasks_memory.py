"""Peak memory of many concurrently sleeping asyncio tasks.

    minipy bench/tasks_memory.py [N]      (also runs under python3)

Starts N tasks (100,000 by default), each `await asyncio.sleep(10)` inside a
small coroutine chain, lets them all reach their sleep, then cancels them
and gathers the results. Prints a checksum line (the same under every
interpreter) and then the process's peak resident memory (VmHWM from
/proc/self/status) in MB.
"""
import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100000


async def sleeper(i):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return i
    return -1


async def main():
    tasks = [asyncio.create_task(sleeper(i)) for i in range(N)]
    await asyncio.sleep(0)      # every task runs up to its sleep
    await asyncio.sleep(0)
    for t in tasks:
        t.cancel()
    results = await asyncio.gather(*tasks)
    return len(results), sum(results)


def peak_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


n, total = asyncio.run(main())
print("tasks_memory", n, total)
print("peak %.1f MB" % peak_mb())
