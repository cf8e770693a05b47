# A child made by fork() inside a coroutine has no running loop (the
# parent's is not its own) and can start one of its own. Ctrl-C (SIGINT)
# during asyncio.run cancels the main task, whose finally blocks run, and
# then run() raises KeyboardInterrupt.
import asyncio
import os
import signal

async def in_child():
    await asyncio.sleep(0)
    return 'child loop ran'

async def main():
    await asyncio.sleep(0)
    pid = os.fork()
    if pid == 0:
        try:
            asyncio.get_running_loop()
            print('child sees a running loop', flush=True)
        except RuntimeError as e:
            print('child:', e, flush=True)
        print(asyncio.run(in_child()), flush=True)
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)

print('child exit code:', asyncio.run(main()))
# expect: child: no running event loop
# expect: child loop ran
# expect: child exit code: 0

log = []

async def interrupted():
    loop = asyncio.get_running_loop()
    loop.call_later(0.05, signal.raise_signal, signal.SIGINT)
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append('main task cancelled')
        raise
    finally:
        log.append('finally ran')

try:
    asyncio.run(interrupted())
except KeyboardInterrupt:
    print('KeyboardInterrupt', log)  # expect: KeyboardInterrupt ['main task cancelled', 'finally ran']
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)  # expect: True
