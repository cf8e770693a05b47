# Async generators and async context managers under asyncio.run: an async
# generator left suspended is closed by run() (shutdown_asyncgens);
# contextlib.asynccontextmanager and AsyncExitStack run their cleanup.
import asyncio
import contextlib

log = []

async def ticker(name):
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0)
    finally:
        log.append(f'{name} closed')

@contextlib.asynccontextmanager
async def resource(name):
    log.append(f'open {name}')
    try:
        yield name.upper()
    finally:
        log.append(f'close {name}')

async def main():
    agen = ticker('looped')
    async for i in agen:
        if i == 2:
            break
    await agen.aclose()     # (CPython would also close it once dropped)
    left = ticker('left suspended')
    print(await left.__anext__())  # expect: 0
    async with resource('db') as r:
        print(r)  # expect: DB
    async with contextlib.AsyncExitStack() as stack:
        a = await stack.enter_async_context(resource('a'))
        b = await stack.enter_async_context(resource('b'))
        print(a, b)  # expect: A B
    print([x async for x in ticker('comprehension') if x % 3 == 0])  # expect: [0, 3, 6, 9]
    try:
        async with resource('failing'):
            raise ValueError('inside')
    except ValueError as e:
        print('propagated', e)  # expect: propagated inside
    log.append('main done')

asyncio.run(main())
for entry in log:
    print(entry)
# expect: looped closed
# expect: open db
# expect: close db
# expect: open a
# expect: open b
# expect: close b
# expect: close a
# expect: comprehension closed
# expect: open failing
# expect: close failing
# expect: main done
# expect: left suspended closed
