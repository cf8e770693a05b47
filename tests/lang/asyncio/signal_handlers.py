# loop.add_signal_handler: the C signal handler writes the signal number to
# the loop's self-pipe (signal.set_wakeup_fd), and the loop runs the callback
# like any other; remove_signal_handler restores the default action.
import asyncio
import os
import signal


async def main():
    loop = asyncio.get_running_loop()
    got = asyncio.Event()
    seen = []

    def on_usr1(tag):
        seen.append((tag, asyncio.get_running_loop() is loop))
        got.set()

    loop.add_signal_handler(signal.SIGUSR1, on_usr1, "usr1")
    print(signal.getsignal(signal.SIGUSR1).__name__)  # expect: _sighandler_noop
    os.kill(os.getpid(), signal.SIGUSR1)
    await asyncio.wait_for(got.wait(), 5)
    print(seen)  # expect: [('usr1', True)]

    # Several signals while the loop is busy elsewhere: each callback runs.
    got.clear()
    counts = {"usr1": 0, "usr2": 0}
    both = asyncio.Event()

    def count(name):
        counts[name] += 1
        if counts["usr1"] and counts["usr2"]:
            both.set()

    loop.add_signal_handler(signal.SIGUSR1, count, "usr1")  # replaces the first
    loop.add_signal_handler(signal.SIGUSR2, count, "usr2")
    os.kill(os.getpid(), signal.SIGUSR1)
    os.kill(os.getpid(), signal.SIGUSR2)
    await asyncio.wait_for(both.wait(), 5)
    print(counts, seen)  # expect: {'usr1': 1, 'usr2': 1} [('usr1', True)]

    print(loop.remove_signal_handler(signal.SIGUSR1), loop.remove_signal_handler(signal.SIGUSR1))  # expect: True False
    print(signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL)  # expect: True
    loop.remove_signal_handler(signal.SIGUSR2)

    for bad in ("x", 0, 1000):
        try:
            loop.add_signal_handler(bad, print)
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
    # expect: TypeError sig must be an int, not 'x'
    # expect: ValueError invalid signal number 0
    # expect: ValueError invalid signal number 1000

    async def coro():
        pass
    try:
        loop.add_signal_handler(signal.SIGUSR1, coro)
    except TypeError as e:
        print(e)  # expect: coroutines cannot be used with add_signal_handler()
    try:
        loop.add_signal_handler(signal.SIGKILL, print)
    except RuntimeError as e:
        print(e)  # expect: sig 9 cannot be caught

    # Outside the main thread: RuntimeError.
    def in_thread():
        other = asyncio.new_event_loop()
        try:
            other.add_signal_handler(signal.SIGUSR1, print)
        except RuntimeError as e:
            return str(e)
        finally:
            other.close()
    print(await asyncio.to_thread(in_thread))  # expect: set_wakeup_fd only works in main thread of the main interpreter


asyncio.run(main())
