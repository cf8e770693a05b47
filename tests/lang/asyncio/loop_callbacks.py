# The event loop without coroutines: call_soon runs callbacks in order,
# call_later/call_at by due time, cancelled handles never run, stop() ends
# run_forever after the current batch.
import asyncio
import threading

loop = asyncio.new_event_loop()
print(loop.is_running(), loop.is_closed())  # expect: False False
print(loop)  # expect: <_UnixSelectorEventLoop running=False closed=False debug=False>

order = []

def note(*args):
    order.append(args)

loop.call_soon(note, 'soon', 1)
loop.call_soon(note, 'soon', 2)
loop.call_later(0.1, note, 'later', 30)
loop.call_later(0.01, note, 'later', 10)
loop.call_at(loop.time() + 0.05, note, 'at', 20)
h = loop.call_later(0.03, note, 'cancelled')
h.cancel()
print(h.cancelled())  # expect: True
loop.call_later(0.15, loop.stop)
loop.run_forever()
for entry in order:
    print(*entry)
# expect: soon 1
# expect: soon 2
# expect: later 10
# expect: at 20
# expect: later 30

# Callbacks scheduled by a callback run in the next iteration, after
# those already queued.
order.clear()

def first():
    order.append('first')
    loop.call_soon(lambda: order.append('scheduled by first'))

loop.call_soon(first)
loop.call_soon(lambda: order.append('second'))
loop.call_soon(lambda: order.append('third'))
loop.call_later(0.01, loop.stop)
loop.run_forever()
print(order)  # expect: ['first', 'second', 'third', 'scheduled by first']

# stop() lets the callbacks of the current batch finish.
order.clear()
loop.call_soon(loop.stop)
loop.call_soon(note, 'after stop, same batch')
loop.run_forever()
print(order)  # expect: [('after stop, same batch',)]

# Inside a callback the loop is running and is the running loop.
def inside():
    print(loop.is_running(), asyncio.get_running_loop() is loop)
    loop.stop()

loop.call_soon(inside)
loop.run_forever()  # expect: True True

try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print(e)  # expect: no running event loop

# Handles and their reprs.
def cb(a, b=None):
    pass

h = loop.call_soon(cb, 1, 'x')
print(h)  # expect: <Handle cb(1, 'x') at {FILE}:70>
h.cancel()
print(h)  # expect: <Handle cancelled>
t = loop.call_at(12345.5, cb, 2)
print(t)  # expect: <TimerHandle when=12345.5 cb(2) at {FILE}:70>
print(t.when())  # expect: 12345.5
t.cancel()
print(t)  # expect: <TimerHandle cancelled when=12345.5>

# time() is the monotonic clock.
import time
print(abs(loop.time() - time.monotonic()) < 1.0)  # expect: True

# call_soon_threadsafe from another thread wakes a loop waiting in select.
def from_thread():
    time.sleep(0.05)
    loop.call_soon_threadsafe(note, 'from thread')
    loop.call_soon_threadsafe(loop.stop)

order.clear()
th = threading.Thread(target=from_thread)
th.start()
loop.call_later(30, note, 'far timer')   # the loop would sleep until then
loop.run_forever()
th.join()
print(order)  # expect: [('from thread',)]

# run_until_complete on a plain Future.
fut = loop.create_future()
loop.call_later(0.01, fut.set_result, 'done')
print(loop.run_until_complete(fut))  # expect: done

# A running loop cannot be run again or closed.
def nested():
    try:
        loop.run_forever()
    except RuntimeError as e:
        print(e)
    try:
        loop.close()
    except RuntimeError as e:
        print(e)
    loop.stop()

loop.call_soon(nested)
loop.run_forever()
# expect: This event loop is already running
# expect: Cannot close a running event loop

loop.close()
loop.close()  # closing twice is fine
print(loop.is_closed())  # expect: True
try:
    loop.call_soon(cb)
except RuntimeError as e:
    print(e)  # expect: Event loop is closed
try:
    loop.run_forever()
except RuntimeError as e:
    print(e)  # expect: Event loop is closed
