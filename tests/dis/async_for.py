async def total(stream):
    n = 0
    async for chunk in stream:
        if not chunk:
            break
        n += len(chunk)
    else:
        n = -n
    return n


async def collect(stream):
    return [x async for x in stream if x]
