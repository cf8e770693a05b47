async def locked(lock, item):
    async with lock as held:
        item.update(held)
    return item
