# Future states, results, callbacks (scheduled through the loop), reprs
# and the errors for wrong use.
import asyncio

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)

f = loop.create_future()
print(repr(f), f.done(), f.cancelled())  # expect: <Future pending> False False
print(asyncio.isfuture(f), asyncio.isfuture(42))  # expect: True False
print(f.get_loop() is loop)  # expect: True

for method in (f.result, f.exception):
    try:
        method()
    except asyncio.InvalidStateError as e:
        print(type(e).__name__, e)
# expect: InvalidStateError Result is not set.
# expect: InvalidStateError Exception is not set.

# Callbacks are not called by set_result itself: the loop calls them, in
# the order they were added, with the future as argument.
calls = []
def cb1(fut):
    calls.append(('cb1', fut.result()))
def cb2(fut):
    calls.append(('cb2', fut.result()))
f.add_done_callback(cb1)
f.add_done_callback(cb2)
f.add_done_callback(cb1)
print(f.remove_done_callback(cb1))  # expect: 2
f.add_done_callback(cb1)
print(repr(f))  # expect: <Future pending cb=[cb2() at {FILE}:26, cb1() at {FILE}:24]>
f.set_result(42)
print(calls)  # expect: []
print(repr(f), f.done(), f.result(), f.exception())  # expect: <Future finished result=42> True 42 None
loop.run_until_complete(asyncio.sleep(0))
print(calls)  # expect: [('cb2', 42), ('cb1', 42)]

# A callback added to a done future is scheduled at once.
calls.clear()
f.add_done_callback(cb2)
loop.run_until_complete(asyncio.sleep(0))
print(calls)  # expect: [('cb2', 42)]

try:
    f.set_result(1)
except asyncio.InvalidStateError as e:
    print(e)  # expect: invalid state
try:
    f.set_exception(ValueError())
except asyncio.InvalidStateError as e:
    print(e)  # expect: invalid state

# Exceptions.
g = loop.create_future()
g.set_exception(ValueError('bad value'))
print(repr(g))  # expect: <Future finished exception=ValueError('bad value')>
print(repr(g.exception()))  # expect: ValueError('bad value')
try:
    g.result()
except ValueError as e:
    print('raised', e)  # expect: raised bad value

h = loop.create_future()
h.set_exception(KeyError)          # a class is instantiated
print(repr(h.exception()))  # expect: KeyError()
try:
    loop.create_future().set_exception(StopIteration())
except TypeError as e:
    print(e)  # expect: StopIteration interacts badly with generators and cannot be raised into a Future

# Cancellation, with and without a message.
c = loop.create_future()
print(c.cancel(), c.cancel())  # expect: True False
print(repr(c), c.cancelled(), c.done())  # expect: <Future cancelled> True True
try:
    c.result()
except asyncio.CancelledError as e:
    print('CancelledError', e.args)  # expect: CancelledError ()
m = loop.create_future()
m.cancel(msg='stop now')
try:
    m.exception()
except asyncio.CancelledError as e:
    print('CancelledError', e.args)  # expect: CancelledError ('stop now',)
print(issubclass(asyncio.CancelledError, BaseException),
      issubclass(asyncio.CancelledError, Exception))  # expect: True False
done = loop.create_future()
done.set_result(None)
print(done.cancel())  # expect: False

# Awaiting a future from a coroutine.
async def waiter(fut):
    return await fut * 2

fut = loop.create_future()
loop.call_later(0.01, fut.set_result, 21)
print(loop.run_until_complete(waiter(fut)))  # expect: 42

# result() of a long list is cut as reprlib does.
big = loop.create_future()
big.set_result(list(range(100)))
print(repr(big))  # expect: <Future finished result=[0, 1, 2, 3, 4, 5, ...]>
s = loop.create_future()
s.set_result('x' * 100)
print(repr(s))  # expect: <Future finished result='xxxxxxxxxxxx...xxxxxxxxxxxxx'>

# Many callbacks are summarised.
many = loop.create_future()
for i in range(5):
    many.add_done_callback(cb1)
many.add_done_callback(cb2)
print(repr(many))  # expect: <Future pending cb=[cb1() at {FILE}:24, <4 more>, cb2() at {FILE}:26]>
print(many.remove_done_callback(cb1), many.remove_done_callback(cb2))  # expect: 5 1
many.cancel()
loop.run_until_complete(asyncio.sleep(0))
loop.close()
