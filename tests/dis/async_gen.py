async def ticker(n, delay):
    for i in range(n):
        await delay
        yield i
    print("stopped")


def evens(agen):
    return (x async for x in agen if x % 2 == 0)
