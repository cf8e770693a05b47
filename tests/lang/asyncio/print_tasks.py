# skip-oracle: asyncio.print_tasks is minipy's task dump (CPython 3.14 shows the same tree with `python -m asyncio pstree`)
# Every task of the loop as a tree: the coroutines it is suspended in, the
# tasks it awaits (directly or through gather) beneath it.
import asyncio
import threading

async def fetch(n):
    await asyncio.sleep(10)

async def album(n):
    await asyncio.gather(asyncio.create_task(fetch(n), name=f'fetch-{n}-a'),
                         asyncio.create_task(fetch(n), name=f'fetch-{n}-b'))

async def main():
    t = asyncio.create_task(album(1), name='album-1')
    w = asyncio.create_task(asyncio.sleep(5), name='lonely')
    async def waits_for(task):
        await task
    x = asyncio.create_task(waits_for(w), name='waiter')
    await asyncio.sleep(0.01)
    asyncio.print_tasks()
    x.cancel()          # cancels the task it awaits too
    await asyncio.sleep(0)
    print(asyncio.format_tasks().splitlines()[-3:])
    t.cancel()
    await asyncio.gather(t, w, x, return_exceptions=True)
    print(asyncio.format_tasks())

asyncio.run(main())
# expect: ├── (T) Task-1 [running]
# expect: │   └──  main {FILE}:21
# expect: ├── (T) album-1 [pending]
# expect: │   └──  album {FILE}:11
# expect: │       └──  asyncio.tasks.gather
# expect: │           ├── (T) fetch-1-a [pending]
# expect: │           │   └──  fetch {FILE}:8
# expect: │           │       └──  asyncio.tasks.sleep
# expect: │           └── (T) fetch-1-b [pending]
# expect: │               └──  fetch {FILE}:8
# expect: │                   └──  asyncio.tasks.sleep
# expect: └── (T) waiter [pending]
# expect:     └──  main.<locals>.waits_for {FILE}:18
# expect:         └── (T) lonely [pending]
# expect:             └──  asyncio.tasks.sleep
# expect: ['    └──  main.<locals>.waits_for {FILE}:18', '        └── (T) lonely [done]', '            └──  asyncio.tasks.sleep']
# expect: └── (T) Task-1 [running]
# expect:     └──  main {FILE}:27
# expect:
