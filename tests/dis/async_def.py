async def fetch(session, url):
    response = await session.get(url)
    return await response.text()


async def gather(tasks):
    return [await t for t in tasks]
