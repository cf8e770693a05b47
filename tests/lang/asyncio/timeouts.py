# asyncio.timeout and timeout_at (3.11): the block is cancelled at the
# deadline and TimeoutError (the builtin) comes out of the async with.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0)
    print(cm.expired())  # expect: False

    log = []
    try:
        async with asyncio.timeout(0.02) as cm:
            try:
                await asyncio.sleep(10)
            finally:
                log.append('finally ran')
    except TimeoutError as e:
        print('TimeoutError', type(e).__module__, type(e.__cause__).__name__)  # expect: TimeoutError builtins CancelledError
    print(cm.expired(), log)  # expect: True ['finally ran']
    print(asyncio.current_task().cancelling())  # expect: 0

    # None: no deadline; reschedule() sets one later.
    async with asyncio.timeout(None) as cm:
        print(cm.when())  # expect: None
        cm.reschedule(loop.time() + 10)
        print(cm.when() > loop.time())  # expect: True
        cm.reschedule(None)
        await asyncio.sleep(0.01)
    print(cm.expired())  # expect: False

    # timeout_at takes a loop time; a deadline in the past fires at once.
    try:
        async with asyncio.timeout_at(loop.time() - 1):
            await asyncio.sleep(1)
    except TimeoutError:
        print('past deadline')  # expect: past deadline

    # Nested: the inner deadline fires first and is handled inside.
    async with asyncio.timeout(1):
        try:
            async with asyncio.timeout(0.01):
                await asyncio.sleep(1)
        except TimeoutError:
            print('inner timed out')  # expect: inner timed out
        await asyncio.sleep(0)
    print('outer fine')  # expect: outer fine

    # Reusing or misusing a Timeout.
    cm = asyncio.timeout(1)
    try:
        cm.reschedule(1)
    except RuntimeError as e:
        print(e)  # expect: Timeout has not been entered
    async with cm:
        pass
    try:
        async with cm:
            pass
    except RuntimeError as e:
        print(e)  # expect: Timeout has already been entered
    try:
        cm.reschedule(1)
    except RuntimeError as e:
        print(e)  # expect: Cannot change state of finished Timeout
    print(repr(cm))  # expect: <Timeout [finished]>

asyncio.run(main())
