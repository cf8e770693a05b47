# Cancelling tasks: CancelledError is raised at the await the task is
# suspended in, finally blocks run, a task may refuse, cancel(msg) carries
# a message, cancelling()/uncancel() count requests (3.11).
import asyncio

log = []

async def sleeper(name):
    try:
        log.append(f'{name} start')
        await asyncio.sleep(10)
        log.append(f'{name} woke')   # never
    except asyncio.CancelledError as e:
        log.append(f'{name} cancelled {e.args}')
        raise
    finally:
        log.append(f'{name} finally')

async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append('stubborn ignores it')
    await asyncio.sleep(0)
    return 'survived'

async def main():
    t = asyncio.create_task(sleeper('s1'))
    await asyncio.sleep(0)
    print(t.cancel(), t.cancelling())  # expect: True 1
    print(t.cancelled(), t.done())     # expect: False False
    try:
        await t
    except asyncio.CancelledError:
        print('awaiting it raises CancelledError')  # expect: awaiting it raises CancelledError
    print(t.cancelled(), t.done(), t.cancel())  # expect: True True False
    print(log)  # expect: ['s1 start', 's1 cancelled ()', 's1 finally']

    # A message travels with the cancellation.
    log.clear()
    t = asyncio.create_task(sleeper('s2'))
    await asyncio.sleep(0)
    t.cancel('enough')
    try:
        await t
    except asyncio.CancelledError as e:
        print('args', e.args)  # expect: args ('enough',)
    print(log)  # expect: ['s2 start', "s2 cancelled ('enough',)", 's2 finally']

    # Cancelled before it ever ran: the coroutine never starts.
    log.clear()
    t = asyncio.create_task(sleeper('s3'))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        pass
    print(log, t.cancelled())  # expect: [] True

    # A task may catch CancelledError and go on.
    log.clear()
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelled(), t.cancelling())  # expect: survived False 1
    print(t.uncancel(), t.uncancel())  # expect: 0 0
    print(log)  # expect: ['stubborn ignores it']

    # Cancelling the task that awaits another task cancels that one too.
    log.clear()
    inner = asyncio.create_task(sleeper('inner'))
    async def outer():
        return await inner
    o = asyncio.create_task(outer())
    await asyncio.sleep(0)
    o.cancel()
    try:
        await o
    except asyncio.CancelledError:
        pass
    print(o.cancelled(), inner.cancelled())  # expect: True True
    print(log)  # expect: ['inner start', 'inner cancelled ()', 'inner finally']

    # A pending task's repr shows what it waits for.
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    r = repr(t)
    print(r.startswith("<Task pending name="), 'wait_for=<Future pending cb=[' in r)  # expect: True True
    t.cancel()
    print(repr(t).startswith("<Task cancelling name="))  # expect: True
    try:
        await t
    except asyncio.CancelledError:
        pass
    print(repr(t).startswith("<Task cancelled name="))  # expect: True

    # The current task cancelling itself: the next await raises.
    me = asyncio.current_task()
    me.cancel()
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError:
        print('self-cancel seen')  # expect: self-cancel seen
    me.uncancel()
    return 'main finished'

print(asyncio.run(main()))  # expect: main finished

# asyncio.run cancels the tasks still pending when main returns, running
# their finally blocks.
log.clear()
async def main2():
    asyncio.create_task(sleeper('left'))
    await asyncio.sleep(0)
asyncio.run(main2())
print(log)  # expect: ['left start', 'left cancelled ()', 'left finally']

# CancelledError escaping asyncio.run.
async def main3():
    asyncio.current_task().cancel()
    await asyncio.sleep(1)
try:
    asyncio.run(main3())
except asyncio.CancelledError:
    print('run raised CancelledError')  # expect: run raised CancelledError
