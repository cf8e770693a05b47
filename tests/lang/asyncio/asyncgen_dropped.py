# An async generator dropped unfinished while the loop runs is closed right
# away: the loop holds its async generators weakly (a WeakSet), the
# finalizer hook schedules aclose(), and its finally block runs before the
# next steps of the program, as in CPython.
import asyncio


async def numbers():
    try:
        for i in range(10):
            yield i
    finally:
        print("numbers finally")


async def main():
    g = numbers()
    print(await g.__anext__())  # expect: 0
    del g
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    # expect: numbers finally
    print("main done")  # expect: main done
    loop = asyncio.get_running_loop()
    kept = numbers()
    await kept.__anext__()
    print(len(loop._asyncgens))  # expect: 1


asyncio.run(main())
# expect: numbers finally
