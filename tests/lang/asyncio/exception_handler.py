# Errors nobody can catch go to the loop's exception handler: a callback
# that raises, a Future or Task whose exception was never retrieved. The
# default handler logs them to stderr as CPython does.
import asyncio
import gc

loop = asyncio.new_event_loop()

def boom():
    1 / 0

loop.call_soon(boom)
loop.call_soon(print, 'the loop goes on')  # expect: the loop goes on
loop.call_soon(loop.stop)
loop.run_forever()
# expect stderr: Exception in callback boom() at {FILE}:9
# expect stderr: handle: <Handle boom() at {FILE}:9>
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 10, in boom
# expect stderr:     1 / 0
# expect stderr: ZeroDivisionError: division by zero

# A future whose exception was never looked at, when it is freed.
f = loop.create_future()
f.set_exception(ValueError('nobody looked'))
del f
gc.collect()
# expect stderr: Future exception was never retrieved
# expect stderr: future: <Future finished exception=ValueError('nobody looked')>
# expect stderr: ValueError: nobody looked

# Looking at it (exception() or result()) silences the report.
f = loop.create_future()
f.set_exception(ValueError('seen'))
f.exception()
del f
gc.collect()

# The same for a task.
async def fail():
    raise KeyError('lost')

t = loop.create_task(fail(), name='failing')
loop.run_until_complete(asyncio.sleep(0.01))
print(t.done())  # expect: True
del t
gc.collect()
# expect stderr: Task exception was never retrieved
# expect stderr: future: <Task finished name='failing' coro=<fail() done, defined at {FILE}:40> exception=KeyError('lost')>
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 41, in fail
# expect stderr:     raise KeyError('lost')
# expect stderr: KeyError: 'lost'

# A handler of our own gets the loop and the context dict.
def handler(lp, context):
    print('handler:', lp is loop, sorted(context))
    print('message:', context['message'])
    print('exception:', repr(context.get('exception')))

loop.set_exception_handler(handler)
print(loop.get_exception_handler() is handler)  # expect: True
loop.call_soon(boom)
loop.call_soon(loop.stop)
loop.run_forever()
# expect: handler: True ['exception', 'handle', 'message']
# expect: message: Exception in callback boom() at {FILE}:9
# expect: exception: ZeroDivisionError('division by zero')

loop.call_exception_handler({'message': 'just a message'})
# expect: handler: True ['message']
# expect: message: just a message
# expect: exception: None

# An error inside the handler falls back to the default handler.
def bad_handler(lp, context):
    raise RuntimeError('handler broke')

loop.set_exception_handler(bad_handler)
loop.call_exception_handler({'message': 'original'})
# expect stderr: Unhandled error in exception handler
# expect stderr: context: {'message': 'original'}
# expect stderr: RuntimeError: handler broke

loop.set_exception_handler(None)
loop.default_exception_handler({'message': 'plain', 'extra': [1, 2]})
# expect stderr: plain
# expect stderr: extra: [1, 2]
loop.default_exception_handler({})
# expect stderr: Unhandled exception in event loop
try:
    loop.set_exception_handler(42)
except TypeError as e:
    print(e)  # expect: A callable object or None is expected, got 42
loop.close()
